package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A document path such as {@code a.b[2].c}: a top-level attribute name followed by map keys ({@link
 * String}) and list indexes ({@link Integer}).
 */
public record DocumentPath(List<Object> elements) {

  public DocumentPath {
    Objects.requireNonNull(elements, "elements");
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("a document path has at least one element");
    }
    if (!(elements.get(0) instanceof String)) {
      throw new IllegalArgumentException("a document path starts with an attribute name");
    }
    for (Object element : elements) {
      if (!(element instanceof String) && !(element instanceof Integer index && index >= 0)) {
        throw new IllegalArgumentException("not a path element: " + element);
      }
    }
    elements = List.copyOf(elements);
  }

  /** A path from names and indexes, e.g. {@code DocumentPath.of("a", "b", 2, "c")}. */
  public static DocumentPath of(Object... elements) {
    return new DocumentPath(List.of(elements));
  }

  /** The top-level attribute name. */
  public String head() {
    return (String) elements.get(0);
  }

  /** True when the path goes below the top-level attribute. */
  public boolean isNested() {
    return elements.size() > 1;
  }

  public int size() {
    return elements.size();
  }

  public Object element(int index) {
    return elements.get(index);
  }

  /** The path without its last element, or empty for a top-level path. */
  public Optional<DocumentPath> parent() {
    return isNested()
        ? Optional.of(new DocumentPath(elements.subList(0, elements.size() - 1)))
        : Optional.empty();
  }

  /** The value at this path, or empty when any step is missing or of the wrong type. */
  public Optional<AttributeValue> get(Map<String, AttributeValue> item) {
    return Optional.ofNullable(resolve(elements, item));
  }

  /** The value at the path given as raw elements, or null. */
  static AttributeValue resolve(List<Object> elements, Map<String, AttributeValue> item) {
    AttributeValue current = item.get((String) elements.get(0));
    for (int i = 1; i < elements.size() && current != null; i++) {
      current = step(current, elements.get(i));
    }
    return current;
  }

  private static AttributeValue step(AttributeValue container, Object element) {
    if (element instanceof String key) {
      return container instanceof AttributeValue.M map ? map.value().get(key) : null;
    }
    int index = (Integer) element;
    if (container instanceof AttributeValue.L list && index < list.value().size()) {
      return list.value().get(index);
    }
    return null;
  }

  /** DynamoDB's form in error messages: {@code [a, b, [2], c]}. */
  @Override
  public String toString() {
    return format(elements);
  }

  /** Formats raw elements (which may hold unresolved {@code null}s) as DynamoDB does. */
  static String format(List<?> elements) {
    List<String> parts = new ArrayList<>(elements.size());
    for (Object element : elements) {
      if (element instanceof Integer index) {
        parts.add("[" + index + "]");
      } else {
        parts.add(element == null ? "" : element.toString());
      }
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
