package dev.orderly.localcloud.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.template.FunctionSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FailedMessageVisibilityTest {
  private static FunctionSpec withTimeout(int seconds) {
    return new FunctionSpec(
        "Fn",
        "fn",
        "arn:aws:lambda:us-east-1:000000000000:function:fn",
        "dev.example.Handler::handleRequest",
        "java17",
        "functions/x",
        512,
        seconds,
        Map.of(),
        OptionalInt.empty(),
        List.of("x86_64"),
        Optional.empty());
  }

  @Test
  void aTimedOutMessageReturnsAfterFiveSeconds_orOnceTheFunctionsTimeoutHasPassed() {
    assertThat(LocalMappings.timedOutMessageVisibility(withTimeout(3)))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(LocalMappings.timedOutMessageVisibility(withTimeout(30)))
        .isEqualTo(Duration.ofSeconds(31));
    assertThat(LocalMappings.FAILED_MESSAGE_VISIBILITY).isEqualTo(Duration.ofSeconds(5));
  }
}
