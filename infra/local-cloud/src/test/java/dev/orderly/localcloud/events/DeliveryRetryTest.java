package dev.orderly.localcloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Retries with backoff, and dead-lettering into a real (ElasticMQ) queue. Retries run on a
 * scheduler that moves the test's clock by each delay instead of waiting, so event age is exact.
 */
class DeliveryRetryTest {
  private static final Instant START = Instant.parse("2025-05-05T12:00:00Z");
  private static final String FLAKY = "arn:aws:sqs:us-east-1:000000000000:flaky";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger RUN = new AtomicInteger();
  private static LocalSqs sqs;

  private final MutableClock clock = new MutableClock(START);
  private final List<Duration> delays = new ArrayList<>();
  private LocalEventBridge bridge;
  private EventBridgeClient events;
  private String dlq;
  private Function<String, String> queueUrls = arn -> sqs.url(arn);

  @BeforeAll
  static void startSqs() {
    sqs = new LocalSqs();
  }

  @AfterAll
  static void stopSqs() {
    sqs.close();
  }

  @BeforeEach
  void queues() {
    dlq = sqs.queue("dlq-" + RUN.incrementAndGet());
  }

  @AfterEach
  void stop() {
    if (events != null) {
      events.close();
    }
    bridge.close();
  }

  private void start(EventTarget flaky, TargetSpec target) {
    bridge =
        LocalEventBridge.builder()
            .clock(clock)
            .ids(() -> "evt-1")
            .sqs(sqs.sqs)
            .queueUrls(arn -> queueUrls.apply(arn))
            .target(FLAKY, flaky)
            .random(new SplittableRandom(7))
            .backoff(Duration.ofSeconds(1), Duration.ofMinutes(5))
            .scheduler(
                (delay, task) -> {
                  synchronized (delays) {
                    delays.add(delay);
                  }
                  clock.advance(delay);
                  task.run();
                })
            .build();
    bridge.putRule(
        new RuleSpec("Orders", null, "{\"source\": [\"orderly.orders\"]}", List.of(target)));
    events = LocalSqs.events(bridge.start());
    events.putEvents(
        b ->
            b.entries(
                PutEventsRequestEntry.builder()
                    .source("orderly.orders")
                    .detailType("OrderPlaced")
                    .detail("{\"orderId\":\"o-9\"}")
                    .build()));
    assertThat(bridge.awaitIdle(Duration.ofSeconds(10))).isTrue();
  }

