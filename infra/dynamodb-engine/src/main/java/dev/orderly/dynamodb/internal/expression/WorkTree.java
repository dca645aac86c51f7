package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mutable copy of an item for applying updates. Containers are copied only along the paths
 * written; list elements are addressed by their original index (removals leave a hole until {@link
 * #freeze}) and writes past the end are appended in index order.
 */
final class WorkTree {
  private static final Object REMOVED = new Object();

  /** A map being modified; values are AttributeValues, WorkMaps or WorkLists. */
  static final class WorkMap {
    final Map<String, Object> entries;

    WorkMap(Map<String, AttributeValue> map) {
      this.entries = new LinkedHashMap<>(map);
    }
  }

  /** A list being modified. */
  static final class WorkList {
    final List<Object> slots;
    final TreeMap<Integer, Object> appended = new TreeMap<>();

    WorkList(List<AttributeValue> list) {
      this.slots = new ArrayList<>(list);
    }
  }

  private WorkTree() {}

  /** The child of a container, made modifiable; null when absent. */
  static Object descend(Object container, Object element) {
    Object child = get(container, element);
    if (child instanceof AttributeValue.M m) {
      child = new WorkMap(m.value());
      put(container, element, child);
    } else if (child instanceof AttributeValue.L l) {
      child = new WorkList(l.value());
      put(container, element, child);
    }
    return child;
  }

  /** True when the container can hold the element: a map for a name, a list for an index. */
  static boolean accepts(Object container, Object element) {
    return element instanceof String ? container instanceof WorkMap : container instanceof WorkList;
  }

  /** The current value at the element of a container that {@link #accepts} it, or null. */
  static Object get(Object container, Object element) {
    if (container instanceof WorkMap map && element instanceof String key) {
      return map.entries.get(key);
    }
    if (container instanceof WorkList list && element instanceof Integer index) {
      if (index < list.slots.size()) {
        Object slot = list.slots.get(index);
        return slot == REMOVED ? null : slot;
      }
      return list.appended.get(index);
    }
    return null;
  }

  static void put(Object container, Object element, Object value) {
    if (container instanceof WorkMap map) {
      map.entries.put((String) element, value);
    } else {
      WorkList list = (WorkList) container;
      int index = (Integer) element;
      if (index < list.slots.size()) {
        list.slots.set(index, value);
      } else {
        list.appended.put(index, value);
      }
    }
  }

  static void remove(Object container, Object element) {
    if (container instanceof WorkMap map) {
      map.entries.remove((String) element);
    } else {
      WorkList list = (WorkList) container;
      int index = (Integer) element;
      if (index < list.slots.size()) {
        list.slots.set(index, REMOVED);
      } else {
        list.appended.remove(index);
      }
    }
  }

  /** Converts a node back to an immutable value. */
  static AttributeValue freeze(Object node) {
    if (node instanceof WorkMap map) {
      return new AttributeValue.M(freezeEntries(map));
    }
    if (node instanceof WorkList list) {
      List<AttributeValue> values = new ArrayList<>();
      for (Object slot : list.slots) {
        if (slot != REMOVED) {
          values.add(freeze(slot));
        }
      }
      for (Object value : list.appended.values()) {
        values.add(freeze(value));
      }
      return new AttributeValue.L(values);
    }
    return (AttributeValue) node;
  }

  static Map<String, AttributeValue> freezeEntries(WorkMap map) {
    Map<String, AttributeValue> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map.entries.entrySet()) {
      result.put(entry.getKey(), freeze(entry.getValue()));
    }
    return result;
  }
}
