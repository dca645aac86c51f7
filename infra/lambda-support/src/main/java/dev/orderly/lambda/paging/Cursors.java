package dev.orderly.lambda.paging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ErrorCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque paging cursors over DynamoDB's LastEvaluatedKey: base64url of the key and the tenant it
 * was issued to. A cursor from another tenant, or one that does not decode, is INVALID_CURSOR; key
 * attributes must be strings or numbers, as DynamoDB keys are (binary keys are not used).
 */
public final class Cursors {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private Cursors() {}

  /**
   * The cursor for the page after {@code lastEvaluatedKey}. An empty key (what the SDK returns when
   * there is no further page) has no cursor: check {@code hasLastEvaluatedKey()} first.
   */
  public static String encode(String tenant, Map<String, AttributeValue> lastEvaluatedKey) {
    Objects.requireNonNull(tenant, "tenant");
    if (lastEvaluatedKey.isEmpty()) {
      throw new IllegalArgumentException("no key, no next page: there is no cursor to issue");
    }
    ObjectNode cursor = JSON.createObjectNode();
    cursor.put("t", tenant);
    ObjectNode key = cursor.putObject("k");
    lastEvaluatedKey.forEach(
        (name, value) -> {
          if (value.s() != null) {
            key.putObject(name).put("S", value.s());
          } else if (value.n() != null) {
            key.putObject(name).put("N", value.n());
          } else {
            throw new IllegalArgumentException("key attribute " + name + " is not S or N");
          }
        });
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(cursor.toString().getBytes(StandardCharsets.UTF_8));
  }

  public static Map<String, AttributeValue> decode(String tenant, String token) {
    JsonNode cursor;
    try {
      cursor = JSON.readTree(Base64.getUrlDecoder().decode(token));
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
    if (cursor == null
        || !cursor.path("t").isTextual()
        || !tenant.equals(cursor.get("t").asText())) {
      throw invalid();
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = cursor.path("k").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      // Only what DynamoDB would accept as a key: otherwise a forged cursor is a failed query.
      if (value.path("S").isTextual() && !value.get("S").asText().isEmpty()) {
        key.put(field.getKey(), AttributeValue.fromS(value.get("S").asText()));
      } else if (value.path("N").isTextual() && isNumber(value.get("N").asText())) {
        key.put(field.getKey(), AttributeValue.fromN(value.get("N").asText()));
      } else {
        throw invalid();
      }
    }
    if (key.isEmpty()) {
      throw invalid();
    }
    return key;
  }

  /** A DynamoDB number: up to 38 significant digits, magnitude from 1E-130 to below 1E+126. */
  private static boolean isNumber(String text) {
    BigDecimal number;
    try {
      number = new BigDecimal(text).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return false;
    }
    if (number.signum() == 0) {
      return true;
    }
    long exponent = (long) number.precision() - number.scale() - 1;
    return number.precision() <= 38 && exponent >= -130 && exponent <= 125;
  }

  private static ApiException invalid() {
    return new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not one this API issued.");
  }
}
