package dev.orderly.stepfunctions.internal.integrations;

import static dev.orderly.stepfunctions.internal.integrations.LocalClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB JSON attribute values to the SDK's and back, every type, and what is rejected. */
class AttributeValuesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'S': 'text with ü and \\\\n'}",
        "{'N': '-12.500'}",
        "{'B': 'AAEC/w=='}",
        "{'BOOL': false}",
        "{'NULL': true}",
        "{'M': {'a': {'S': 'x'}, 'b': {'M': {'c': {'N': '1'}}}}}",
        "{'L': [{'S': 'x'}, {'N': '2'}, {'L': []}]}",
        "{'SS': ['a', 'b']}",
        "{'NS': ['1', '2.5']}",
        "{'BS': ['AA==', 'AQI=']}"
      })
  void everyType_roundTripsUnchanged(String value) {
    assertThat(AttributeValues.toJson(AttributeValues.toSdk(json(value)))).isEqualTo(json(value));
  }

  @Test
  void toSdk_readsEachTypeIntoTheSdkField() {
    Map<String, AttributeValue> item =
        AttributeValues.toSdkMap(
            json(
                "{'s': {'S': 'x'}, 'n': {'N': '7'}, 'b': {'B': 'AAEC'}, 'bool': {'BOOL': true},"
                    + " 'nul': {'NULL': true}, 'ss': {'SS': ['p', 'q']}, 'bs': {'BS': ['AA==']},"
                    + " 'l': {'L': [{'N': '1'}]}}"));

    assertThat(item.get("s").s()).isEqualTo("x");
    assertThat(item.get("n").n()).isEqualTo("7");
    assertThat(item.get("b").b()).isEqualTo(SdkBytes.fromByteArray(new byte[] {0, 1, 2}));
    assertThat(item.get("bool").bool()).isTrue();
    assertThat(item.get("nul").nul()).isTrue();
    assertThat(item.get("ss").ss()).containsExactly("p", "q");
    assertThat(item.get("bs").bs()).containsExactly(SdkBytes.fromByteArray(new byte[] {0}));
    assertThat(item.get("l").l()).containsExactly(AttributeValue.fromN("1"));
  }

  @Test
  void toSdk_takesAJsonNumberAsItsPlainDecimalText() {
    assertThat(AttributeValues.toSdk(json("{'N': 12.5}")).n()).isEqualTo("12.5");
    assertThat(AttributeValues.toSdk(json("{'N': 1e3}")).n()).isEqualTo("1000");
    assertThat(AttributeValues.toSdk(json("{'NS': [1, '2']}")).ns()).isEqualTo(List.of("1", "2"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          {'S': 1}                 | S values must be strings
          {'N': true}              | N values must be numbers in strings
          {'B': 'not base64!'}     | B values must be base64
          {'BOOL': 'true'}         | BOOL must be true or false
          {'NULL': false}          | NULL must be true
          {'M': []}                | Expected a map of attribute values
          {'L': {}}                | L must be an array
          {'SS': 'a'}              | SS must be an array
          {'X': 'a'}               | Unknown attribute value type X
          {'S': 'a', 'N': '1'}     | exactly one type key
          {}                       | exactly one type key
          'a'                      | exactly one type key
          """)
  void toSdk_rejectsWhatIsNotAnAttributeValue(String value, String problem) {
    assertThatThrownBy(() -> AttributeValues.toSdk(json(value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }
}
