package dev.orderly.dynamodb.internal.expression;

import static dev.orderly.dynamodb.internal.expression.TestValues.b;
import static dev.orderly.dynamodb.internal.expression.TestValues.bool;
import static dev.orderly.dynamodb.internal.expression.TestValues.bs;
import static dev.orderly.dynamodb.internal.expression.TestValues.item;
import static dev.orderly.dynamodb.internal.expression.TestValues.l;
import static dev.orderly.dynamodb.internal.expression.TestValues.m;
import static dev.orderly.dynamodb.internal.expression.TestValues.n;
import static dev.orderly.dynamodb.internal.expression.TestValues.ns;
import static dev.orderly.dynamodb.internal.expression.TestValues.nul;
import static dev.orderly.dynamodb.internal.expression.TestValues.s;
import static dev.orderly.dynamodb.internal.expression.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation of conditions against one item; "absent" is never present in it. */
class ConditionEvaluationTest {
  private static final Map<String, AttributeValue> ITEM =
      item(
          "s", s("abc"),
          "n", n("5"),
          "neg", n("-2.5"),
          "b", b(1, 2, 3),
          "ss", ss("a", "abc"),
          "ns", ns("1", "5"),
          "bs", bs(b(1), b(1, 2, 3)),
          "t", bool(true),
          "nul", nul(),
          "e", s(""),
          "l", l(s("abc"), n("5"), m("k", s("v"))),
          "l2", l(s("abc"), n("5")),
          "m", m("k", s("abc"), "n", n("1"), "deep", m("x", n("7"))),
          "size", n("9"),
          "emoji", s("\uD83D\uDE00"));

