package dev.orderly.localcloud.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies that keep the template's order. */
final class Copies {
  private Copies() {}

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> List<T> list(List<T> list) {
    return List.copyOf(list);
  }
}
