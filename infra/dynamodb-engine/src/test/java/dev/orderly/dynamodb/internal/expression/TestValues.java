package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.Bytes;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Builders for attribute values and a fixed set of expression attribute names and values. */
final class TestValues {
  private TestValues() {}

  static AttributeValue s(String value) {
    return AttributeValue.s(value);
  }

  static AttributeValue n(String value) {
    return AttributeValue.n(value);
  }

  static AttributeValue b(int... bytes) {
    byte[] data = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      data[i] = (byte) bytes[i];
    }
    return new AttributeValue.B(Bytes.copyOf(data));
  }

  static AttributeValue ss(String... values) {
    return new AttributeValue.SS(new LinkedHashSet<>(List.of(values)));
  }

  static AttributeValue ns(String... values) {
    LinkedHashSet<BigDecimal> set = new LinkedHashSet<>();
    for (String value : values) {
      set.add(new BigDecimal(value));
    }
    return new AttributeValue.NS(set);
  }

  static AttributeValue bs(AttributeValue... binaries) {
    LinkedHashSet<Bytes> set = new LinkedHashSet<>();
    for (AttributeValue binary : binaries) {
      set.add(((AttributeValue.B) binary).value());
    }
    return new AttributeValue.BS(set);
  }

  static AttributeValue bool(boolean value) {
    return value ? AttributeValue.Bool.TRUE : AttributeValue.Bool.FALSE;
  }

  static AttributeValue nul() {
    return AttributeValue.Null.INSTANCE;
  }

  static AttributeValue l(AttributeValue... values) {
    return new AttributeValue.L(List.of(values));
  }

  /** A map from alternating keys and values. */
  static AttributeValue m(Object... keysAndValues) {
    return new AttributeValue.M(item(keysAndValues));
  }

  /** An item from alternating names and values. */
  static Map<String, AttributeValue> item(Object... namesAndValues) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
    }
    return item;
  }

  static final Map<String, String> NAMES =
      Map.of("#a", "a", "#b", "b", "#s", "size", "#pk", "pk", "#dot", "x.y", "#m", "m");

  static final Map<String, AttributeValue> VALUES =
      Map.ofEntries(
          Map.entry(":s", s("abc")),
          Map.entry(":s2", s("abd")),
          Map.entry(":ab", s("ab")),
          Map.entry(":bc", s("bc")),
          Map.entry(":a", s("a")),
          Map.entry(":z", s("z")),
          Map.entry(":e", s("")),
          Map.entry(":n", n("5")),
          Map.entry(":n0", n("0")),
          Map.entry(":n1", n("1")),
          Map.entry(":n2", n("2")),
          Map.entry(":n3", n("3")),
          Map.entry(":n10", n("10")),
          Map.entry(":neg", n("-2.5")),
          Map.entry(":b", b(1, 2, 3)),
          Map.entry(":b1", b(1)),
          Map.entry(":b23", b(2, 3)),
          Map.entry(":l", l(s("abc"), n("5"))),
          Map.entry(":l2", l(n("9"))),
          Map.entry(":m", m("k", s("abc"))),
          Map.entry(":ss", ss("a", "z")),
          Map.entry(":ns", ns("5", "9")),
          Map.entry(":bs", bs(b(9))),
          Map.entry(":t", bool(true)),
          Map.entry(":f", bool(false)),
          Map.entry(":null", nul()),
          Map.entry(":typeS", s("S")),
          Map.entry(":typeN", s("N")),
          Map.entry(":typeNULL", s("NULL")),
          Map.entry(":typeM", s("M")),
          Map.entry(":bad", s("XX")),
          Map.entry(":hi", s("\uFFFF")),
          Map.entry(":emoji", s("\uD83D\uDE00")));

  /** The fixed names and values (tests parse many expressions; unused ones are not checked). */
  static ExpressionAttributes attrs() {
    return ExpressionAttributes.of(NAMES, VALUES);
  }
}
