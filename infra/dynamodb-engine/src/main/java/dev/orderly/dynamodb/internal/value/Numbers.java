package dev.orderly.dynamodb.internal.value;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** DynamoDB's number rules: 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
public final class Numbers {
  private static final Pattern DECIMAL =
      Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,9})?");

  private Numbers() {}

  /** Parses a wire number, normalising it as DynamoDB does, or fails with DynamoDB's message. */
  public static BigDecimal parse(String text) {
    if (text == null || text.isEmpty()) {
      throw DynamoDbException.validation("The parameter cannot be converted to a numeric value");
    }
    BigDecimal number;
    try {
      if (!isDecimalLiteral(text)) {
        throw new NumberFormatException(text);
      }
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw DynamoDbException.validation(
          "The parameter cannot be converted to a numeric value: " + text);
    }
    return check(number);
  }

  /** Checks range and precision of a computed number and returns its canonical form. */
  public static BigDecimal check(BigDecimal number) {
    BigDecimal normal = normalize(number);
    if (normal.signum() == 0) {
      return normal;
    }
    int exponent = normal.precision() - normal.scale() - 1;
    if (exponent > 125) {
      throw DynamoDbException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported"
              + " range");
    }
    if (exponent < -130) {
      throw DynamoDbException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported"
              + " range");
    }
    if (normal.precision() > 38) {
      throw DynamoDbException.validation(
          "Attempting to store more than 38 significant digits in a Number");
    }
    return normal;
  }

  public static BigDecimal normalize(BigDecimal number) {
    return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
  }

  /** The wire form: plain notation, no trailing zeros, as DynamoDB answers. */
  public static String format(BigDecimal number) {
    return number.toPlainString();
  }

  private static boolean isDecimalLiteral(String s) {
    return DECIMAL.matcher(s).matches();
  }
}
