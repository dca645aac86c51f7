package dev.orderly.dynamodb.internal.expression;

import java.util.EnumMap;
import java.util.Map;

/**
 * The semantic errors found while parsing, one slot per kind, reported only once the whole
 * expression parsed; which one is reported follows each grammar's precedence (as dynalite).
 */
final class SemanticErrors {
  enum Slot {
    PARENS,
    UNKNOWN_FUNCTION,
    MISUSED_FUNCTION,
    RESERVED,
    ATTR_NAME_VAL,
    ATTR_NAME,
    ATTR_VAL,
    SECTION,
    PATH_OVERLAP,
    PATH_CONFLICT,
    OPERAND,
    DISTINCT,
    FUNCTION,
    CONDITION,
    /** DynamoDB limits dynalite does not check (path depth, IN operand count). */
    LIMIT
  }

  private final Map<Slot, String> slots = new EnumMap<>(Slot.class);

  boolean has(Slot slot) {
    return slots.containsKey(slot);
  }

  /** Records the message unless the slot already holds one. */
  void setFirst(Slot slot, String message) {
    slots.putIfAbsent(slot, message);
  }

  /** Records the message, replacing an earlier one. */
  void set(Slot slot, String message) {
    slots.put(slot, message);
  }

  /** The message of the first filled slot in the given order, or null. */
  String first(Slot... order) {
    for (Slot slot : order) {
      String message = slots.get(slot);
      if (message != null) {
        return message;
      }
    }
    return null;
  }
}
