package dev.orderly.localcloud.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset EventBridge evaluates in InputPath and InputPathsMap: {@code $}, dot notation
 * ({@code $.detail.order-id}) and array indices ({@code $.resources[0]}). Wildcards and bracketed
 * names fail when the target is created, naming what is unsupported.
 */
public final class JsonPath {
  private final String text;
  private final List<Object> steps;

  private JsonPath(String text, List<Object> steps) {
    this.text = text;
    this.steps = steps;
  }

  /**
   * Parses {@code path}.
   *
   * @throws IllegalArgumentException naming what is wrong or unsupported
   */
  public static JsonPath parse(String path) {
    if (path == null || !path.startsWith("$")) {
      throw new IllegalArgumentException("JSONPath " + path + " must start with $");
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String name = path.substring(i + 1, end);
        if (name.isEmpty()) {
          throw new IllegalArgumentException("JSONPath " + path + " has an empty name");
        }
        if (name.contains("*") || name.contains("]")) {
          throw new IllegalArgumentException(
              "JSONPath " + path + " is not supported: only names and [index] steps, no wildcards");
        }
        steps.add(name);
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        String index = end < 0 ? "" : path.substring(i + 1, end);
        if (!index.matches("[0-9]+")) {
          throw new IllegalArgumentException(
              "JSONPath "
                  + path
                  + " is not supported: a bracket must hold an array index (dot notation for names,"
                  + " no wildcards)");
        }
        steps.add(Integer.parseInt(index));
        i = end + 1;
      } else {
        throw new IllegalArgumentException(
            "JSONPath " + path + " is not valid at position " + i + ": expected . or [");
      }
    }
    return new JsonPath(path, List.copyOf(steps));
  }

  /** The value at this path, or null when the event has none. */
  public JsonNode read(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      node = step instanceof Integer index ? node.get(index) : node.get((String) step);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  @Override
  public String toString() {
    return text;
  }
}
