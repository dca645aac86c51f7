package dev.orderly.lambda.paging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ErrorCode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTest {

  private static Map<String, AttributeValue> key(Object... nameValues) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      key.put((String) nameValues[i], (AttributeValue) nameValues[i + 1]);
    }
    return key;
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
  }

  private static void assertInvalid(String tenant, String token) {
    assertThatThrownBy(() -> Cursors.decode(tenant, token))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR);
              assertThat(e.detail()).isEqualTo("The cursor is not one this API issued.");
            });
  }

  static Stream<Named<Map<String, AttributeValue>>> keys() {
    return Stream.of(
        Named.of("hash key", key("pk", AttributeValue.fromS("TENANT#acme#ORDER#o-1"))),
        Named.of(
            "hash and range",
            key(
                "pk", AttributeValue.fromS("TENANT#acme"),
                "sk", AttributeValue.fromS("ORDER#2026-05-01T10:00:00Z#o-1"))),
        Named.of(
            "numeric range",
            key("pk", AttributeValue.fromS("TENANT#acme"), "sk", AttributeValue.fromN("42"))),
        Named.of(
            "index keys",
            key(
                "pk", AttributeValue.fromS("TENANT#acme#ORDER#o-1"),
                "sk", AttributeValue.fromS("ORDER"),
                "gsi1pk", AttributeValue.fromS("TENANT#acme#STATUS#PAID"),
                "gsi1sk", AttributeValue.fromN("-1.5E+3"))),
        Named.of(
            "numbers at DynamoDB's limits",
            key(
                "pk", AttributeValue.fromN("9.9999999999999999999999999999999999999E+125"),
                "sk", AttributeValue.fromN("-1E-130"),
                "n", AttributeValue.fromN("1" + "0".repeat(37)))),
        Named.of(
            "unusual text",
            key(
                "pk", AttributeValue.fromS("ünïcødé \"quoted\" / + = 😀"),
                "sk", AttributeValue.fromN("0.000000000000000000000000000001"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("keys")
  void decode_returnsTheKeyTheCursorWasIssuedFor(Map<String, AttributeValue> lastEvaluatedKey) {
    // given
    String cursor = Cursors.encode("acme", lastEvaluatedKey);

    // when
    Map<String, AttributeValue> decoded = Cursors.decode("acme", cursor);

    // then
    assertThat(decoded).isEqualTo(lastEvaluatedKey);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("keys")
  void encode_isUrlSafeWithoutPadding(Map<String, AttributeValue> lastEvaluatedKey) {
    // when
    String cursor = Cursors.encode("acme", lastEvaluatedKey);

    // then
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"globex", "Acme", "acme ", "acm", "acme2"})
  void decode_refusesACursorIssuedToAnotherTenant(String otherTenant) {
    // given
    String cursor = Cursors.encode("acme", key("pk", AttributeValue.fromS("TENANT#acme")));

    // when / then
    assertInvalid(otherTenant, cursor);
  }

  static Stream<Named<String>> garbage() {
    return Stream.of(
        Named.of("empty", ""),
        Named.of("not base64", "!!!not-a-cursor!!!"),
        Named.of("standard base64 alphabet", "e30+/w=="),
        Named.of("base64 of text", base64Url("hello")),
        Named.of("truncated", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"S\":\"x\"")),
        Named.of("array", base64Url("[\"acme\"]")),
        Named.of("empty object", base64Url("{}")),
        Named.of("no key", base64Url("{\"t\":\"acme\"}")),
        Named.of("empty key", base64Url("{\"t\":\"acme\",\"k\":{}}")),
        Named.of("key not an object", base64Url("{\"t\":\"acme\",\"k\":[{\"S\":\"x\"}]}")),
        Named.of("binary attribute", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"B\":\"AA==\"}}}")),
        Named.of("bare value", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":\"x\"}}")),
        Named.of("number as JSON number", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"N\":5}}}")),
        Named.of(
            "number not numeric", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"N\":\"five\"}}}")),
        Named.of(
            "number too large", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"N\":\"1E+126\"}}}")),
        Named.of(
            "number too small", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"N\":\"1E-131\"}}}")),
        Named.of(
            "number too precise",
            base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"N\":\"" + "1".repeat(39) + "\"}}}")),
        Named.of("number empty", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"N\":\"\"}}}")),
        Named.of("string empty", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"S\":\"\"}}}")),
        Named.of(
            "one good one bad attribute",
            base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"S\":\"x\"},\"sk\":{\"BOOL\":true}}}")),
        Named.of(
            "tenant not a string", base64Url("{\"t\":[\"acme\"],\"k\":{\"pk\":{\"S\":\"x\"}}}")),
        Named.of("trailing data", base64Url("{\"t\":\"acme\",\"k\":{\"pk\":{\"S\":\"x\"}}} {}")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("garbage")
  void decode_refusesACursorItDidNotIssue(String token) {
    assertInvalid("acme", token);
  }

  @Test
  void decode_refusesATamperedCursor() {
    // given
    String cursor = Cursors.encode("acme", key("pk", AttributeValue.fromS("TENANT#acme")));
    String tampered = cursor.substring(0, cursor.length() - 3);

    // when / then
    assertInvalid("acme", tampered);
  }

  @Test
  void encode_refusesAnAttributeThatIsNotStringOrNumber() {
    // given
    Map<String, AttributeValue> binary =
        key(
            "pk",
            AttributeValue.fromS("x"),
            "blob",
            AttributeValue.fromB(SdkBytes.fromUtf8String("b")));

    // when / then
    assertThatThrownBy(() -> Cursors.encode("acme", binary))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key attribute blob is not S or N");
  }

  @Test
  void encode_refusesAnEmptyKeyThatWouldMakeAnUnusableCursor() {
    // given: what the SDK returns when there is no further page
    Map<String, AttributeValue> none = Map.of();

    // when / then
    assertThatThrownBy(() -> Cursors.encode("acme", none))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
