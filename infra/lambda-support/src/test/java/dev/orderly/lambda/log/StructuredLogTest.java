package dev.orderly.lambda.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.lambda.local.LocalContext;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StructuredLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-01T10:00:00.123Z"), ZoneOffset.UTC);

  private final CapturedOutput out = new CapturedOutput();
  private final StructuredLog log = new StructuredLog("orders", CLOCK, out.stream());

  @Test
  void begin_marksOnlyTheFirstInvocationAsColdStart() {
    // given
    LocalContext context = LocalContext.of("orders-create", "r-1");

    // when
    Invocation first = log.begin(context, "c-1");
    Invocation second = log.begin(context, "c-2");
    Invocation third = log.begin(context, "c-3");

    // then
    assertThat(first.coldStart()).isTrue();
    assertThat(second.coldStart()).isFalse();
    assertThat(third.coldStart()).isFalse();
  }

  @Test
  void begin_marksEachLogInstanceColdOnce() {
    // given
    StructuredLog other = new StructuredLog("payments", CLOCK, out.stream());
    log.begin(null, "c-1");

    // when
    Invocation otherFirst = other.begin(null, "c-2");

    // then
    assertThat(otherFirst.coldStart()).isTrue();
    assertThat(log.begin(null, "c-3").coldStart()).isFalse();
  }

  @Test
  void begin_givesExactlyOneColdStartAmongConcurrentInvocations() throws Exception {
    // given
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> colds = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        String correlationId = "c-" + i;
        colds.add(
            pool.submit(
                () -> {
                  start.await();
                  return log.begin(null, correlationId).coldStart();
                }));
      }

      // when
      start.countDown();
      int coldCount = 0;
      for (Future<Boolean> cold : colds) {
        coldCount += cold.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }

      // then
      assertThat(coldCount).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void begin_takesFunctionAndRequestIdFromTheContext() {
    // given
    Invocation invocation = log.begin(LocalContext.of("orders-create", "r-42"), "c-1");

    // when
    invocation.info("created", java.util.Map.of());

    // then
    JsonNode line = out.only();
    assertThat(line.get("function").asText()).isEqualTo("orders-create");
    assertThat(line.get("requestId").asText()).isEqualTo("r-42");
    assertThat(invocation.correlationId()).isEqualTo("c-1");
  }

  @Test
  void begin_withoutContextLogsAsLocal() {
    // given
    Invocation invocation = log.begin(null, "c-1");

    // when
    invocation.info("local run", java.util.Map.of());

    // then
    JsonNode line = out.only();
    assertThat(line.get("function").asText()).isEqualTo("local");
    assertThat(line.get("requestId").asText()).isEqualTo("local");
  }

  @Test
  void constructor_refusesMissingParts() {
    // given
    PrintStream stream = out.stream();

    // when / then
    assertThatThrownBy(() -> new StructuredLog(null, CLOCK, stream))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("service");
    assertThatThrownBy(() -> new StructuredLog("orders", null, stream))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
    assertThatThrownBy(() -> new StructuredLog("orders", CLOCK, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("out");
  }

  @Test
  void stdout_beginsColdAndWritesNothingUntilAsked() {
    // given
    StructuredLog stdout = StructuredLog.stdout("orders");

    // when
    Invocation invocation = stdout.begin(null, "c-1");

    // then
    assertThat(invocation.coldStart()).isTrue();
    assertThat(invocation.correlationId()).isEqualTo("c-1");
  }
}
