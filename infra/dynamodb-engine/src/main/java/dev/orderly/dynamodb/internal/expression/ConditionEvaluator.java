package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.Map;

/** Evaluates condition trees with DynamoDB's semantics. */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  static boolean test(ConditionNode node, Map<String, AttributeValue> item) {
    if (node instanceof ConditionNode.And and) {
      for (ConditionNode part : and.parts()) {
        if (!test(part, item)) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof ConditionNode.Or or) {
      for (ConditionNode part : or.parts()) {
        if (test(part, item)) {
          return true;
        }
      }
      return false;
    }
    if (node instanceof ConditionNode.Not not) {
      return !test(not.operand(), item);
    }
    if (node instanceof ConditionNode.Compare compare) {
      return compare(compare.operator(), eval(compare.left(), item), eval(compare.right(), item));
    }
    if (node instanceof ConditionNode.Between between) {
      AttributeValue value = eval(between.subject(), item);
      Integer low = Values.order(value, eval(between.lower(), item));
      Integer high = Values.order(value, eval(between.upper(), item));
      return low != null && high != null && low >= 0 && high <= 0;
    }
    if (node instanceof ConditionNode.In in) {
      AttributeValue value = eval(in.subject(), item);
      for (Operand candidate : in.candidates()) {
        if (Values.equal(value, eval(candidate, item))) {
          return true;
        }
      }
      return false;
    }
    return function(((ConditionNode.Function) node).call(), item);
  }

  /**
   * A comparison. {@code =} needs both sides present and equal; {@code <>} is true unless both are
   * present and equal (so a missing attribute is "not equal" to anything); the order comparisons
   * need both present with the same scalar type.
   */
  static boolean compare(String operator, AttributeValue left, AttributeValue right) {
    switch (operator) {
      case "=":
        return Values.equal(left, right);
      case "<>":
        return !Values.equal(left, right);
      default:
        Integer order = Values.order(left, right);
        if (order == null) {
          return false;
        }
        switch (operator) {
          case "<":
            return order < 0;
          case "<=":
            return order <= 0;
          case ">":
            return order > 0;
          case ">=":
            return order >= 0;
          default:
            throw new IllegalStateException("not a comparator: " + operator);
        }
    }
  }

  private static boolean function(Operand.Call call, Map<String, AttributeValue> item) {
    AttributeValue first = eval(call.arg(0), item);
    switch (call.name()) {
      case "attribute_exists":
        return first != null;
      case "attribute_not_exists":
        return first == null;
      case "attribute_type":
        return first != null
            && eval(call.arg(1), item) instanceof AttributeValue.S type
            && first.type().equals(type.value());
      case "begins_with":
        return Values.beginsWith(first, eval(call.arg(1), item));
      case "contains":
        return Values.contains(first, eval(call.arg(1), item));
      default:
        return false;
    }
  }

  /** An operand's value in the item, or null when missing (or not computable). */
  static AttributeValue eval(Operand operand, Map<String, AttributeValue> item) {
    if (operand instanceof Operand.Path path) {
      return DocumentPath.resolve(path.elements(), item);
    }
    if (operand instanceof Operand.Value value) {
      return value.value();
    }
    if (operand instanceof Operand.Call call && call.name().equals("size")) {
      AttributeValue value = eval(call.arg(0), item);
      return value == null ? null : Values.size(value);
    }
    return null;
  }
}
