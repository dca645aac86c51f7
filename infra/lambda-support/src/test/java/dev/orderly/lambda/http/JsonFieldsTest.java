package dev.orderly.lambda.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonFieldsTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);

  /** Test bodies are written with single quotes for readability. */
  private static ObjectNode body(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static List<String> violations(JsonFields fields) {
    try {
      fields.throwIfInvalid();
      return List.of();
    } catch (ApiException e) {
      List<String> list = new ArrayList<>();
      for (FieldViolation violation : e.violations()) {
        list.add(violation.field() + ": " + violation.message());
      }
      return list;
    }
  }

  private static Arguments text(String json, Object expectedValue, String... expectedViolations) {
    return Arguments.of(json, expectedValue, List.of(expectedViolations));
  }

  // ---- text

  static Stream<Arguments> requiredTexts() {
    return Stream.of(
        text("{'name':'Ada'}", "Ada"),
        text("{'name':'  Ada \\t'}", "Ada"),
        text("{'name':'abcde'}", "abcde"),
        text("{'name':'😀😀😀😀😀'}", "😀😀😀😀😀"),
        text("{'name':'é'}", "é"),
        text("{}", null, "name: is required"),
        text("{'name':null}", null, "name: is required"),
        text("{'name':''}", null, "name: must not be blank"),
        text("{'name':'  \\n '}", null, "name: must not be blank"),
        text("{'name':'abcdef'}", null, "name: must be at most 5 characters"),
        text("{'name':'😀😀😀😀😀😀'}", null, "name: must be at most 5 characters"),
        text("{'name':42}", null, "name: must be a string"),
        text("{'name':true}", null, "name: must be a string"),
        text("{'name':{}}", null, "name: must be a string"),
        text("{'name':['Ada']}", null, "name: must be a string"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("requiredTexts")
  void requiredText_readsOrRecordsTheViolation(
      String json, String expected, List<String> expectedViolations) {
    // given
    JsonFields fields = JsonFields.of(body(json));

    // when
    String value = fields.requiredText("name", 5);

    // then
    assertThat(value).isEqualTo(expected);
    assertThat(violations(fields)).containsExactlyElementsOf(expectedViolations);
    assertThat(fields.valid()).isEqualTo(expectedViolations.isEmpty());
  }

  static Stream<Arguments> optionalTexts() {
    return Stream.of(
        text("{}", Optional.empty()),
        text("{'note':null}", Optional.empty()),
        text("{'note':' hi '}", Optional.of("hi")),
        text("{'note':'12345'}", Optional.of("12345")),
        text("{'note':''}", Optional.empty(), "note: must not be blank"),
        text("{'note':'123456'}", Optional.empty(), "note: must be at most 5 characters"),
        text("{'note':7}", Optional.empty(), "note: must be a string"),
        text("{'note':false}", Optional.empty(), "note: must be a string"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("optionalTexts")
  void optionalText_readsOrRecordsTheViolation(
      String json, Optional<String> expected, List<String> expectedViolations) {
    // given
    JsonFields fields = JsonFields.of(body(json));

    // when
    Optional<String> value = fields.optionalText("note", 5);

    // then
    assertThat(value).isEqualTo(expected);
    assertThat(violations(fields)).containsExactlyElementsOf(expectedViolations);
  }

  // ---- integers

  static Stream<Arguments> requiredLongs() {
    return Stream.of(
        text("{'quantity':1}", 1L),
        text("{'quantity':100}", 100L),
        text("{'quantity':42}", 42L),
        text("{'quantity':0}", 0L, "quantity: must be between 1 and 100"),
        text("{'quantity':101}", 0L, "quantity: must be between 1 and 100"),
        text("{'quantity':-7}", 0L, "quantity: must be between 1 and 100"),
        text("{'quantity':9223372036854775807}", 0L, "quantity: must be between 1 and 100"),
        text("{'quantity':99999999999999999999}", 0L, "quantity: must be between 1 and 100"),
        text("{'quantity':-99999999999999999999}", 0L, "quantity: must be between 1 and 100"),
        text("{}", 0L, "quantity: is required"),
        text("{'quantity':null}", 0L, "quantity: is required"),
        text("{'quantity':1.5}", 0L, "quantity: must be an integer"),
        text("{'quantity':'3'}", 0L, "quantity: must be an integer"),
        text("{'quantity':true}", 0L, "quantity: must be an integer"),
        text("{'quantity':[3]}", 0L, "quantity: must be an integer"),
        text("{'quantity':{}}", 0L, "quantity: must be an integer"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("requiredLongs")
  void requiredLong_readsOrRecordsTheViolation(
      String json, long expected, List<String> expectedViolations) {
    // given
    JsonFields fields = JsonFields.of(body(json));

    // when
    long value = fields.requiredLong("quantity", 1, 100);

    // then
    assertThat(value).isEqualTo(expected);
    assertThat(violations(fields)).containsExactlyElementsOf(expectedViolations);
  }

  @Test
  void requiredLong_acceptsTheWholeLongRange() {
    // given
    JsonFields fields =
        JsonFields.of(body("{'low':-9223372036854775808,'high':9223372036854775807}"));

    // when
    long low = fields.requiredLong("low", Long.MIN_VALUE, Long.MAX_VALUE);
    long high = fields.requiredLong("high", Long.MIN_VALUE, Long.MAX_VALUE);

    // then
    assertThat(low).isEqualTo(Long.MIN_VALUE);
    assertThat(high).isEqualTo(Long.MAX_VALUE);
    assertThat(fields.valid()).isTrue();
  }

  // ---- arrays of objects

  private static Named<Function<JsonFields, Object>> reading(
      String name, Function<JsonFields, Object> reader) {
    return Named.of(name, reader);
  }

  /** Reads {@code lines} as an order's lines: sku, quantity, optional note, nothing else. */
  private static Object readLines(JsonFields fields) {
    List<String> read = new ArrayList<>();
    for (JsonFields line : fields.objects("lines", 1, 3)) {
      line.allowOnly(Set.of("sku", "quantity", "note"));
      String sku = line.requiredText("sku", 8);
      long quantity = line.requiredLong("quantity", 1, 10);
      line.optionalText("note", 4);
      read.add(sku + "x" + quantity);
    }
    return read;
  }

  static Stream<Arguments> arrays() {
    Named<Function<JsonFields, Object>> lines = reading("lines", JsonFieldsTest::readLines);
    return Stream.of(
        Arguments.of("{'lines':[{'sku':'A','quantity':1}]}", lines, List.of("Ax1"), List.of()),
        Arguments.of(
            "{'lines':[{'sku':'A','quantity':1},{'sku':'B','quantity':2},{'sku':'C','quantity':3}]}",
            lines,
            List.of("Ax1", "Bx2", "Cx3"),
            List.of()),
        Arguments.of("{}", lines, List.of(), List.of("lines: is required")),
        Arguments.of("{'lines':null}", lines, List.of(), List.of("lines: is required")),
        Arguments.of("{'lines':'A'}", lines, List.of(), List.of("lines: must be an array")),
        Arguments.of("{'lines':{}}", lines, List.of(), List.of("lines: must be an array")),
        Arguments.of(
            "{'lines':[]}", lines, List.of(), List.of("lines: must have between 1 and 3 items")),
        Arguments.of(
            "{'lines':[{},{},{},{}]}",
            lines,
            List.of(),
            List.of("lines: must have between 1 and 3 items")),
        Arguments.of(
            "{'lines':[{'sku':'A','quantity':1},{'sku':'B','quantity':0}]}",
            lines,
            List.of("Ax1", "Bx0"),
            List.of("lines[1].quantity: must be between 1 and 10")),
        Arguments.of(
            "{'lines':[7,{'sku':'B','quantity':2}]}",
            lines,
            List.of("Bx2"),
            List.of("lines[0]: must be an object")),
        Arguments.of(
            "{'lines':[{'quantity':'2','colour':'red'},{'sku':'','quantity':2,'note':'too long'}]}",
            lines,
            List.of("nullx0", "nullx2"),
            List.of(
                "lines[0].colour: is not a known field",
                "lines[0].sku: is required",
                "lines[0].quantity: must be an integer",
                "lines[1].sku: must not be blank",
                "lines[1].note: must be at most 4 characters")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("arrays")
  void objects_readsEachItemWithViolationsNamedByPath(
      String json,
      Function<JsonFields, Object> reader,
      Object expected,
      List<String> expectedViolations) {
    // given
    JsonFields fields = JsonFields.of(body(json));

    // when
    Object value = reader.apply(fields);

    // then
    assertThat(value).isEqualTo(expected);
    assertThat(violations(fields)).containsExactlyElementsOf(expectedViolations);
  }

  @Test
  void objects_namesViolationsInNestedArraysByTheirFullPath() {
    // given
    JsonFields fields =
        JsonFields.of(
            body(
                "{'lines':[{'options':[{'code':'ok'}]},"
                    + "{'options':[{'code':'ok'},{'code':5,'x':1}]}]}"));

    // when
    for (JsonFields line : fields.objects("lines", 1, 5)) {
      for (JsonFields option : line.objects("options", 1, 5)) {
        option.allowOnly(Set.of("code"));
        option.requiredText("code", 10);
      }
    }

    // then
    assertThat(violations(fields))
        .containsExactly(
            "lines[1].options[1].x: is not a known field",
            "lines[1].options[1].code: must be a string");
  }

  // ---- unknown fields, custom violations, refusal

  @Test
  void allowOnly_recordsEveryUnknownField() {
    // given
    JsonFields fields = JsonFields.of(body("{'sku':'A','admin':true,'price':0}"));

    // when
    JsonFields same = fields.allowOnly(Set.of("sku", "quantity"));

    // then
    assertThat(same).isSameAs(fields);
    assertThat(violations(fields))
        .containsExactlyInAnyOrder("admin: is not a known field", "price: is not a known field");
  }

  @Test
  void allowOnly_acceptsKnownFieldsEvenWhenOthersAreMissing() {
    // given
    JsonFields fields = JsonFields.of(body("{'sku':'A'}"));

    // when
    fields.allowOnly(Set.of("sku", "quantity"));

    // then
    assertThat(fields.valid()).isTrue();
  }

  @Test
  void violation_isNamedByThePathOfItsObject() {
    // given
    JsonFields fields = JsonFields.of(body("{'lines':[{'sku':'A'}]}"));
    JsonFields line = fields.objects("lines", 1, 1).get(0);

    // when
    line.violation("sku", "is not sold");
    fields.violation("lines", "is too expensive");

    // then
    assertThat(violations(fields))
        .containsExactly("lines[0].sku: is not sold", "lines: is too expensive");
  }

  @Test
  void throwIfInvalid_refusesWithEveryViolationAndACount() {
    // given
    JsonFields fields = JsonFields.of(body("{'extra':1}"));
    fields.allowOnly(Set.of("name"));
    fields.requiredText("name", 10);

    // when / then
    assertThatThrownBy(fields::throwIfInvalid)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(e.detail()).isEqualTo("2 fields are invalid.");
              assertThat(e.violations())
                  .containsExactly(
                      new FieldViolation("extra", "is not a known field"),
                      new FieldViolation("name", "is required"));
            });
  }

  @Test
  void throwIfInvalid_doesNothingForAValidBody() {
    // given
    JsonFields fields = JsonFields.of(body("{'name':'Ada'}"));
    fields.allowOnly(Set.of("name"));
    fields.requiredText("name", 10);

    // when
    fields.throwIfInvalid();

    // then
    assertThat(fields.valid()).isTrue();
  }
}
