package dev.orderly.dynamodb.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionTest {
  private static final Map<String, AttributeValue> ITEM =
      Json.item(
          """
          {"a": {"S": "x"}, "b": {"N": "1"}, "size": {"N": "2"},
           "m": {"M": {"k": {"S": "v"}, "j": {"N": "3"}, "n": {"M": {"deep": {"S": "d"}}}}},
           "l": {"L": [{"S": "l0"}, {"M": {"k": {"S": "l1k"}, "j": {"S": "l1j"}}}, {"S": "l2"},
                       {"L": [{"S": "l30"}, {"S": "l31"}]}]}}
          """);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a                 | {"a":{"S":"x"}}
          a, b, absent      | {"a":{"S":"x"},"b":{"N":"1"}}
          #s                | {"size":{"N":"2"}}
          m.k               | {"m":{"M":{"k":{"S":"v"}}}}
          m.k, m.n.deep     | {"m":{"M":{"k":{"S":"v"},"n":{"M":{"deep":{"S":"d"}}}}}}
          m.absent          | {}
          l[2], l[0]        | {"l":{"L":[{"S":"l0"},{"S":"l2"}]}}
          l[2]              | {"l":{"L":[{"S":"l2"}]}}
          l[1].j, l[1].k    | {"l":{"L":[{"M":{"j":{"S":"l1j"},"k":{"S":"l1k"}}}]}}
          l[3][1], l[0]     | {"l":{"L":[{"S":"l0"},{"L":[{"S":"l31"}]}]}}
          l[9], a.b, m[0]   | {}
          #m.#a             | {}
          """)
  void projection_picksPathsKeepingStructure(String expression, String expected) {
    Projection projection = Expressions.parseProjection(expression, TestValues.attrs());
    assertThat(projection.apply(ITEM)).isEqualTo(Json.item(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a, a.b            | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]
          a.b, a            | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]
          a, b, a           | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]
          a[0], a.b         | Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]
          a[0], a.b, c, c   | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c], path two: [c]
          size              | Attribute name is a reserved keyword; reserved keyword: size
          a.Data            | Attribute name is a reserved keyword; reserved keyword: Data
          #zz               | An expression attribute name used in the document path is not defined; attribute name: #zz
          #zz, size         | Attribute name is a reserved keyword; reserved keyword: size
          a, #zz.b, a       | An expression attribute name used in the document path is not defined; attribute name: #zz
          """)
  void projection_errorsFollowDynamoDb(String expression, String message) {
    assertThatThrownBy(() -> Expressions.parseProjection(expression, TestValues.attrs()))
        .isInstanceOf(DynamoDbException.class)
        .hasMessage("Invalid ProjectionExpression: " + message);
  }

  @Test
  void projection_exposesPaths() {
    Projection projection = Expressions.parseProjection("a, m.k, l[1]", TestValues.attrs());
    assertThat(projection.paths())
        .containsExactly(DocumentPath.of("a"), DocumentPath.of("m", "k"), DocumentPath.of("l", 1));
    assertThat(projection.topLevelNames()).containsExactly("a", "m", "l");
    assertThat(projection.nestedPathHeads()).containsExactly("m", "l");
  }

  @Test
  void projection_ofPathsProjectsAnyPathList() {
    Projection projection = Projection.of(List.of(DocumentPath.of("m", "j"), DocumentPath.of("b")));
    assertThat(projection.apply(ITEM))
        .isEqualTo(Json.item("{\"m\":{\"M\":{\"j\":{\"N\":\"3\"}}},\"b\":{\"N\":\"1\"}}"));
  }
}
