package dev.orderly.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalContextTest {
  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void remainingTime_countsDownFromTheFunctionsTimeoutAndStopsAtZero() {
    HandClock clock = new HandClock();
    LocalContext context =
        LocalContext.builder("orders-place-order")
            .timeout(Duration.ofSeconds(10))
            .clock(clock)
            .build();

    assertThat(context.getRemainingTimeInMillis()).isEqualTo(10_000);
    assertThat(context.expired()).isFalse();

    clock.advance(Duration.ofMillis(9_750));
    assertThat(context.getRemainingTimeInMillis()).isEqualTo(250);

    clock.advance(Duration.ofSeconds(1));
    assertThat(context.getRemainingTimeInMillis()).isZero();
    assertThat(context.expired()).isTrue();
    assertThat(context.deadline()).isEqualTo(Instant.parse("2026-11-28T10:00:10Z"));
  }

  @Test
  void identity_isWhatTheRuntimeReports() {
    LocalContext context =
        LocalContext.builder("inventory-reserve-stock")
            .requestId("r-1")
            .region("eu-west-1")
            .memoryMb(1024)
            .build();

    assertThat(context.getAwsRequestId()).isEqualTo("r-1");
    assertThat(context.getFunctionName()).isEqualTo("inventory-reserve-stock");
    assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
    assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/inventory-reserve-stock");
    assertThat(context.getInvokedFunctionArn())
        .isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:inventory-reserve-stock");
    assertThat(context.getMemoryLimitInMB()).isEqualTo(1024);
    assertThat(context.getIdentity()).isNull();
    assertThat(context.getClientContext()).isNull();
  }

  @Test
  void of_givesLambdaDefaultsAndFreshRequestIdsFromTheBuilder() {
    LocalContext given = LocalContext.of("users", "req-9");
    assertThat(given.getAwsRequestId()).isEqualTo("req-9");
    assertThat(given.getMemoryLimitInMB()).isEqualTo(512);
    assertThat(given.getRemainingTimeInMillis()).isBetween(1, 30_000);

    String a = LocalContext.builder("users").build().getAwsRequestId();
    String b = LocalContext.builder("users").build().getAwsRequestId();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void logger_writesLinesToTheGivenStream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LocalContext context =
        LocalContext.builder("users")
            .log(new PrintStream(out, true, StandardCharsets.UTF_8))
            .build();

    context.getLogger().log("one");
    context.getLogger().log("two".getBytes(StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
  }

  @Test
  void outOfRangeSettings_areRefusedAsLambdaWould() {
    assertThatThrownBy(() -> LocalContext.builder("f").memoryMb(64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MemorySize");
    assertThatThrownBy(() -> LocalContext.builder("f").timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Timeout");
  }
}
