package dev.orderly.dynamodb.internal.expression;

import static dev.orderly.dynamodb.internal.expression.TestValues.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Applying updates to items: results and runtime errors (which carry no prefix). */
class UpdateApplyTest {

  private static Map<String, AttributeValue> apply(String expression, String item) {
    return Expressions.parseUpdate(expression, TestValues.attrs()).apply(Json.item(item));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET a = :s                 | {}                                   | {"a":{"S":"abc"}}
          SET a = :s                 | {"a":{"N":"1"}}                      | {"a":{"S":"abc"}}
          SET #m.k = :n              | {"m":{"M":{"k":{"S":"x"}}}}          | {"m":{"M":{"k":{"N":"5"}}}}
          SET m.k2 = :n              | {"m":{"M":{"k":{"S":"x"}}}}          | {"m":{"M":{"k":{"S":"x"},"k2":{"N":"5"}}}}
          SET l[1] = :s              | {"l":{"L":[{"N":"1"},{"N":"2"}]}}    | {"l":{"L":[{"N":"1"},{"S":"abc"}]}}
          SET l[0].k = :s            | {"l":{"L":[{"M":{}}]}}               | {"l":{"L":[{"M":{"k":{"S":"abc"}}}]}}
          SET a = b                  | {"b":{"N":"1"}}                      | {"a":{"N":"1"},"b":{"N":"1"}}
          SET a = b, b = a           | {"a":{"N":"1"},"b":{"N":"2"}}        | {"a":{"N":"2"},"b":{"N":"1"}}
          SET a = :m, b = :m         | {}                                   | {"a":{"M":{"k":{"S":"abc"}}},"b":{"M":{"k":{"S":"abc"}}}}
          """)
  void update_setWritesValues(String expression, String item, String expected) {
    assertThat(apply(expression, item)).isEqualTo(Json.item(expected));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET l[2] = :s              | {"l":{"L":[{"N":"1"},{"N":"2"}]}}    | {"l":{"L":[{"N":"1"},{"N":"2"},{"S":"abc"}]}}
          SET l[5] = :s              | {"l":{"L":[{"N":"1"},{"N":"2"}]}}    | {"l":{"L":[{"N":"1"},{"N":"2"},{"S":"abc"}]}}
          SET l[9] = :s, l[7] = :n   | {"l":{"L":[{"N":"1"}]}}              | {"l":{"L":[{"N":"1"},{"N":"5"},{"S":"abc"}]}}
          SET l[4] = :s              | {"l":{"L":[]}}                       | {"l":{"L":[{"S":"abc"}]}}
          ADD l[5] :n                | {"l":{"L":[{"N":"1"}]}}              | {"l":{"L":[{"N":"1"},{"N":"5"}]}}
          """)
  void update_setPastTheEndOfAListAppends(String expression, String item, String expected) {
    assertThat(apply(expression, item)).isEqualTo(Json.item(expected));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET a = a + :n                        | {"a":{"N":"1"}}  | {"a":{"N":"6"}}
          SET a = a - :n                        | {"a":{"N":"1"}}  | {"a":{"N":"-4"}}
          SET a = :n - :n1                      | {}               | {"a":{"N":"4"}}
          SET a = a + :neg                      | {"a":{"N":"1"}}  | {"a":{"N":"-1.5"}}
          SET a = (a + :n)                      | {"a":{"N":"1"}}  | {"a":{"N":"6"}}
          SET a = if_not_exists(a, :n)          | {"a":{"N":"1"}}  | {"a":{"N":"1"}}
          SET a = if_not_exists(a, :n)          | {}               | {"a":{"N":"5"}}
          SET a = if_not_exists(b, :n) + :n1    | {}               | {"a":{"N":"6"}}
          SET a = list_append(a, :l2)           | {"a":{"L":[{"N":"1"}]}} | {"a":{"L":[{"N":"1"},{"N":"9"}]}}
          SET a = list_append(:l2, a)           | {"a":{"L":[{"N":"1"}]}} | {"a":{"L":[{"N":"9"},{"N":"1"}]}}
          SET a = list_append(if_not_exists(a, :l2), :l2) | {}     | {"a":{"L":[{"N":"9"},{"N":"9"}]}}
          """)
  void update_setComputesArithmeticAndFunctions(String expression, String item, String expected) {
    assertThat(apply(expression, item)).isEqualTo(Json.item(expected));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          REMOVE a                   | {"a":{"N":"1"},"b":{"N":"2"}}        | {"b":{"N":"2"}}
          REMOVE absent              | {"b":{"N":"2"}}                      | {"b":{"N":"2"}}
          REMOVE m.k, m.absent       | {"m":{"M":{"k":{"N":"1"},"j":{"N":"2"}}}} | {"m":{"M":{"j":{"N":"2"}}}}
          REMOVE l[0], l[2]          | {"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"N":"3"}]}} | {"l":{"L":[{"N":"1"},{"N":"3"}]}}
          REMOVE l[2], l[0]          | {"l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"N":"3"}]}} | {"l":{"L":[{"N":"1"},{"N":"3"}]}}
          REMOVE l[9]                | {"l":{"L":[{"N":"0"}]}}              | {"l":{"L":[{"N":"0"}]}}
          REMOVE l[1] SET l[3] = :s  | {"l":{"L":[{"N":"2"},{"N":"3"},{"N":"4"},{"N":"5"},{"N":"6"}]}} | {"l":{"L":[{"N":"2"},{"N":"4"},{"S":"abc"},{"N":"6"}]}}
          SET l[3] = :s REMOVE l[1]  | {"l":{"L":[{"N":"2"},{"N":"3"},{"N":"4"},{"N":"5"},{"N":"6"}]}} | {"l":{"L":[{"N":"2"},{"N":"4"},{"S":"abc"},{"N":"6"}]}}
          REMOVE l[0].k, l[1]        | {"l":{"L":[{"M":{"k":{"N":"1"}}},{"N":"2"}]}} | {"l":{"L":[{"M":{}}]}}
          """)
  void update_removeUsesOriginalListIndexes(String expression, String item, String expected) {
    assertThat(apply(expression, item)).isEqualTo(Json.item(expected));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ADD a :n       | {}                                | {"a":{"N":"5"}}
          ADD a :n       | {"a":{"N":"1"}}                   | {"a":{"N":"6"}}
          ADD a :neg     | {"a":{"N":"1"}}                   | {"a":{"N":"-1.5"}}
          ADD s :ss      | {}                                | {"s":{"SS":["a","z"]}}
          ADD s :ss      | {"s":{"SS":["a","b"]}}            | {"s":{"SS":["a","b","z"]}}
          ADD s :ns      | {"s":{"NS":["1","5"]}}            | {"s":{"NS":["1","5","9"]}}
          ADD s :bs      | {"s":{"BS":["AQ=="]}}             | {"s":{"BS":["AQ==","CQ=="]}}
          ADD m.c :n     | {"m":{"M":{}}}                    | {"m":{"M":{"c":{"N":"5"}}}}
          """)
  void update_addToMissingNumberCreatesIt(String expression, String item, String expected) {
    assertThat(apply(expression, item)).isEqualTo(Json.item(expected));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          DELETE s :ss      | {"s":{"SS":["a","b","z"]}}       | {"s":{"SS":["b"]}}
          DELETE s :ss      | {"s":{"SS":["a","z"]}}           | {}
          DELETE s :ss      | {"s":{"SS":["b"]}}               | {"s":{"SS":["b"]}}
          DELETE absent :ss | {}                               | {}
          DELETE s :ns      | {"s":{"NS":["1","5"]}}           | {"s":{"NS":["1"]}}
          DELETE s :bs      | {"s":{"BS":["AQ==","CQ=="]}}     | {"s":{"BS":["AQ=="]}}
          DELETE l[0] :ss   | {"l":{"L":[{"SS":["a"]},{"N":"1"}]}} | {"l":{"L":[{"N":"1"}]}}
          """)
  void update_deleteEmptyingASetRemovesIt(String expression, String item, String expected) {
    assertThat(apply(expression, item)).isEqualTo(Json.item(expected));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET a = b + :n                | {}                      | The provided expression refers to an attribute that does not exist in the item
          SET a = :n + b                | {}                      | The provided expression refers to an attribute that does not exist in the item
          SET a = b                     | {}                      | The provided expression refers to an attribute that does not exist in the item
          SET a = list_append(b, :l)    | {}                      | The provided expression refers to an attribute that does not exist in the item
          SET m.k = :s, a = b           | {}                      | The provided expression refers to an attribute that does not exist in the item
          SET a = b + :n                | {"b":{"S":"x"}}         | An operand in the update expression has an incorrect data type
          SET a = list_append(b, :l)    | {"b":{"N":"1"}}         | An operand in the update expression has an incorrect data type
          ADD a :n                      | {"a":{"S":"x"}}         | An operand in the update expression has an incorrect data type
          ADD a :ss                     | {"a":{"NS":["1"]}}      | An operand in the update expression has an incorrect data type
          ADD a :ss                     | {"a":{"N":"1"}}         | An operand in the update expression has an incorrect data type
          DELETE a :ss                  | {"a":{"NS":["1"]}}      | An operand in the update expression has an incorrect data type
          DELETE a :ss                  | {"a":{"S":"a"}}         | An operand in the update expression has an incorrect data type
          SET m.k = :s                  | {}                      | The document path provided in the update expression is invalid for update
          SET a.b = :s                  | {"a":{"S":"x"}}         | The document path provided in the update expression is invalid for update
          SET m[0] = :s                 | {"m":{"M":{}}}          | The document path provided in the update expression is invalid for update
          SET l.k = :s                  | {"l":{"L":[]}}          | The document path provided in the update expression is invalid for update
          SET l[5].k = :s               | {"l":{"L":[]}}          | The document path provided in the update expression is invalid for update
          REMOVE m.k                    | {}                      | The document path provided in the update expression is invalid for update
          ADD m.k :n                    | {}                      | The document path provided in the update expression is invalid for update
          DELETE m.k :ss                | {}                      | The document path provided in the update expression is invalid for update
          """)
  void update_runtimeErrorsAreUnprefixed(String expression, String item, String message) {
    assertThatThrownBy(() -> apply(expression, item))
        .isInstanceOf(DynamoDbException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}: {1} and {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ADD a :x          | 9E+125   | 9E+125 | Number overflow. Attempting to store a number with magnitude larger than supported range
          SET a = a + :x    | 9E+125   | 9E+125 | Number overflow. Attempting to store a number with magnitude larger than supported range
          SET a = a - :x    | 1.5E-130 | 1E-130 | Number underflow. Attempting to store a number with magnitude smaller than supported range
          SET a = a + :x    | 1E+30    | 1E-30  | Attempting to store more than 38 significant digits in a Number
          """)
  void update_numberOverflowIsRejected(String expression, String a, String x, String message) {
    ExpressionAttributes attrs = ExpressionAttributes.of(null, Map.of(":x", n(x)));
    Update update = Expressions.parseUpdate(expression, attrs);
    Map<String, AttributeValue> item = Map.of("a", n(a));
    assertThatThrownBy(() -> update.apply(item)).hasMessage(message);
  }

