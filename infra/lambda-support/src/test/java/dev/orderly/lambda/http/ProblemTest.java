package dev.orderly.lambda.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void toJson_writesEveryRfc9457MemberAndOrderlysOwn() throws Exception {
    // given
    Problem problem =
        new Problem(
            ErrorCode.VALIDATION_FAILED,
            "2 fields are invalid.",
            List.of(
                new FieldViolation("lines[1].quantity", "must be between 1 and 100"),
                new FieldViolation("email", "is required")),
            "/orders",
            "c-123");

    // when
    ObjectNode body = problem.toJson();

    // then
    assertThat(body)
        .isEqualTo(
            json(
                "{\"type\":\"https://orderly.dev/problems/validation-failed\","
                    + "\"title\":\"The request is not valid\","
                    + "\"status\":400,"
                    + "\"detail\":\"2 fields are invalid.\","
                    + "\"instance\":\"/orders\","
                    + "\"code\":\"VALIDATION_FAILED\","
                    + "\"correlationId\":\"c-123\","
                    + "\"violations\":["
                    + "{\"field\":\"lines[1].quantity\",\"message\":\"must be between 1 and 100\"},"
                    + "{\"field\":\"email\",\"message\":\"is required\"}]}"));
  }

  @Test
  void toJson_leavesOutAbsentOptionalMembers() throws Exception {
    // given
    Problem problem = new Problem(ErrorCode.NOT_FOUND, "No such order.", List.of(), null, null);

    // when
    ObjectNode body = problem.toJson();

    // then
    assertThat(body)
        .isEqualTo(
            json(
                "{\"type\":\"https://orderly.dev/problems/not-found\",\"title\":\"Not found\","
                    + "\"status\":404,\"detail\":\"No such order.\",\"code\":\"NOT_FOUND\"}"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(ErrorCode.class)
  void toJson_typesStatusAndTitleComeFromTheCode(ErrorCode code) {
    // given
    Problem problem = new Problem(code, "detail", List.of(), "/x", "c-1");

    // when
    ObjectNode body = problem.toJson();

    // then
    assertThat(body.get("type").asText()).isEqualTo(code.type());
    assertThat(body.get("title").asText()).isEqualTo(code.title());
    assertThat(body.get("status").isInt()).isTrue();
    assertThat(body.get("status").intValue()).isEqualTo(code.status());
    assertThat(body.get("code").asText()).isEqualTo(code.name());
    List<String> names = new ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly("type", "title", "status", "detail", "instance", "code", "correlationId");
  }

  @Test
  void of_takesCodeDetailAndViolationsFromTheException() {
    // given
    ApiException refused = ApiException.invalid(List.of(new FieldViolation("sku", "is required")));

    // when
    Problem problem = Problem.of(refused, "/orders", "c-9");

    // then
    assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(problem.detail()).isEqualTo("1 field is invalid.");
    assertThat(problem.violations()).containsExactly(new FieldViolation("sku", "is required"));
    assertThat(problem.instance()).isEqualTo("/orders");
    assertThat(problem.correlationId()).isEqualTo("c-9");
  }

  @Test
  void constructor_copiesTheViolations() {
    // given
    List<FieldViolation> violations = new ArrayList<>();
    violations.add(new FieldViolation("a", "is required"));
    Problem problem = new Problem(ErrorCode.VALIDATION_FAILED, "d", violations, null, null);

    // when
    violations.add(new FieldViolation("b", "is required"));

    // then
    assertThat(problem.violations()).hasSize(1);
    assertThatThrownBy(() -> problem.violations().add(new FieldViolation("c", "x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructor_refusesMissingCodeOrDetail() {
    assertThatThrownBy(() -> new Problem(null, "d", List.of(), null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code");
    assertThatThrownBy(() -> new Problem(ErrorCode.NOT_FOUND, null, List.of(), null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("detail");
  }

  @Test
  void fieldViolation_refusesMissingParts() {
    assertThatThrownBy(() -> new FieldViolation(null, "m"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("field");
    assertThatThrownBy(() -> new FieldViolation("f", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("message");
  }
}