  private static boolean test(String expression) {
    return Expressions.parseCondition(expression, TestValues.attrs(), "ConditionExpression")
        .test(ITEM);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          s = :s          | true
          s = :s2         | false
          n = :n          | true
          n = :s          | false
          l2 = :l         | true
          l = :l          | false
          m.k = :s        | true
          ss = :ss        | false
          absent = :s     | false
          s <> :s2        | true
          s <> :s         | false
          n <> :s         | true
          absent <> :s    | true
          absent <> nope  | true
          absent = nope   | false
          :n = :n         | true
          """)
  void condition_equalityComparesAnyTypeDeeply(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n < :n10       | true
          n < :n         | false
          n <= :n        | true
          n > :n1        | true
          n >= :n10      | false
          neg < :n0      | true
          s < :s2        | true
          s >= :s        | true
          :ab < s        | true
          b > :b1        | true
          b < :b23       | true
          s < :n         | false
          t > :f         | false
          ss <= :ss      | false
          absent < :n    | false
          absent >= :n   | false
          :emoji > :hi   | true
          size(s) > :n1  | true
          """)
  void condition_orderingNeedsTheSameScalarType(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n BETWEEN :n1 AND :n10      | true
          n BETWEEN :n AND :n         | true
          n BETWEEN :n1 AND :n        | true
          n BETWEEN :n AND :n10       | true
          n BETWEEN :n1 AND :n3       | false
          s BETWEEN :ab AND :s        | true
          s BETWEEN :s AND :s2        | true
          n BETWEEN :s AND :s2        | false
          absent BETWEEN :n1 AND :n10 | false
          n BETWEEN :n1 AND absent    | false
          """)
  void condition_betweenIsInclusive(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n IN (:n1, :n)       | true
          n IN (:n1, :n10)     | false
          s IN (:n, :s)        | true
          l2 IN (:l2, :l)      | true
          absent IN (:s, :n)   | false
          :n IN (n, s)         | true
          """)
  void condition_inMatchesAnyCandidate(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          attribute_exists(s)                | true
          attribute_exists(absent)           | false
          attribute_exists(nul)              | true
          attribute_exists(e)                | true
          attribute_exists(m.deep.x)         | true
          attribute_exists(m.deep.y)         | false
          attribute_exists(l[2].k)           | true
          attribute_exists(l[3])             | false
          attribute_exists(m[0])             | false
          attribute_exists(l.k)              | false
          attribute_exists(#s)               | true
          attribute_not_exists(absent)       | true
          attribute_not_exists(s)            | false
          attribute_not_exists(s.k)          | true
          attribute_type(s, :typeS)          | true
          attribute_type(e, :typeS)          | true
          attribute_type(s, :typeN)          | false
          attribute_type(nul, :typeNULL)     | true
          attribute_type(m, :typeM)          | true
          attribute_type(absent, :typeS)     | false
          """)
  void condition_existenceAndTypeFunctions(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          begins_with(s, :ab)      | true
          begins_with(s, :s)       | true
          begins_with(s, :e)       | true
          begins_with(s, :s2)      | false
          begins_with(b, :b1)      | true
          begins_with(b, :b23)     | false
          begins_with(s, :b1)      | false
          begins_with(absent, :s)  | false
          begins_with(l[0], :ab)   | true
          contains(s, :bc)         | true
          contains(s, :z)          | false
          contains(b, :b23)        | true
          contains(ss, :a)         | true
          contains(ss, :ab)        | false
          contains(ns, :n)         | true
          contains(ns, :n3)        | false
          contains(bs, :b1)        | true
          contains(l, :s)          | true
          contains(l, :n)          | true
          contains(l, :ab)         | false
          contains(n, :n)          | false
          contains(m, :s)          | false
          contains(absent, :s)     | false
          contains(ss, s)          | true
          """)
  void condition_beginsWithAndContains(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          size(s) = :n3            | true
          size(e) = :n0            | true
          size(b) = :n3            | true
          size(ss) = :n2           | true
          size(ns) = :n2           | true
          size(bs) = :n2           | true
          size(l) = :n3            | true
          size(m) = :n3            | true
          size(emoji) = :n2        | true
          size(n) = :n1            | false
          size(n) <> :n1           | true
          size(absent) < :n10      | false
          size(l[2]) = :n1         | true
          """)
  void condition_sizeCountsCharactersBytesAndElements(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          NOT s = :s AND n = :n1                  | false
          NOT (s = :s AND n = :n1)                | true
          s = :s OR n = :n1 AND n = :n10          | true
          (s = :s OR n = :n1) AND n = :n10        | false
          s = :s2 AND n = :n OR n = :n            | true
          s = :s2 AND (n = :n OR n = :n)          | false
          NOT s = :s2                             | true
          NOT (s = :s OR n = :n1)                 | false
          NOT contains(s, :z) AND NOT n = :n1     | true
          n BETWEEN :n1 AND :n10 AND s = :s       | true
          n BETWEEN :n1 AND :n10 AND s = :s2      | false
          s = :s2 OR n IN (:n) AND t = :t         | true
          """)
  void condition_precedenceIsNotThenAndThenOr(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          s = :s2 or n = :n                  | true
          n between :n1 and :n10             | true
          not s = :s                         | false
          n In (:n)                          | true
          s = :s aNd n = :n                  | true
          """)
  void condition_keywordsAreCaseInsensitive(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          #m.k = :s               | true
          #m.#a = :s              | false
          l[0] = :s               | true
          l[2].k = :s             | false
          #s = :n                 | false
          #dot = :s               | false
          """)
  void condition_placeholdersAndNestedPaths(String expression, boolean expected) {
    assertThat(test(expression)).isEqualTo(expected);
  }

  @Test
  void condition_missingItemHasNoAttributes() {
    Condition condition =
        Expressions.parseCondition(
            "attribute_not_exists(pk) AND a <> :s", TestValues.attrs(), "ConditionExpression");
    assertThat(condition.test(Map.of())).isTrue();
  }

  @Test
  void condition_reportsPathHeads() {
    Condition condition =
        Expressions.parseCondition(
            "a.b = :s AND c = :n OR size(#m[1]) > :n", TestValues.attrs(), "FilterExpression");
    assertThat(condition.pathHeads()).containsExactly("a", "c", "m");
    assertThat(condition.nestedPathHeads()).containsExactly("a", "m");
  }
}
