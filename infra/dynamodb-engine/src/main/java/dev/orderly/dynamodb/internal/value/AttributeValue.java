package dev.orderly.dynamodb.internal.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value. Immutable; numbers are held normalised (no trailing zeros) so that
 * equality is numeric equality, and sets keep their insertion order only for stable output.
 */
public sealed interface AttributeValue {

  /** The wire type name: S, N, B, BOOL, NULL, M, L, SS, NS, BS. */
  String type();

  record S(String value) implements AttributeValue {
    public S {
      java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "S";
    }

    public byte[] utf8() {
      return value.getBytes(StandardCharsets.UTF_8);
    }
  }

  record N(BigDecimal value) implements AttributeValue {
    public N {
      value = Numbers.normalize(value);
    }

    public static N of(String text) {
      return new N(Numbers.parse(text));
    }

    @Override
    public String type() {
      return "N";
    }

    @Override
    public String toString() {
      return Numbers.format(value);
    }
  }

  record B(Bytes value) implements AttributeValue {
    public B {
      java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "B";
    }
  }

  record Bool(boolean value) implements AttributeValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    @Override
    public String type() {
      return "BOOL";
    }
  }

  record Null() implements AttributeValue {
    public static final Null INSTANCE = new Null();

    @Override
    public String type() {
      return "NULL";
    }
  }

  record M(Map<String, AttributeValue> value) implements AttributeValue {
    public M {
      value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }

    @Override
    public String type() {
      return "M";
    }
  }

  record L(List<AttributeValue> value) implements AttributeValue {
    public L {
      value = List.copyOf(value);
    }

    @Override
    public String type() {
      return "L";
    }
  }

  record SS(Set<String> value) implements AttributeValue {
    public SS {
      value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
    }

    @Override
    public String type() {
      return "SS";
    }
  }

  record NS(Set<BigDecimal> value) implements AttributeValue {
    public NS {
      LinkedHashSet<BigDecimal> normal = new LinkedHashSet<>();
      for (BigDecimal number : value) {
        normal.add(Numbers.normalize(number));
      }
      value = Collections.unmodifiableSet(normal);
    }

    @Override
    public String type() {
      return "NS";
    }
  }

  record BS(Set<Bytes> value) implements AttributeValue {
    public BS {
      value = Collections.unmodifiableSet(new LinkedHashSet<>(value));
    }

    @Override
    public String type() {
      return "BS";
    }
  }

  static S s(String value) {
    return new S(value);
  }

  static N n(String value) {
    return N.of(value);
  }

  static N n(long value) {
    return new N(BigDecimal.valueOf(value));
  }

  /** True for the three scalar types that may be keys: S, N and B. */
  default boolean isKeyType() {
    return this instanceof S || this instanceof N || this instanceof B;
  }

  /**
   * Orders two values of the same scalar type as DynamoDB orders keys: strings by UTF-8 bytes,
   * numbers numerically, binaries by unsigned bytes. Returns empty-type comparisons as 0 only when
   * the values are equal; callers must check types first.
   */
  static int compareScalars(AttributeValue a, AttributeValue b) {
    if (a instanceof N x && b instanceof N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof S x && b instanceof S y) {
      return compareUtf8(x.value(), y.value());
    }
    if (a instanceof B x && b instanceof B y) {
      return x.value().compareTo(y.value());
    }
    throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
  }

  /** Compares strings by their UTF-8 encoding without allocating. */
  static int compareUtf8(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        // UTF-8 byte order is code point order: a surrogate (a supplementary code point) sorts
        // above every BMP character, including U+E000..U+FFFF, which compare higher as chars.
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
