package dev.orderly.localcloud.lambda;

import static dev.orderly.localcloud.lambda.Json.bytes;
import static dev.orderly.localcloud.lambda.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.lambda.handlers.FailingHandler;
import dev.orderly.localcloud.spi.InvokeResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uncaught exceptions come back as the error document the Lambda Java runtime writes. */
class FunctionErrorsTest {
  private final LocalLambda lambda =
      LocalLambda.builder()
          .function(FunctionSpec.of("fail", FailingHandler.class.getName()))
          .build();

  @AfterEach
  void close() {
    lambda.close();
  }

  @Test
  void anUncaughtException_isReportedByItsBinaryNameWithTheHandlersFramesAndItsCauses() {
    InvokeResult result = lambda.invoke("fail", bytes("{\"orderId\":\"o-7\"}"));

    assertThat(result.functionError()).isEqualTo("Unhandled");
    JsonNode error = read(result);
    assertThat(fieldNames(error))
        .containsExactly("errorMessage", "errorType", "stackTrace", "cause");
    assertThat(error.get("errorType").asText())
        .isEqualTo("dev.orderly.localcloud.lambda.handlers.FailingHandler$Declined");
    assertThat(error.get("errorMessage").asText()).isEqualTo("card declined for o-7");
    assertThat(error.get("stackTrace").get(0).asText())
        .startsWith("dev.orderly.localcloud.lambda.handlers.FailingHandler.handleRequest(");
    assertThat(error.get("stackTrace").toString()).doesNotContain("localcloud.lambda.internal");
    JsonNode cause = error.get("cause");
    assertThat(cause.get("errorType").asText()).isEqualTo("java.io.UncheckedIOException");
    assertThat(cause.get("errorMessage").asText()).isEqualTo("provider said no");
    assertThat(cause.get("cause").get("errorType").asText()).isEqualTo("java.io.IOException");
    assertThat(cause.get("cause").has("cause")).isFalse();
  }

  @Test
  void anExceptionWithoutAMessage_isReportedWithItsClassNameAsTheMessage() {
    JsonNode error = read(lambda.invoke("fail", bytes("{\"kind\":\"no-message\"}")));

    assertThat(error.get("errorType").asText())
        .isEqualTo("java.lang.UnsupportedOperationException");
    assertThat(error.get("errorMessage").asText())
        .isEqualTo("java.lang.UnsupportedOperationException");
    assertThat(error.has("cause")).isFalse();
  }

  @Test
  void aFailedInvocation_leavesItsEnvironmentWarm() {
    lambda.invoke("fail", bytes("{}"));
    lambda.invoke("fail", bytes("{}"));

    FunctionStats stats = lambda.stats("fail");
    assertThat(stats.invocations()).isEqualTo(2);
    assertThat(stats.errors()).isEqualTo(2);
    assertThat(stats.coldStarts()).isEqualTo(1);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
