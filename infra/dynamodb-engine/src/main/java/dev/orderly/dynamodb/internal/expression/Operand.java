package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An operand of a condition or of a SET value: a path, a value, a function or arithmetic. */
sealed interface Operand {

  /**
   * A document path. Elements are names ({@link String}) and indexes ({@link Integer}); a name
   * whose placeholder could not be resolved is {@code null} (the expression then fails).
   */
  record Path(List<Object> elements) implements Operand {
    public Path {
      elements = Collections.unmodifiableList(new ArrayList<>(elements));
    }

    DocumentPath toDocumentPath() {
      return new DocumentPath(elements);
    }

    Object head() {
      return elements.get(0);
    }
  }

  /** An expression attribute value; {@code null} when its placeholder could not be resolved. */
  record Value(AttributeValue value) implements Operand {}

  /** A function call; {@code attrType} is the result type known at parse time, or null. */
  record Call(String name, List<Operand> args, String attrType) implements Operand {
    public Call {
      args = List.copyOf(args);
    }

    Operand arg(int index) {
      return index < args.size() ? args.get(index) : null;
    }
  }

  /** {@code left + right} or {@code left - right} in a SET value. */
  record Arithmetic(boolean plus, Operand left, Operand right, String attrType)
      implements Operand {}

  /** The type known at parse time: a value's type or a function's result type; else null. */
  static String staticType(Operand operand) {
    if (operand instanceof Value v) {
      return v.value() == null ? null : v.value().type();
    }
    if (operand instanceof Call c) {
      return c.attrType();
    }
    if (operand instanceof Arithmetic a) {
      return a.attrType();
    }
    return null;
  }

  /** The type of a literal value operand; null for anything else. */
  static String immediateType(Operand operand) {
    return operand instanceof Value v && v.value() != null ? v.value().type() : null;
  }
}
