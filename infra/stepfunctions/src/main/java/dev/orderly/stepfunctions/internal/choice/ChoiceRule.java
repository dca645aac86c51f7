package dev.orderly.stepfunctions.internal.choice;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed Choice rule: a comparison, or And / Or / Not over rules. */
public interface ChoiceRule {
  /**
   * Evaluates the rule on the Choice state's effective input.
   *
   * @throws dev.orderly.stepfunctions.internal.StatesException with {@code States.Runtime} when the
   *     Variable, or a *Path operand, selects nothing (IsPresent excepted)
   */
  boolean test(JsonNode input, JsonNode context);
}
