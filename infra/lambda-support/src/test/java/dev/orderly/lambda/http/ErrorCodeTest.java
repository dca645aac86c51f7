package dev.orderly.lambda.http;

import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

  /** The published contract: a code never changes its status or type. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "VALIDATION_FAILED,       400, https://orderly.dev/problems/validation-failed",
    "MALFORMED_BODY,          400, https://orderly.dev/problems/malformed-body",
    "INVALID_CURSOR,          400, https://orderly.dev/problems/invalid-cursor",
    "IDEMPOTENCY_KEY_MISSING, 400, https://orderly.dev/problems/idempotency-key-missing",
    "IDEMPOTENCY_KEY_INVALID, 400, https://orderly.dev/problems/idempotency-key-invalid",
    "UNAUTHORIZED,            401, https://orderly.dev/problems/unauthorized",
    "PAYMENT_DECLINED,        402, https://orderly.dev/problems/payment-declined",
    "NOT_FOUND,               404, https://orderly.dev/problems/not-found",
    "METHOD_NOT_ALLOWED,      405, https://orderly.dev/problems/method-not-allowed",
    "EMAIL_ALREADY_EXISTS,    409, https://orderly.dev/problems/email-already-exists",
    "IDEMPOTENCY_KEY_IN_USE,  409, https://orderly.dev/problems/idempotency-key-in-use",
    "OUT_OF_STOCK,            409, https://orderly.dev/problems/out-of-stock",
    "VERSION_MISMATCH,        412, https://orderly.dev/problems/version-mismatch",
    "PAYLOAD_TOO_LARGE,       413, https://orderly.dev/problems/payload-too-large",
    "UNSUPPORTED_MEDIA_TYPE,  415, https://orderly.dev/problems/unsupported-media-type",
    "IDEMPOTENCY_KEY_REUSED,  422, https://orderly.dev/problems/idempotency-key-reused",
    "PRECONDITION_REQUIRED,   428, https://orderly.dev/problems/precondition-required",
    "THROTTLED,               429, https://orderly.dev/problems/throttled",
    "INTERNAL_ERROR,          500, https://orderly.dev/problems/internal-error",
    "SERVICE_UNAVAILABLE,     503, https://orderly.dev/problems/service-unavailable"
  })
  void code_keepsItsStatusAndType(ErrorCode code, int status, String type) {
    assertThat(code.status()).isEqualTo(status);
    assertThat(code.type()).isEqualTo(type);
  }

  @Test
  void contract_coversEveryCode() {
    // the table above names all of them: a new code must be added to it
    assertThat(ErrorCode.values()).hasSize(20);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(ErrorCode.class)
  void type_isAnAbsoluteHttpsUriEndingInTheKebabCaseName(ErrorCode code) {
    // when
    URI type = URI.create(code.type());

    // then
    assertThat(type.isAbsolute()).isTrue();
    assertThat(type.getScheme()).isEqualTo("https");
    assertThat(type.getHost()).isEqualTo("orderly.dev");
    assertThat(type.getPath()).matches("/problems/[a-z]+(-[a-z]+)*");
    assertThat(type.getPath())
        .endsWith("/" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    assertThat(type.getQuery()).isNull();
    assertThat(type.getFragment()).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @EnumSource(ErrorCode.class)
  void code_isAClientOrServerErrorWithATitle(ErrorCode code) {
    assertThat(code.status()).isBetween(400, 599);
    assertThat(code.title()).isNotBlank().doesNotEndWith(".");
    assertThat(code.name()).matches("[A-Z]+(_[A-Z]+)*");
  }

  @Test
  void codes_haveUniqueTypesAndTitles() {
    // when
    List<String> types = Arrays.stream(ErrorCode.values()).map(ErrorCode::type).collect(toList());
    List<String> titles = Arrays.stream(ErrorCode.values()).map(ErrorCode::title).collect(toList());

    // then
    assertThat(types).doesNotHaveDuplicates();
    assertThat(titles).doesNotHaveDuplicates();
  }
}
