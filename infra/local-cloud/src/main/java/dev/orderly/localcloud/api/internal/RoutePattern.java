package dev.orderly.localcloud.api.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route path split into segments: literals, {@code {name}} variables, and an optional trailing
 * greedy {@code {name+}} variable that takes one or more remaining segments.
 */
final class RoutePattern {
  private final List<String> literals; // null where the segment is a variable
  private final List<String> names; // null where the segment is a literal
  private final String greedyName;

  private RoutePattern(List<String> literals, List<String> names, String greedyName) {
    this.literals = literals;
    this.names = names;
    this.greedyName = greedyName;
  }

  static RoutePattern parse(String path) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String greedy = null;
    if (!"/".equals(path)) {
      for (String segment : path.substring(1).split("/", -1)) {
        if (segment.startsWith("{") && segment.endsWith("+}")) {
          greedy = segment.substring(1, segment.length() - 2);
        } else if (segment.startsWith("{")) {
          literals.add(null);
          names.add(segment.substring(1, segment.length() - 1));
        } else {
          literals.add(segment);
          names.add(null);
        }
      }
    }
    return new RoutePattern(literals, names, greedy);
  }

  boolean greedy() {
    return greedyName != null;
  }

  /** How many segments come before a greedy variable, or all of them. */
  int fixedSegments() {
    return literals.size();
  }

  boolean literalAt(int index) {
    return literals.get(index) != null;
  }

  /** The path parameters when the request's decoded segments match, otherwise {@code null}. */
  Map<String, String> match(List<String> segments) {
    int fixed = literals.size();
    if (greedy() ? segments.size() <= fixed : segments.size() != fixed) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < fixed; i++) {
      String segment = segments.get(i);
      String literal = literals.get(i);
      if (literal != null) {
        if (!literal.equals(segment)) {
          return null;
        }
      } else if (segment.isEmpty()) {
        return null;
      } else {
        parameters.put(names.get(i), segment);
      }
    }
    if (greedy()) {
      List<String> rest = segments.subList(fixed, segments.size());
      if (rest.size() == 1 && rest.get(0).isEmpty()) {
        return null;
      }
      parameters.put(greedyName, String.join("/", rest));
    }
    return parameters;
  }
}
