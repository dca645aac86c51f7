package dev.orderly.dynamodb.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import java.util.Collections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Semantic errors of condition expressions and their precedence, as dynalite 4.0.0 reports. */
class ConditionParseErrorTest {

  private static void assertFails(String expression, String message) {
    assertThatThrownBy(
            () -> Expressions.parseCondition(expression, TestValues.attrs(), "ConditionExpression"))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> assertThat(e.type()).isEqualTo(DynamoDbException.VALIDATION))
        .hasMessage("Invalid ConditionExpression: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          size = :n              | Attribute name is a reserved keyword; reserved keyword: size
          a.Data = :n            | Attribute name is a reserved keyword; reserved keyword: Data
          attribute_exists(name) | Attribute name is a reserved keyword; reserved keyword: name
          a.size = :n            | Attribute name is a reserved keyword; reserved keyword: size
          """)
  void parse_reservedWordIsRejected(String expression, String message) {
    assertFails(expression, message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ABORT", "zone", "Size", "BETWEEN", "select", "URL", "Data", "NULL"})
  void parse_reservedWordListMatchesDynamoDbs(String word) {
    assertThat(ReservedWords.isReserved(word)).isTrue();
    assertThat(ReservedWords.size()).isEqualTo(573);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a", "pk", "contains", "begins_with", "attribute_exists", "x_1"})
  void parse_ordinaryNamesAreNotReserved(String word) {
    assertThat(ReservedWords.isReserved(word)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"#s = :n", "a[0].#s = :n", "attribute_exists(#s)", "#m.#a = :n"})
  void parse_reservedWordBehindPlaceholderIsAccepted(String expression) {
    assertThatCode(
            () -> Expressions.parseCondition(expression, TestValues.attrs(), "ConditionExpression"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          #zz = :n             | An expression attribute name used in the document path is not defined; attribute name: #zz
          a = :zz              | An expression attribute value used in expression is not defined; attribute value: :zz
          a = :zz AND #zz = :n | An expression attribute value used in expression is not defined; attribute value: :zz
          #zz = #zz            | An expression attribute name used in the document path is not defined; attribute name: #zz
          contains(#zz)        | An expression attribute name used in the document path is not defined; attribute name: #zz
          """)
  void parse_undefinedPlaceholderIsRejected(String expression, String message) {
    assertFails(expression, message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          foo(a)                  | Invalid function name; function: foo
          SIZE(a) = :n            | Invalid function name; function: SIZE
          contains(a)             | Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1
          attribute_exists(a, b)  | Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2
          attribute_exists(:s)    | Operator or function requires a document path; operator or function: attribute_exists
          attribute_not_exists(:s) | Operator or function requires a document path; operator or function: attribute_not_exists
          begins_with(a, :n)      | Incorrect operand type for operator or function; operator or function: begins_with, operand type: N
          begins_with(size(a), :s) | Incorrect operand type for operator or function; operator or function: begins_with, operand type: N
          attribute_type(a, :n)   | Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N
          attribute_type(a, b)    | Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}
          attribute_type(a, :bad) | Invalid attribute type name found; type: XX, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}
          size(:n) = :n           | Incorrect operand type for operator or function; operator or function: size, operand type: N
          size(:t) > :n           | Incorrect operand type for operator or function; operator or function: size, operand type: BOOL
          size(size(a)) = :n      | Incorrect operand type for operator or function; operator or function: size, operand type: N
          """)
  void parse_badFunctionIsRejected(String expression, String message) {
    assertFails(expression, message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          contains(a, a)    | operator: contains, first operand: [a]
          a = a             | operator: =, first operand: [a]
          #a.b[1] <> a.b[1] | operator: <>, first operand: [a, b, [1]]
          """)
  void parse_identicalOperandsAreRejected(String expression, String detail) {
    assertFails(
        expression,
        "The first operand must be distinct from the remaining operands for this operator or"
            + " function; "
            + detail);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          size(a)                    | size
          NOT size(a)                | size
          size(a) AND b = :n         | size
          (size(a))                  | size
          contains(a, :s) = :t       | contains
          a IN (attribute_exists(b)) | attribute_exists
          size(contains(a, :s)) = :n | contains
          """)
  void parse_misusedFunctionIsRejected(String expression, String function) {
    assertFails(
        expression,
        "The function is not allowed to be used this way in an expression; function: " + function);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "((a = :n))",
        "((a)) = :n",
        "a = ((:n))",
        "(a = :n) AND ((b = :n))",
        "(((a = :n) OR b = :n))",
        "((contains(a, :s)))",
        "contains(((a)), :s)",
        "NOT ((a = :n))"
      })
  void parse_redundantParenthesesAreRejected(String expression) {
    assertFails(expression, "The expression has redundant parentheses;");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "(a = :n)",
        "(a) = :n",
        "a = (:n)",
        "(a = :n) AND (b = :n)",
        "((a = :n) OR b = :n)",
        "(contains(a, :s))",
        "(NOT contains(a, :s))",
        "a BETWEEN (:n) AND (:n10)",
        "a IN ((:n), :s)"
      })
  void parse_singleParenthesesAreAccepted(String expression) {
    assertThatCode(
            () -> Expressions.parseCondition(expression, TestValues.attrs(), "ConditionExpression"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a BETWEEN :n AND :s     | The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:abc}
          a BETWEEN :t AND :null  | The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {BOOL:true}, upper bound operand: AttributeValue: {NULL:true}
          a BETWEEN :l AND :m     | The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {L:[object Object],[object Object]}, upper bound operand: AttributeValue: {M:[object Object]}
          a BETWEEN :b AND :n     | The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {B:AQID}, upper bound operand: AttributeValue: {N:5}
          a BETWEEN :n10 AND :n1  | The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:1}
          a BETWEEN :s2 AND :s    | The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:abd}, upper bound operand: AttributeValue: {S:abc}
          """)
  void parse_betweenBoundsAreChecked(String expression, String message) {
    assertFails(expression, message);
  }

  /** parens > unknown function > misused function > reserved word > first faulty condition. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ((foo(a)))                  | The expression has redundant parentheses;
          foo(a) AND size(b)          | Invalid function name; function: foo
          contains(a) AND foo(b)      | Invalid function name; function: foo
          size(a) AND size = :n       | The function is not allowed to be used this way in an expression; function: size
          #zz = :n AND size = :n      | Attribute name is a reserved keyword; reserved keyword: size
          contains(a) AND #zz = :n    | Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1
          #zz = :n AND contains(a)    | An expression attribute name used in the document path is not defined; attribute name: #zz
          a = a AND size(:n) = :n     | The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]
          size(:n) = :n AND a = a     | Incorrect operand type for operator or function; operator or function: size, operand type: N
          begins_with(size(:n), a, b) | Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 3
          """)
  void parse_errorPrecedenceFollowsDynamoDb(String expression, String message) {
    assertFails(expression, message);
  }

  @ParameterizedTest(name = "{0} operands")
  @ValueSource(ints = {100, 101})
  void parse_inAcceptsAtMostOneHundredOperands(int operands) {
    String list = String.join(", ", Collections.nCopies(operands, ":n"));
    String expression = "a IN (" + list + ")";
    if (operands <= 100) {
      assertThatCode(
              () ->
                  Expressions.parseCondition(expression, TestValues.attrs(), "ConditionExpression"))
          .doesNotThrowAnyException();
    } else {
      assertFails(
          expression,
          "The IN operator is provided with too many operands; number of operands: 101");
    }
  }

  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {32, 33})
  void parse_documentPathsHaveAtMost32Levels(int levels) {
    String expression = "a" + ".b".repeat(levels - 1) + " = :n";
    if (levels <= 32) {
      assertThatCode(
              () ->
                  Expressions.parseCondition(expression, TestValues.attrs(), "ConditionExpression"))
          .doesNotThrowAnyException();
    } else {
      assertFails(
          expression, "The document path has too many nesting levels; nesting levels: " + levels);
    }
  }

  @ParameterizedTest(name = "FilterExpression: {0}")
  @ValueSource(strings = {"foo(a)"})
  void parse_errorsNameTheParameter(String expression) {
    assertThatThrownBy(
            () -> Expressions.parseCondition(expression, TestValues.attrs(), "FilterExpression"))
        .hasMessage("Invalid FilterExpression: Invalid function name; function: foo");
  }
}
