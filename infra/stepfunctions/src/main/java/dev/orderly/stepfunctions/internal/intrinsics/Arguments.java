package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** The evaluated arguments of one call, with typed accessors that fail naming the function. */
final class Arguments {
  private final String function;
  private final List<JsonNode> values;
  private final List<Expression> expressions;

  Arguments(String function, List<JsonNode> values, List<Expression> expressions) {
    this.function = function;
    this.values = List.copyOf(values);
    this.expressions = List.copyOf(expressions);
  }

  String function() {
    return function;
  }

  int size() {
    return values.size();
  }

  List<JsonNode> all() {
    return values;
  }

  JsonNode get(int index) {
    return values.get(index);
  }

  /** Fails unless there are between {@code min} and {@code max} arguments. */
  Arguments expectCount(int min, int max) {
    if (values.size() < min || values.size() > max) {
      String expected = min == max ? String.valueOf(min) : min + " to " + max;
      throw fail("expected " + expected + " argument(s) but got " + values.size());
    }
    return this;
  }

  Arguments expectCount(int exactly) {
    return expectCount(exactly, exactly);
  }

  String string(int index) {
    JsonNode value = values.get(index);
    if (!value.isTextual()) {
      throw fail(ordinal(index) + " argument must be a string but was " + JsonValues.type(value));
    }
    return value.textValue();
  }

  ArrayNode array(int index) {
    JsonNode value = values.get(index);
    if (!value.isArray()) {
      throw fail(ordinal(index) + " argument must be an array but was " + JsonValues.type(value));
    }
    return (ArrayNode) value;
  }

  ObjectNode object(int index) {
    JsonNode value = values.get(index);
    if (!value.isObject()) {
      throw fail(ordinal(index) + " argument must be an object but was " + JsonValues.type(value));
    }
    return (ObjectNode) value;
  }

  boolean bool(int index) {
    JsonNode value = values.get(index);
    if (!value.isBoolean()) {
      throw fail(ordinal(index) + " argument must be a boolean but was " + JsonValues.type(value));
    }
    return value.booleanValue();
  }

  /** An integer argument; a number with a fraction is rejected. */
  long exactInteger(int index) {
    BigDecimal number = number(index);
    if (number.stripTrailingZeros().scale() > 0) {
      throw fail(ordinal(index) + " argument must be an integer but was " + number);
    }
    return inLongRange(index, number).longValueExact();
  }

  /**
   * An integer argument; a number with a fraction is rounded to the nearest integer, as the AWS
   * guide states for States.ArrayPartition's chunk size, States.ArrayRange, States.MathRandom and
   * States.MathAdd ("Step Functions will round it off to the nearest integer"). Halves round away
   * from zero.
   */
  long roundedInteger(int index) {
    return inLongRange(index, number(index).setScale(0, RoundingMode.HALF_UP)).longValueExact();
  }

  /** The segments of a literal template around its unescaped {@code {}} placeholders, if any. */
  Optional<List<String>> literalSegments(int index) {
    Expression expression = expressions.get(index);
    if (expression instanceof Expression.StringLiteral) {
      return Optional.of(((Expression.StringLiteral) expression).segments());
    }
    return Optional.empty();
  }

  IntrinsicFailureException fail(String detail) {
    return IntrinsicFailureException.failure(function, detail);
  }

  private BigDecimal number(int index) {
    JsonNode value = values.get(index);
    if (!value.isNumber()) {
      throw fail(ordinal(index) + " argument must be a number but was " + JsonValues.type(value));
    }
    return value.decimalValue();
  }

  private BigDecimal inLongRange(int index, BigDecimal value) {
    if (value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
        || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw fail(ordinal(index) + " argument is out of range: " + value);
    }
    return value;
  }

  private static String ordinal(int index) {
    switch (index) {
      case 0:
        return "first";
      case 1:
        return "second";
      case 2:
        return "third";
      default:
        return "argument " + (index + 1) + "'s";
    }
  }
}