  @Test
  void update_leavesTheInputItemUnchanged() {
    Map<String, AttributeValue> item =
        Json.item(
            "{\"a\":{\"N\":\"1\"},\"m\":{\"M\":{\"k\":{\"N\":\"1\"}}},"
                + "\"l\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"}]},\"s\":{\"SS\":[\"a\"]}}");
    Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
    Update update =
        Expressions.parseUpdate(
            "SET a = a + :n, m.k = :s, l[5] = :s REMOVE l[0] ADD s :ss", TestValues.attrs());
    Map<String, AttributeValue> result = update.apply(item);
    assertThat(item).isEqualTo(copy);
    assertThat(result).isNotEqualTo(item);
  }

  @Test
  void update_updatedAttributesProjectTheWrittenPaths() {
    Update update =
        Expressions.parseUpdate("SET a = :s, m.k = :n REMOVE l[0], gone", TestValues.attrs());
    Map<String, AttributeValue> old =
        Json.item(
            "{\"a\":{\"N\":\"1\"},\"b\":{\"N\":\"2\"},\"m\":{\"M\":{\"k\":{\"N\":\"1\"},"
                + "\"j\":{\"N\":\"3\"}}},\"l\":{\"L\":[{\"N\":\"7\"},{\"N\":\"8\"}]}}");
    assertThat(update.updatedAttributes(old))
        .isEqualTo(
            Json.item(
                "{\"a\":{\"N\":\"1\"},\"m\":{\"M\":{\"k\":{\"N\":\"1\"}}},"
                    + "\"l\":{\"L\":[{\"N\":\"7\"}]}}"));
    assertThat(update.updatedAttributes(update.apply(old)))
        .isEqualTo(
            Json.item(
                "{\"a\":{\"S\":\"abc\"},\"m\":{\"M\":{\"k\":{\"N\":\"5\"}}},"
                    + "\"l\":{\"L\":[{\"N\":\"8\"}]}}"));
  }
}
