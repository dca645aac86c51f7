package dev.orderly.dynamodb.internal.expression;

import static dev.orderly.dynamodb.internal.expression.TestValues.item;
import static dev.orderly.dynamodb.internal.expression.TestValues.l;
import static dev.orderly.dynamodb.internal.expression.TestValues.m;
import static dev.orderly.dynamodb.internal.expression.TestValues.n;
import static dev.orderly.dynamodb.internal.expression.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentPathTest {
  private static final Map<String, AttributeValue> ITEM =
      item("a", m("b", l(n("0"), n("1"), m("c", s("deep")))), "s", s("x"));

  @Test
  void path_formatsAsDynamoDbDoes() {
    assertThat(DocumentPath.of("a", "b", 2, "c")).hasToString("[a, b, [2], c]");
    assertThat(DocumentPath.of("a")).hasToString("[a]");
  }

  @Test
  void path_resolvesNestedValues() {
    assertThat(DocumentPath.of("a", "b", 2, "c").get(ITEM)).contains(s("deep"));
    assertThat(DocumentPath.of("a", "b", 1).get(ITEM)).contains(n("1"));
    assertThat(DocumentPath.of("s").get(ITEM)).contains(s("x"));
  }

  @Test
  void path_missingOrMistypedStepsResolveToEmpty() {
    assertThat(DocumentPath.of("absent").get(ITEM)).isEmpty();
    assertThat(DocumentPath.of("a", "b", 3).get(ITEM)).isEmpty();
    assertThat(DocumentPath.of("a", 0).get(ITEM)).isEmpty();
    assertThat(DocumentPath.of("a", "b", "c").get(ITEM)).isEmpty();
    assertThat(DocumentPath.of("s", "x").get(ITEM)).isEmpty();
  }

  @Test
  void path_knowsHeadAndParent() {
    DocumentPath path = DocumentPath.of("a", "b", 2);
    assertThat(path.head()).isEqualTo("a");
    assertThat(path.isNested()).isTrue();
    assertThat(path.parent()).contains(DocumentPath.of("a", "b"));
    assertThat(DocumentPath.of("a").parent()).isEqualTo(Optional.empty());
  }

  @Test
  void path_rejectsMalformedElements() {
    assertThatThrownBy(() -> new DocumentPath(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentPath.of(0, "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentPath.of("a", -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DocumentPath.of("a", 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
