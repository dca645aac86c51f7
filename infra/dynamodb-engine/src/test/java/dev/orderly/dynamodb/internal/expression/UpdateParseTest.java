package dev.orderly.dynamodb.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parse-time errors of update expressions and their precedence, as dynalite 4.0.0. */
class UpdateParseTest {
  private static final String OVERLAP =
      "Two document paths overlap with each other; must remove or rewrite one of these paths; ";
  private static final String CONFLICT =
      "Two document paths conflict with each other; must remove or rewrite one of these paths; ";

  private static void assertFails(String expression, String message) {
    assertThatThrownBy(() -> Expressions.parseUpdate(expression, TestValues.attrs()))
        .isInstanceOf(DynamoDbException.class)
        .hasMessage("Invalid UpdateExpression: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET a = :s, a = :n                         | path one: [a], path two: [a]
          SET a = :s REMOVE a.b                      | path one: [a], path two: [a, b]
          REMOVE a.b[1], a.b                         | path one: [a, b, [1]], path two: [a, b]
          ADD a :n, a :n                             | path one: [a], path two: [a]
          SET a[0] = :s, a.b = :s, c = :s, c = :n    | path one: [c], path two: [c]
          """)
  void update_overlappingPathsAreRejected(String expression, String paths) {
    assertFails(expression, OVERLAP + paths);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET a[0] = :s REMOVE a.b                        | path one: [a, [0]], path two: [a, b]
          SET a.b = :s, a[0] = :s                         | path one: [a, b], path two: [a, [0]]
          ADD a[0] :n, a.b :n                             | path one: [a, [0]], path two: [a, b]
          SET a[0] = :s, a.b = :s, a[1].c = :s, a.d = :s  | path one: [a, [1], c], path two: [a, d]
          """)
  void update_conflictingPathsAreRejected(String expression, String paths) {
    assertFails(expression, CONFLICT + paths);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET a = :s SET b = :s           | SET
          REMOVE a SET b = :s REMOVE c    | REMOVE
          ADD a :n ADD b :n               | ADD
          DELETE a :ss DELETE b :ss       | DELETE
          set a = :s Set b = :s           | SET
          """)
  void update_clauseMayAppearOnce(String expression, String clause) {
    assertFails(
        expression,
        "The \"" + clause + "\" section can only be used once in an update expression;");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET a = foo(b)                 | Invalid function name; function: foo
          SET a = size(b)                | Invalid function name; function: size
          SET a = if_not_exists(:s, :n)  | Operator or function requires a document path; operator or function: if_not_exists
          SET a = if_not_exists(a)       | Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1
          SET a = list_append(:s, a)     | Incorrect operand type for operator or function; operator or function: list_append, operand type: S
          SET a = :s + :n                | Incorrect operand type for operator or function; operator or function: +, operand type: S
          SET a = b - :l                 | Incorrect operand type for operator or function; operator or function: -, operand type: L
          ADD a :s                       | Incorrect operand type for operator or function; operator: ADD, operand type: STRING
          ADD a :l                       | Incorrect operand type for operator or function; operator: ADD, operand type: LIST
          ADD a :m                       | Incorrect operand type for operator or function; operator: ADD, operand type: MAP
          ADD a :t                       | Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN
          ADD a :null                    | Incorrect operand type for operator or function; operator: ADD, operand type: NULL
          ADD a :b                       | Incorrect operand type for operator or function; operator: ADD, operand type: BINARY
          DELETE a :n                    | Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER
          DELETE a :s                    | Incorrect operand type for operator or function; operator: DELETE, operand type: STRING
          """)
  void update_badFunctionOrOperandIsRejected(String expression, String message) {
    assertFails(expression, message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET size = :s          | Attribute name is a reserved keyword; reserved keyword: size
          SET a = Data           | Attribute name is a reserved keyword; reserved keyword: Data
          SET #zz = :s           | An expression attribute name used in the document path is not defined; attribute name: #zz
          SET a = :zz            | An expression attribute value used in expression is not defined; attribute value: :zz
          SET a = if_not_exists(b, :zz) | An expression attribute value used in expression is not defined; attribute value: :zz
          """)
  void update_reservedWordsAndPlaceholdersAreChecked(String expression, String message) {
    assertFails(expression, message);
  }

  /**
   * reserved > unknown function > clause repeated > undefined name > undefined value > overlap >
   * conflict > ADD/DELETE operand > function.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SET size = foo(:s)                         | Attribute name is a reserved keyword; reserved keyword: size
          SET a = foo(b) SET c = :s                  | Invalid function name; function: foo
          SET #zz = :s SET c = :s                    | The "SET" section can only be used once in an update expression;
          SET a = :zz, #zz = :s                      | An expression attribute name used in the document path is not defined; attribute name: #zz
          SET a = :zz, a = :s                        | An expression attribute value used in expression is not defined; attribute value: :zz
          ADD a :s, a :n                             | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]
          ADD a[0] :s, a.b :n                        | Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]
          SET a = :s + :n ADD b :s                   | Incorrect operand type for operator or function; operator: ADD, operand type: STRING
          SET a = :s + :n, b = list_append(:n, :l)   | Incorrect operand type for operator or function; operator or function: +, operand type: S
          """)
  void update_errorPrecedenceFollowsDynamoDb(String expression, String message) {
    assertFails(expression, message);
  }

  @Test
  void update_exposesPathsNamesAndTypes() {
    Update update =
        Expressions.parseUpdate(
            "SET a.b = :s, c = list_append(c, :l), d = e, f = if_not_exists(f, :n) + :n1"
                + " REMOVE g[1] ADD h :ns DELETE #b :ss",
            TestValues.attrs());
    assertThat(update.paths())
        .containsExactly(
            DocumentPath.of("a", "b"),
            DocumentPath.of("c"),
            DocumentPath.of("d"),
            DocumentPath.of("f"),
            DocumentPath.of("g", 1),
            DocumentPath.of("h"),
            DocumentPath.of("b"));
    assertThat(update.topLevelNames()).containsExactly("a", "c", "d", "f", "g", "h", "b");
    assertThat(update.nestedPathHeads()).containsExactly("a", "g");
    assertThat(update.actions())
        .extracting(Update.Action::kind, Update.Action::staticType)
        .containsExactly(
            tuple(Update.Kind.SET, Optional.of("S")),
            tuple(Update.Kind.SET, Optional.of("L")),
            tuple(Update.Kind.SET, Optional.empty()),
            tuple(Update.Kind.SET, Optional.of("N")),
            tuple(Update.Kind.REMOVE, Optional.empty()),
            tuple(Update.Kind.ADD, Optional.of("NS")),
            tuple(Update.Kind.DELETE, Optional.of("SS")));
  }

  @Test
  void update_nestedOperandPathsCountAsNested() {
    Update update = Expressions.parseUpdate("SET a = pk.x", TestValues.attrs());
    assertThat(update.nestedPathHeads()).containsExactly("pk");
    assertThat(update.topLevelNames()).containsExactly("a");
  }

  @Test
  void update_clausesMayComeInAnyOrderAndCase() {
    Update update =
        Expressions.parseUpdate("delete d :ss add c :n remove b set a = :s", TestValues.attrs());
    assertThat(update.actions())
        .extracting(Update.Action::kind)
        .isEqualTo(
            List.of(Update.Kind.DELETE, Update.Kind.ADD, Update.Kind.REMOVE, Update.Kind.SET));
  }
}
