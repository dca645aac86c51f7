package dev.orderly.lambda.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiExceptionTest {

  @Test
  void constructor_keepsCodeAndDetailWithoutViolations() {
    // when
    ApiException e = new ApiException(ErrorCode.OUT_OF_STOCK, "Only 2 left.");

    // then
    assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_STOCK);
    assertThat(e.detail()).isEqualTo("Only 2 left.").isEqualTo(e.getMessage());
    assertThat(e.violations()).isEmpty();
  }

  @Test
  void constructor_copiesTheViolations() {
    // given
    List<FieldViolation> violations = new ArrayList<>();
    violations.add(new FieldViolation("a", "is required"));
    ApiException e = new ApiException(ErrorCode.VALIDATION_FAILED, "d", violations);

    // when
    violations.clear();

    // then
    assertThat(e.violations()).containsExactly(new FieldViolation("a", "is required"));
  }

  @Test
  void constructor_refusesAMissingCode() {
    assertThatThrownBy(() -> new ApiException(null, "d"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code");
  }

  @Test
  void exception_isCheapWithoutAStackTrace() {
    // when
    ApiException e = new ApiException(ErrorCode.NOT_FOUND, "No such order.");

    // then
    assertThat(e.getStackTrace()).isEmpty();
    assertThat(e).isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest(name = "[{index}] {0} violations")
  @CsvSource({"1, 1 field is invalid.", "2, 2 fields are invalid.", "7, 7 fields are invalid."})
  void invalid_countsTheViolations(int count, String detail) {
    // given
    List<FieldViolation> violations =
        Collections.nCopies(count, new FieldViolation("f", "is required"));

    // when
    ApiException e = ApiException.invalid(violations);

    // then
    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e.violations()).hasSize(count);
  }
}
