package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.expression.KeyCondition.Operator;
import dev.orderly.dynamodb.internal.expression.KeyCondition.Term;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ports dynalite's {@code checkExpr}, {@code validateConditions} and the 1-or-2 rule. */
final class KeyConditionConverter {
  private static final Set<String> FORBIDDEN_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "contains");

  private final Map<String, Term> terms = new LinkedHashMap<>();

  private KeyConditionConverter() {}

  static KeyCondition convert(ConditionNode root) {
    KeyConditionConverter converter = new KeyConditionConverter();
    converter.check(root);
    for (Term term : converter.terms.values()) {
      validate(term);
    }
    if (converter.terms.size() != 1 && converter.terms.size() != 2) {
      throw fail("Conditions can be of length 1 or 2 only");
    }
    return new KeyCondition(new ArrayList<>(converter.terms.values()));
  }

  /** Checks a condition node or a function operand, registering the terms it holds. */
  private void check(Object expr) {
    if (expr instanceof ConditionNode.Or) {
      throw invalidOperator("OR");
    }
    if (expr instanceof ConditionNode.Not) {
      throw invalidOperator("NOT");
    }
    if (expr instanceof ConditionNode.In) {
      throw invalidOperator("IN");
    }
    String type;
    List<Object> args = new ArrayList<>();
    if (expr instanceof ConditionNode.And and) {
      type = "and";
      args.addAll(and.parts());
    } else if (expr instanceof ConditionNode.Compare compare) {
      if (compare.operator().equals("<>")) {
        throw invalidOperator("<>");
      }
      type = compare.operator();
      args.add(compare.left());
      args.add(compare.right());
    } else if (expr instanceof ConditionNode.Between between) {
      type = "between";
      args.add(between.subject());
      args.add(between.lower());
      args.add(between.upper());
    } else {
      Operand.Call call = expr instanceof ConditionNode.Function f ? f.call() : (Operand.Call) expr;
      if (FORBIDDEN_FUNCTIONS.contains(call.name())) {
        throw invalidOperator(call.name());
      }
      if (call.name().equals("size")) {
        throw fail("KeyConditionExpressions cannot contain nested operations");
      }
      type = "function";
      args.addAll(call.args());
    }
    if (type.equals("between") && !(args.get(0) instanceof Operand.Path)) {
      throw firstOperand("BETWEEN");
    }
    if (type.equals("function") && !(args.get(0) instanceof Operand.Path)) {
      throw firstOperand("begins_with");
    }
    String attrName = null;
    int attrIndex = 0;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      if (arg instanceof Operand.Path path) {
        if (attrName != null) {
          throw fail(
              "Invalid condition in KeyConditionExpression: Multiple attribute names used in one"
                  + " condition");
        }
        if (path.elements().size() > 1) {
          throw fail("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        attrName = (String) path.head();
        attrIndex = i;
      } else if (!(arg instanceof Operand.Value)) {
        check(arg);
      }
    }
    if (type.equals("and")) {
      return;
    }
    if (attrName == null) {
      throw fail("Invalid condition in KeyConditionExpression: No key attribute specified");
    }
    if (terms.containsKey(attrName)) {
      throw fail("KeyConditionExpressions must only contain one condition per key");
    }
    List<AttributeValue> values = new ArrayList<>();
    if (attrIndex != 0) {
      type = flip(type);
      values.add(((Operand.Value) args.get(0)).value());
    } else {
      for (Object arg : args.subList(1, args.size())) {
        values.add(((Operand.Value) arg).value());
      }
    }
    terms.put(attrName, new Term(attrName, operator(type), values));
  }

  private static String flip(String comparator) {
    switch (comparator) {
      case "<":
        return ">";
      case "<=":
        return ">=";
      case ">":
        return "<";
      case ">=":
        return "<=";
      default:
        return comparator;
    }
  }

  private static Operator operator(String type) {
    switch (type) {
      case "=":
        return Operator.EQ;
      case "<":
        return Operator.LT;
      case "<=":
        return Operator.LE;
      case ">":
        return Operator.GT;
      case ">=":
        return Operator.GE;
      case "between":
        return Operator.BETWEEN;
      default:
        return Operator.BEGINS_WITH;
    }
  }

  /** dynalite's validateConditions on the converted KeyConditions. */
  private static void validate(Term term) {
    List<AttributeValue> values = term.values();
    String first = values.get(0).type();
    for (AttributeValue value : values) {
      if (!value.type().equals(first)) {
        throw fail(
            "One or more parameter values were invalid: AttributeValues inside AttributeValueList"
                + " must be of same type");
      }
    }
    Set<String> allowed =
        switch (term.operator()) {
          case EQ -> Set.of("S", "N", "B", "SS", "NS", "BS");
          case BEGINS_WITH -> Set.of("S", "B");
          default -> Set.of("S", "N", "B");
        };
    for (AttributeValue value : values) {
      if (!allowed.contains(value.type())) {
        throw fail(
            "One or more parameter values were invalid: ComparisonOperator "
                + term.operator()
                + " is not valid for "
                + value.type()
                + " AttributeValue type");
      }
    }
    if (term.operator() == Operator.BETWEEN && Values.greater(values.get(0), values.get(1))) {
      throw fail(
          "The BETWEEN condition was provided a range where the lower bound is greater than the"
              + " upper bound");
    }
  }

  private static DynamoDbException invalidOperator(String operator) {
    return fail("Invalid operator used in KeyConditionExpression: " + operator);
  }

  private static DynamoDbException firstOperand(String operator) {
    return fail(
        "Invalid condition in KeyConditionExpression: "
            + operator
            + " operator must have the key attribute as its first operand");
  }

  private static DynamoDbException fail(String message) {
    return DynamoDbException.validation(message);
  }
}
