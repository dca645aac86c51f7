package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.expression.SemanticErrors.Slot;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The semantic checks of condition expressions, ported from dynalite's condition grammar: each
 * records at most one message per slot, and {@link #conditionComplete()} picks the error of the
 * first condition that has one.
 */
final class ConditionChecks {
  private static final Map<String, Integer> FUNCTIONS =
      Map.of(
          "attribute_exists", 1,
          "attribute_not_exists", 1,
          "attribute_type", 2,
          "begins_with", 2,
          "contains", 2,
          "size", 1);
  private static final Set<String> TYPE_NAMES =
      Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

  private final SemanticErrors errors;

  ConditionChecks(SemanticErrors errors) {
    this.errors = errors;
  }

  void redundantParentheses() {
    errors.setFirst(Slot.PARENS, "The expression has redundant parentheses;");
  }

  /** Only {@code size} may be used as an operand. */
  void misusedFunction(List<Operand> operands) {
    if (errors.has(Slot.MISUSED_FUNCTION)) {
      return;
    }
    for (Operand operand : operands) {
      if (operand instanceof Operand.Call call && !call.name().equals("size")) {
        misused(call.name());
        return;
      }
    }
  }

  /** {@code size} may not be used as a condition. */
  void misusedSize(ConditionNode node) {
    if (node instanceof ConditionNode.Function f && f.call().name().equals("size")) {
      misused("size");
    }
  }

  private void misused(String name) {
    errors.setFirst(
        Slot.MISUSED_FUNCTION,
        "The function is not allowed to be used this way in an expression; function: " + name);
  }

  /** At the end of each comparison, BETWEEN, IN or function condition. */
  void conditionComplete() {
    if (errors.has(Slot.CONDITION)) {
      return;
    }
    String error = errors.first(Slot.ATTR_NAME_VAL, Slot.OPERAND, Slot.DISTINCT, Slot.FUNCTION);
    if (error != null) {
      errors.set(Slot.CONDITION, error);
    }
  }

  /** Two operands may not be the same path. */
  void distinct(String operator, List<Operand> operands) {
    if (errors.has(Slot.DISTINCT)
        || operands.size() != 2
        || !(operands.get(0) instanceof Operand.Path first)
        || !(operands.get(1) instanceof Operand.Path second)
        || first.elements().size() != second.elements().size()) {
      return;
    }
    for (int i = 0; i < first.elements().size(); i++) {
      if (!Objects.equals(first.elements().get(i), second.elements().get(i))) {
        return;
      }
    }
    errors.set(
        Slot.DISTINCT,
        "The first operand must be distinct from the remaining operands for this operator or"
            + " function; operator: "
            + operator
            + ", first operand: "
            + DocumentPath.format(first.elements()));
  }

  /** Checks a function call; returns its result type when known at parse time. */
  String function(String name, List<Operand> args) {
    if (errors.has(Slot.UNKNOWN_FUNCTION)) {
      return null;
    }
    Integer operands = FUNCTIONS.get(name);
    if (operands == null) {
      errors.set(Slot.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
      return null;
    }
    if (errors.has(Slot.OPERAND)) {
      return null;
    }
    if (operands != args.size()) {
      errors.set(
          Slot.OPERAND,
          "Incorrect number of operands for operator or function; operator or function: "
              + name
              + ", number of operands: "
              + args.size());
      return null;
    }
    distinct(name, args);
    if (errors.has(Slot.FUNCTION)) {
      return null;
    }
    switch (name) {
      case "attribute_exists":
      case "attribute_not_exists":
        if (!(args.get(0) instanceof Operand.Path)) {
          errors.set(
              Slot.FUNCTION,
              "Operator or function requires a document path; operator or function: " + name);
        }
        return null;
      case "begins_with":
        for (Operand arg : args) {
          String type = Operand.staticType(arg);
          if (type != null && !type.equals("S") && !type.equals("B")) {
            return operandType(name, type);
          }
        }
        return "BOOL";
      case "attribute_type":
        return attributeType(args.get(1));
      case "size":
        String type = Operand.staticType(args.get(0));
        if (type != null && Set.of("N", "BOOL", "NULL").contains(type)) {
          return operandType(name, type);
        }
        return "N";
      default:
        return "BOOL";
    }
  }

  private String attributeType(Operand typeName) {
    String type = Operand.staticType(typeName);
    if (!"S".equals(type) || !(typeName instanceof Operand.Value value)) {
      return operandType("attribute_type", type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
    }
    String name = ((AttributeValue.S) value.value()).value();
    if (!TYPE_NAMES.contains(name)) {
      errors.set(
          Slot.FUNCTION,
          "Invalid attribute type name found; type: "
              + name
              + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
      return null;
    }
    return "BOOL";
  }

  private String operandType(String name, String type) {
    errors.set(
        Slot.FUNCTION,
        "Incorrect operand type for operator or function; operator or function: "
            + name
            + ", operand type: "
            + type);
    return null;
  }

  /** BETWEEN's literal bounds must share a type and be in order. */
  void betweenBounds(Operand lower, Operand upper) {
    if (errors.has(Slot.FUNCTION)) {
      return;
    }
    String lowerType = Operand.immediateType(lower);
    String upperType = Operand.immediateType(upper);
    if (lowerType == null || upperType == null) {
      return;
    }
    AttributeValue low = ((Operand.Value) lower).value();
    AttributeValue high = ((Operand.Value) upper).value();
    String bounds =
        "lower bound operand: AttributeValue: {"
            + lowerType
            + ":"
            + Values.describe(low)
            + "}, upper bound operand: AttributeValue: {"
            + upperType
            + ":"
            + Values.describe(high)
            + "}";
    if (!lowerType.equals(upperType)) {
      errors.set(
          Slot.FUNCTION,
          "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
    } else if (Values.greater(low, high)) {
      errors.set(
          Slot.FUNCTION,
          "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
              + bounds);
    }
  }
}