  private static Map<String, String> attributes(Message message) {
    return message.messageAttributes().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stringValue()));
  }

  @Test
  void flakyTarget_isRetriedWithGrowingJitteredBackoff_untilItAccepts() {
    RecordingTarget flaky = RecordingTarget.failingFirst(3);

    start(flaky, TargetSpec.of("Flaky", FLAKY).withDeadLetterArn(dlq));

    assertThat(flaky.attempts()).hasSize(4).containsOnly(flaky.attempts().get(0));
    assertThat(delays).hasSize(3);
    for (int retry = 1; retry <= 3; retry++) {
      long cap = 1000L << (retry - 1);
      assertThat(delays.get(retry - 1).toMillis()).isBetween(cap / 2, cap);
    }
    assertThat(bridge.stats())
        .extracting("delivered", "retried", "deadLettered", "dropped")
        .containsExactly(1L, 3L, 0L, 0L);
    assertThat(sqs.drain(dlq)).isEmpty();
  }

  @Test
  void exhaustedRetries_sendTheEventToTheDlq_withEventBridgesAttributes() throws Exception {
    RecordingTarget flaky = RecordingTarget.failingFirst(Integer.MAX_VALUE);

    start(
        flaky,
        TargetSpec.of("Flaky", FLAKY)
            .withRetryPolicy(new RetryPolicy(2, 3600))
            .withDeadLetterArn(dlq));

    assertThat(flaky.attempts()).hasSize(3);
    List<Message> dead = sqs.drain(dlq);
    assertThat(dead).hasSize(1);
    assertThat(JSON.readTree(dead.get(0).body()).get("id").asText()).isEqualTo("evt-1");
    assertThat(JSON.readTree(dead.get(0).body()).at("/detail/orderId").asText()).isEqualTo("o-9");
    assertThat(attributes(dead.get(0)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "RULE_ARN", "arn:aws:events:us-east-1:000000000000:rule/Orders",
                "TARGET_ARN", FLAKY,
                "ERROR_CODE", "THROTTLING",
                "ERROR_MESSAGE", "slow down (2)",
                "EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts",
                "RETRY_ATTEMPTS", "2"));
    assertThat(bridge.stats())
        .extracting("delivered", "retried", "deadLettered", "dropped")
        .containsExactly(0L, 2L, 1L, 0L);
  }

  @Test
  void eventOlderThanMaximumAge_isDeadLettered_beforeRetriesRunOut() {
    RecordingTarget flaky = RecordingTarget.failingFirst(Integer.MAX_VALUE);

    start(
        flaky,
        TargetSpec.of("Flaky", FLAKY)
            .withRetryPolicy(new RetryPolicy(185, 60))
            .withDeadLetterArn(dlq));

    Duration waited = delays.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(flaky.attempts()).hasSize(delays.size() + 1).hasSizeLessThan(10);
    List<Message> dead = sqs.drain(dlq);
    assertThat(dead).hasSize(1);
    assertThat(attributes(dead.get(0)))
        .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumEventAgeInSeconds")
        .containsEntry("RETRY_ATTEMPTS", Integer.toString(delays.size()))
        .containsEntry("ERROR_CODE", "THROTTLING");
  }

  @Test
  void aDlqThatDoesNotAnswerAtFirst_stillGetsTheEvent_nothingIsDropped() {
    AtomicInteger lookups = new AtomicInteger();
    queueUrls =
        arn -> {
          if (lookups.incrementAndGet() <= 2) {
            throw SdkClientException.create("Unable to execute HTTP request: Connect timed out");
          }
          return sqs.url(arn);
        };
    RecordingTarget gone =
        new RecordingTarget(
            attempt -> new TargetDeliveryException("NO_RESOURCE", "queue deleted", false));

    start(gone, TargetSpec.of("Gone", FLAKY).withDeadLetterArn(dlq));

    assertThat(sqs.drain(dlq)).hasSize(1);
    assertThat(delays).hasSize(2);
    assertThat(bridge.stats())
        .extracting("delivered", "deadLettered", "dropped")
        .containsExactly(0L, 1L, 0L);
  }

  @Test
  void nonRetryableFailure_goesToTheDlqAtOnce() {
    RecordingTarget gone =
        new RecordingTarget(
            attempt -> new TargetDeliveryException("NO_RESOURCE", "queue deleted", false));

    start(gone, TargetSpec.of("Gone", FLAKY).withDeadLetterArn(dlq));

    assertThat(gone.attempts()).hasSize(1);
    assertThat(delays).isEmpty();
    Map<String, String> attributes = attributes(sqs.drain(dlq).get(0));
    assertThat(attributes)
        .containsEntry("ERROR_CODE", "NO_RESOURCE")
        .containsEntry("ERROR_MESSAGE", "queue deleted")
        .doesNotContainKey("EXHAUSTED_RETRY_CONDITION");
  }

  @Test
  void missingSqsQueue_isNoResource_andDeadLettered() {
    String missing = LocalSqs.arn("never-created");

    start(RecordingTarget.accepting(), TargetSpec.of("Missing", missing).withDeadLetterArn(dlq));

    assertThat(attributes(sqs.drain(dlq).get(0)))
        .containsEntry("ERROR_CODE", "NO_RESOURCE")
        .containsEntry("TARGET_ARN", missing);
  }

  @Test
  void undeliverableEventWithoutDlq_isCountedDropped() {
    RecordingTarget flaky = RecordingTarget.failingFirst(Integer.MAX_VALUE);

    start(flaky, TargetSpec.of("Flaky", FLAKY).withRetryPolicy(new RetryPolicy(1, 600)));

    assertThat(flaky.attempts()).hasSize(2);
    assertThat(bridge.stats())
        .extracting("delivered", "retried", "deadLettered", "dropped")
        .containsExactly(0L, 1L, 0L, 1L);
  }

  @Test
  void dlqThatDoesNotExist_countsTheEventDropped() {
    RecordingTarget gone =
        new RecordingTarget(attempt -> new TargetDeliveryException("NO_RESOURCE", "gone", false));

    start(gone, TargetSpec.of("Gone", FLAKY).withDeadLetterArn(LocalSqs.arn("no-dlq")));

    assertThat(bridge.stats().dropped()).isEqualTo(1);
    assertThat(bridge.stats().deadLettered()).isZero();
  }
}
