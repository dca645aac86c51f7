package dev.orderly.lambda.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class AmbiguousFailuresTest {

  private static DynamoDbException service(int status, String code) {
    return (DynamoDbException)
        DynamoDbException.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }

  private static TransactionCanceledException cancelled(String... codes) {
    return TransactionCanceledException.builder()
        .statusCode(400)
        .cancellationReasons(
            java.util.Arrays.stream(codes)
                .map(code -> CancellationReason.builder().code(code).build())
                .toList())
        .build();
  }

  @Test
  void aCallTimeout_becomesATransientFailureCarryingIt() {
    ApiCallTimeoutException timeout = ApiCallTimeoutException.create(3_000);

    assertThatThrownBy(
            () ->
                AmbiguousFailures.retried(
                    () -> {
                      throw timeout;
                    }))
        .isInstanceOf(TransientFailure.class)
        .hasCause(timeout)
        .hasMessageContaining("ApiCallTimeoutException");
  }

  @Test
  void whatMayPass_andWhatIsAVerdict() {
    assertThat(AmbiguousFailures.mayPass(SdkClientException.create("connection reset"))).isTrue();
    assertThat(AmbiguousFailures.mayPass(service(500, "InternalServerError"))).isTrue();
    assertThat(AmbiguousFailures.mayPass(service(400, "ThrottlingException"))).isTrue();
    assertThat(AmbiguousFailures.mayPass(cancelled("None", "TransactionConflict"))).isTrue();

    assertThat(AmbiguousFailures.mayPass(service(400, "ValidationException"))).isFalse();
    assertThat(AmbiguousFailures.mayPass(service(400, "ResourceNotFoundException"))).isFalse();
    assertThat(AmbiguousFailures.mayPass(cancelled("ConditionalCheckFailed", "None"))).isFalse();
  }

  @Test
  void aVerdict_passesThroughUnchanged_andAnAnswerIsReturned() {
    DynamoDbException invalid = service(400, "ValidationException");

    assertThatThrownBy(
            () ->
                AmbiguousFailures.retried(
                    () -> {
                      throw invalid;
                    }))
        .isSameAs(invalid);
    assertThat(AmbiguousFailures.retried(() -> "answer")).isEqualTo("answer");
  }
}
