package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.Bytes;
import dev.orderly.dynamodb.internal.value.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Comparison semantics of expressions over attribute values. */
final class Values {
  private Values() {}

  /** True for S, N and B, the only types that order. */
  static boolean isScalar(AttributeValue value) {
    return value instanceof AttributeValue.S
        || value instanceof AttributeValue.N
        || value instanceof AttributeValue.B;
  }

  /**
   * Orders two values as {@code <}, {@code <=}, {@code >}, {@code >=} and BETWEEN do: only values
   * of the same scalar type are comparable; returns null for anything else.
   */
  static Integer order(AttributeValue a, AttributeValue b) {
    if (a == null || b == null || !isScalar(a) || !a.type().equals(b.type())) {
      return null;
    }
    return AttributeValue.compareScalars(a, b);
  }

  /** Deep equality: different types are never equal; numbers compare numerically. */
  static boolean equal(AttributeValue a, AttributeValue b) {
    return a != null && a.equals(b);
  }

  /** {@code begins_with}: a string or binary prefix of the same type. */
  static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
    if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
      return b.value().startsWith(p.value());
    }
    return false;
  }

  /**
   * {@code contains}: a substring of a string, a byte subsequence of a binary, a member of a set
   * (of the operand's type) or an element of a list.
   */
  static boolean contains(AttributeValue value, AttributeValue operand) {
    if (value == null || operand == null) {
      return false;
    }
    if (value instanceof AttributeValue.S s) {
      return operand instanceof AttributeValue.S o && s.value().contains(o.value());
    }
    if (value instanceof AttributeValue.B b) {
      return operand instanceof AttributeValue.B o && b.value().contains(o.value());
    }
    if (value instanceof AttributeValue.SS ss) {
      return operand instanceof AttributeValue.S o && ss.value().contains(o.value());
    }
    if (value instanceof AttributeValue.NS ns) {
      return operand instanceof AttributeValue.N o && ns.value().contains(o.value());
    }
    if (value instanceof AttributeValue.BS bs) {
      return operand instanceof AttributeValue.B o && bs.value().contains(o.value());
    }
    if (value instanceof AttributeValue.L list) {
      return list.value().contains(operand);
    }
    return false;
  }

  /**
   * {@code size}: characters of a string (UTF-16 units, as dynalite counts), bytes of a binary,
   * elements of a set, list or map; null for numbers, booleans and nulls.
   */
  static AttributeValue.N size(AttributeValue value) {
    long size;
    if (value instanceof AttributeValue.S s) {
      size = s.value().length();
    } else if (value instanceof AttributeValue.B b) {
      size = b.value().length();
    } else if (value instanceof AttributeValue.SS ss) {
      size = ss.value().size();
    } else if (value instanceof AttributeValue.NS ns) {
      size = ns.value().size();
    } else if (value instanceof AttributeValue.BS bs) {
      size = bs.value().size();
    } else if (value instanceof AttributeValue.L l) {
      size = l.value().size();
    } else if (value instanceof AttributeValue.M m) {
      size = m.value().size();
    } else {
      return null;
    }
    return AttributeValue.n(size);
  }

  /** The value as JavaScript's {@code String(value)} renders it, for dynalite's messages. */
  static String describe(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return s.value();
    }
    if (value instanceof AttributeValue.N n) {
      return Numbers.format(n.value());
    }
    if (value instanceof AttributeValue.B b) {
      return b.value().toBase64();
    }
    if (value instanceof AttributeValue.Bool b) {
      return Boolean.toString(b.value());
    }
    if (value instanceof AttributeValue.Null) {
      return "true";
    }
    List<String> parts = new ArrayList<>();
    if (value instanceof AttributeValue.SS ss) {
      parts.addAll(ss.value());
    } else if (value instanceof AttributeValue.NS ns) {
      for (BigDecimal n : ns.value()) {
        parts.add(Numbers.format(n));
      }
    } else if (value instanceof AttributeValue.BS bs) {
      for (Bytes b : bs.value()) {
        parts.add(b.toBase64());
      }
    } else if (value instanceof AttributeValue.L l) {
      for (int i = 0; i < l.value().size(); i++) {
        parts.add("[object Object]");
      }
    } else {
      return "[object Object]";
    }
    return String.join(",", parts);
  }

  /** dynalite's {@code compare('GT', a, b)} for two values of the same type. */
  static boolean greater(AttributeValue a, AttributeValue b) {
    Integer order = order(a, b);
    if (order != null) {
      return order > 0;
    }
    return a instanceof AttributeValue.Bool x
        && b instanceof AttributeValue.Bool y
        && x.value()
        && !y.value();
  }
}
