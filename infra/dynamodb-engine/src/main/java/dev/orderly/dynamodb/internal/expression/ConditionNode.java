package dev.orderly.dynamodb.internal.expression;

import java.util.List;

/** A node of a parsed condition expression. */
sealed interface ConditionNode {

  record And(List<ConditionNode> parts) implements ConditionNode {
    public And {
      parts = List.copyOf(parts);
    }
  }

  record Or(List<ConditionNode> parts) implements ConditionNode {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  record Not(ConditionNode operand) implements ConditionNode {}

  /** {@code left op right} with op one of = <> < <= > >=. */
  record Compare(String operator, Operand left, Operand right) implements ConditionNode {}

  record Between(Operand subject, Operand lower, Operand upper) implements ConditionNode {}

  record In(Operand subject, List<Operand> candidates) implements ConditionNode {
    public In {
      candidates = List.copyOf(candidates);
    }
  }

  /** A function used as a condition: attribute_exists, begins_with, contains, ... */
  record Function(Operand.Call call) implements ConditionNode {}
}
