package dev.orderly.stepfunctions.internal.validation;

/**
 * Where the checks send problems: a report names a field relative to the subject (a state, or the
 * state machine), or the subject itself when the field is null. Checks of a nested object report
 * through {@link #in}, so every problem carries its full field path ("Retry[0].BackoffRate").
 */
@FunctionalInterface
interface Reporter {
  void report(String field, String message);

  /** Reports about {@code field} itself. */
  default void subject(String message) {
    report(null, message);
  }

  /** A reporter for the fields of the object (or array) held by {@code field}. */
  default Reporter in(String field) {
    return (inner, message) -> report(inner == null ? field : join(field, inner), message);
  }

  static String join(String outer, String inner) {
    return inner.startsWith("[") ? outer + inner : outer + "." + inner;
  }
}
