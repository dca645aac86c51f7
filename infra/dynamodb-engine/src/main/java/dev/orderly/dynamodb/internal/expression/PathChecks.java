package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.expression.SemanticErrors.Slot;
import java.util.ArrayList;
import java.util.List;

/**
 * The overlap and conflict checks between the paths an update writes or a projection reads: no path
 * may be a prefix of (or equal to) another, nor index where another names a key.
 */
final class PathChecks {
  private final SemanticErrors errors;
  private final List<List<Object>> accepted = new ArrayList<>();

  PathChecks(SemanticErrors errors) {
    this.errors = errors;
  }

  /** Checks a path against the earlier ones (dynalite's {@code checkPath}). */
  void add(List<Object> path) {
    if (errors.has(Slot.PATH_OVERLAP)) {
      return;
    }
    for (List<Object> earlier : accepted) {
      compare(earlier, path);
      if (errors.has(Slot.PATH_OVERLAP)) {
        return;
      }
    }
    accepted.add(path);
  }

  private void compare(List<Object> one, List<Object> two) {
    int common = Math.min(one.size(), two.size());
    for (int i = 0; i < common; i++) {
      Object a = one.get(i);
      Object b = two.get(i);
      if (kind(a) != kind(b)) {
        errors.set(
            Slot.PATH_CONFLICT,
            "Two document paths conflict with each other; must remove or rewrite one of these"
                + " paths; path one: "
                + DocumentPath.format(one)
                + ", path two: "
                + DocumentPath.format(two));
        return;
      }
      if (a != null && !a.equals(b)) {
        return;
      }
    }
    errors.setFirst(
        Slot.PATH_OVERLAP,
        "Two document paths overlap with each other; must remove or rewrite one of these paths;"
            + " path one: "
            + DocumentPath.format(one)
            + ", path two: "
            + DocumentPath.format(two));
  }

  /** JavaScript's typeof, as dynalite compares elements: number, string or undefined. */
  private static int kind(Object element) {
    return element instanceof Integer ? 1 : element instanceof String ? 2 : 0;
  }
}
