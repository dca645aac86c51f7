package dev.orderly.dynamodb.internal.value;

import java.math.BigDecimal;
import java.util.Map;

/**
 * DynamoDB's item size: attribute name lengths plus value sizes (strings and binaries by bytes,
 * numbers by about one byte per two significant digits plus one, containers with a small overhead
 * per element). Used for the 400 KB item limit and the 1 MB page limit.
 */
public final class ItemSize {
  public static final int MAX_ITEM_BYTES = 400 * 1024;

  private ItemSize() {}

  public static int of(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += utf8Length(e.getKey()) + of(e.getValue());
    }
    return size;
  }

  public static int of(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return utf8Length(s.value());
    }
    if (value instanceof AttributeValue.N n) {
      return numberSize(n.value());
    }
    if (value instanceof AttributeValue.B b) {
      return b.value().length();
    }
    if (value instanceof AttributeValue.SS ss) {
      int size = 0;
      for (String s : ss.value()) {
        size += utf8Length(s);
      }
      return size;
    }
    if (value instanceof AttributeValue.NS ns) {
      int size = 0;
      for (BigDecimal n : ns.value()) {
        size += numberSize(n);
      }
      return size;
    }
    if (value instanceof AttributeValue.BS bs) {
      int size = 0;
      for (Bytes b : bs.value()) {
        size += b.length();
      }
      return size;
    }
    if (value instanceof AttributeValue.L l) {
      int size = 3;
      for (AttributeValue element : l.value()) {
        size += 1 + of(element);
      }
      return size;
    }
    if (value instanceof AttributeValue.M m) {
      return 3 + m.value().size() + of(m.value());
    }
    return 1; // BOOL, NULL
  }

  static int numberSize(BigDecimal n) {
    if (n.signum() == 0) {
      return 1;
    }
    BigDecimal normal = Numbers.normalize(n);
    int digits = normal.precision();
    int exponent = normal.precision() - normal.scale() - 1;
    return 1
        + (digits + 1) / 2
        + ((digits % 2 != 0 || exponent % 2 != 0) ? 0 : 1)
        + (normal.signum() < 0 ? 1 : 0);
  }

  public static int utf8Length(String s) {
    int n = s.length();
    int bytes = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
