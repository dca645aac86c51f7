package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A ProjectionExpression (or any list of paths): picks the given paths out of items, keeping the
 * nesting of maps and lists; list elements picked keep their order and are packed together.
 */
public final class Projection {
  private final List<DocumentPath> paths;
  private final Set<String> nestedPathHeads;

  Projection(List<DocumentPath> paths, Set<String> nestedPathHeads) {
    this.paths = List.copyOf(paths);
    this.nestedPathHeads = Collections.unmodifiableSet(new LinkedHashSet<>(nestedPathHeads));
  }

  /** A projection of the given paths (which should neither overlap nor conflict). */
  public static Projection of(List<DocumentPath> paths) {
    Set<String> nested = new LinkedHashSet<>();
    for (DocumentPath path : paths) {
      if (path.isNested()) {
        nested.add(path.head());
      }
    }
    return new Projection(paths, nested);
  }

  public List<DocumentPath> paths() {
    return paths;
  }

  /** Top-level names of the paths that go below the top level. */
  public Set<String> nestedPathHeads() {
    return nestedPathHeads;
  }

  /** The top-level attribute names the projection reads. */
  public Set<String> topLevelNames() {
    Set<String> names = new LinkedHashSet<>();
    for (DocumentPath path : paths) {
      names.add(path.head());
    }
    return names;
  }

  /** The projected item: only the paths present in the item, nested as in the item. */
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    Node root = new Node(false);
    for (DocumentPath path : paths) {
      AttributeValue value = path.get(item).orElse(null);
      if (value != null) {
        place(root, path, value);
      }
    }
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> entry : root.children.entrySet()) {
      result.put((String) entry.getKey(), freeze(entry.getValue()));
    }
    return result;
  }

  /** A container under construction: a map keyed by name, or a list keyed sparsely by index. */
  private static final class Node {
    final boolean list;
    final Map<Object, Object> children;

    Node(boolean list) {
      this.list = list;
      this.children = list ? new TreeMap<>() : new LinkedHashMap<>();
    }
  }

  private static void place(Node root, DocumentPath path, AttributeValue value) {
    Node container = root;
    for (int i = 0; i < path.size() - 1; i++) {
      Object element = path.element(i);
      boolean listNext = path.element(i + 1) instanceof Integer;
      Object child = container.children.computeIfAbsent(element, e -> new Node(listNext));
      if (!(child instanceof Node node) || node.list != listNext) {
        return;
      }
      container = node;
    }
    container.children.put(path.element(path.size() - 1), value);
  }

  private static AttributeValue freeze(Object node) {
    if (!(node instanceof Node container)) {
      return (AttributeValue) node;
    }
    if (container.list) {
      List<AttributeValue> values = new ArrayList<>();
      for (Object element : container.children.values()) {
        values.add(freeze(element));
      }
      return new AttributeValue.L(values);
    }
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> entry : container.children.entrySet()) {
      values.put((String) entry.getKey(), freeze(entry.getValue()));
    }
    return new AttributeValue.M(values);
  }
}
