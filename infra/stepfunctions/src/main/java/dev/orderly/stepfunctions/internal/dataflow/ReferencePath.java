package dev.orderly.stepfunctions.internal.dataflow;

import java.util.ArrayList;
import java.util.List;

/**
 * A States Language reference path — {@code $}, {@code $.a.b}, {@code $['a b'].c}, {@code $.a[2]} —
 * which names a single node: no wildcards, filters or slices. ResultPath must be one.
 */
record ReferencePath(String text, List<Object> segments) {

  /** Parses a reference path; null when the text is not one. */
  static ReferencePath parse(String text) {
    if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
      return null;
    }
    List<Object> segments = new ArrayList<>();
    int i = 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
          i++;
        }
        String name = text.substring(start, i);
        if (name.isEmpty() || name.contains("*") || name.contains("@")) {
          return null;
        }
        segments.add(name);
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        String inside = text.substring(i + 1, close).trim();
        if (inside.length() >= 2
            && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
            && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
          segments.add(inside.substring(1, inside.length() - 1));
        } else if (inside.matches("\\d+")) {
          segments.add(Integer.parseInt(inside));
        } else {
          return null;
        }
        i = close + 1;
      } else {
        return null;
      }
    }
    return new ReferencePath(text, List.copyOf(segments));
  }
}
