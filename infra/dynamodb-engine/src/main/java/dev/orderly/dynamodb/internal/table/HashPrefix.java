package dev.orderly.dynamodb.internal.table;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 24-bit hash that spreads partition keys, as DynamoDB spreads them over partitions. It fixes
 * the order of Scan and the split of parallel scan segments. The function is the one dynalite uses
 * (MD5 over a salt and DynamoDB's binary key encoding), so both engines scan in the same order and
 * the differential tests can compare pages one to one.
 */
public final class HashPrefix {
  private static final byte[] SALT = "Outliers".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("MD5 is required by every Java platform", e);
            }
          });

  /** Buckets used by parallel scan: the top 12 bits of the prefix. */
  public static final int SEGMENT_BUCKETS = 4096;

  private HashPrefix() {}

  /** The prefix of a table key (only the partition key takes part). */
  public static int of(AttributeValue hash) {
    return of(hash, null);
  }

  /** The prefix of a partition key and optional sort key. */
  public static int of(AttributeValue hash, AttributeValue range) {
    MessageDigest md5 = MD5.get();
    md5.reset();
    md5.update(SALT);
    md5.update(encode(hash));
    if (range != null) {
      md5.update(encode(range));
    }
    byte[] digest = md5.digest();
    return ((digest[0] & 0xFF) << 16) | ((digest[1] & 0xFF) << 8) | (digest[2] & 0xFF);
  }

  /** The parallel-scan bucket (0..4095) of a prefix. */
  public static int bucket(int prefix) {
    return prefix >>> 12;
  }

  private static byte[] encode(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return s.value().getBytes(StandardCharsets.UTF_8);
    }
    if (value instanceof AttributeValue.B b) {
      return b.value().toByteArray();
    }
    if (value instanceof AttributeValue.N n) {
      return encodeNumber(n.value());
    }
    throw new IllegalArgumentException("not a key type: " + value.type());
  }

  /** DynamoDB's order-preserving binary encoding of a number (base-100 digits, biased exponent). */
  static byte[] encodeNumber(BigDecimal number) {
    if (number.signum() == 0) {
      return new byte[] {(byte) 0x80};
    }
    BigDecimal normal = number.stripTrailingZeros();
    String digits = normal.unscaledValue().abs().toString();
    int[] mantissa = new int[digits.length()];
    for (int i = 0; i < mantissa.length; i++) {
      mantissa[i] = digits.charAt(i) - '0';
    }
    boolean negative = normal.signum() < 0;
    int exponent = normal.precision() - normal.scale(); // first-digit exponent + 1
    int appendZero = exponent % 2 != 0 ? 1 : 0;
    int length = (mantissa.length + appendZero + 1) / 2;
    int[] bytes;
    if (length < 20 && negative) {
      bytes = new int[length + 2];
      bytes[length + 1] = 102;
    } else {
      bytes = new int[length + 1];
    }
    bytes[0] = (exponent + appendZero) / 2 - 64;
    if (negative) {
      bytes[0] = ~bytes[0];
    }
    boolean appended = false;
    for (int m = 0; m < mantissa.length; m++) {
      int index = Math.floorDiv(m + appendZero, 2) + 1;
      if (appendZero == 1 && m == 0 && !appended) {
        bytes[index] = 0;
        appended = true;
        m--;
      } else if ((m + appendZero) % 2 == 0) {
        bytes[index] = mantissa[m] * 10;
      } else {
        bytes[index] += mantissa[m];
      }
      if ((m + appendZero) % 2 != 0 || m == mantissa.length - 1) {
        bytes[index] = negative ? 101 - bytes[index] : bytes[index] + 1;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    for (int b : bytes) {
      out.write(b & 0xFF);
    }
    return out.toByteArray();
  }
}
