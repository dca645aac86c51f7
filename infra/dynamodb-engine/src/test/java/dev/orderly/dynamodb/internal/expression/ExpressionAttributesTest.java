package dev.orderly.dynamodb.internal.expression;

import static dev.orderly.dynamodb.internal.expression.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionAttributesTest {

  private static Map<String, String> names(String... keys) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String key : keys) {
      names.put(key, "x");
    }
    return names;
  }

  private static Map<String, AttributeValue> values(String... keys) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (String key : keys) {
      values.put(key, s("x"));
    }
    return values;
  }

  @Test
  void attributes_emptyMapsAreRejected() {
    assertThatThrownBy(() -> ExpressionAttributes.of(Map.of(), null))
        .hasMessage("ExpressionAttributeNames must not be empty");
    assertThatThrownBy(() -> ExpressionAttributes.of(null, Map.of()))
        .hasMessage("ExpressionAttributeValues must not be empty");
    assertThatCode(() -> ExpressionAttributes.of(null, null)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"x", "#", "#a-b", "#a.b", "# a", ":a", "#ä"})
  void attributes_badNameKeyIsRejected(String key) {
    assertThatThrownBy(() -> ExpressionAttributes.of(names(key), null))
        .hasMessage(
            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"x", ":", ":a-b", ":a.b", "#a", ":a:"})
  void attributes_badValueKeyIsRejected(String key) {
    assertThatThrownBy(() -> ExpressionAttributes.of(null, values(key)))
        .hasMessage(
            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
  }

  @Test
  void attributes_namesAreCheckedBeforeValues() {
    assertThatThrownBy(() -> ExpressionAttributes.of(names("bad"), values("bad")))
        .hasMessageStartingWith("ExpressionAttributeNames contains invalid key");
    assertThatThrownBy(() -> ExpressionAttributes.of(names("#ok"), Map.of()))
        .hasMessage("ExpressionAttributeValues must not be empty");
  }

  @Test
  void attributes_unusedNamesAreReportedInOrderBeforeValues() {
    ExpressionAttributes attrs =
        ExpressionAttributes.of(names("#b", "#a", "#used"), values(":z", ":used"));
    Expressions.parseCondition("#used = :used", attrs, "ConditionExpression");
    assertThat(attrs.unusedNames()).containsExactly("#b", "#a");
    assertThat(attrs.unusedValues()).containsExactly(":z");
    assertThatThrownBy(attrs::checkAllUsed)
        .hasMessage(
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #a}");
  }

  @Test
  void attributes_unusedValuesAreReportedWhenNamesAreAllUsed() {
    ExpressionAttributes attrs = ExpressionAttributes.of(names("#a"), values(":v", ":w", ":x"));
    Expressions.parseCondition("#a = :w", attrs, "ConditionExpression");
    assertThatThrownBy(attrs::checkAllUsed)
        .hasMessage(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v, :x}");
  }

  @Test
  void attributes_useIsTrackedAcrossAllExpressionsOfARequest() {
    ExpressionAttributes attrs =
        ExpressionAttributes.of(names("#a", "#b", "#c"), values(":v", ":w"));
    Expressions.parseUpdate("SET #a = :v", attrs);
    Expressions.parseCondition("attribute_exists(#b) AND #b <> :w", attrs, "ConditionExpression");
    Expressions.parseProjection("#c", attrs);
    assertThatCode(attrs::checkAllUsed).doesNotThrowAnyException();
  }

  @Test
  void attributes_emptyNameCountsAsUndefined() {
    ExpressionAttributes attrs = ExpressionAttributes.of(Map.of("#a", ""), null);
    assertThatThrownBy(() -> Expressions.parseProjection("#a", attrs))
        .hasMessage(
            "Invalid ProjectionExpression: An expression attribute name used in the document path"
                + " is not defined; attribute name: #a");
  }
}
