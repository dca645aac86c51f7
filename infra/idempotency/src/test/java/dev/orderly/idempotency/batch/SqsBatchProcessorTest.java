package dev.orderly.idempotency.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyRecord;
import dev.orderly.idempotency.InMemoryIdempotencyStore;
import dev.orderly.idempotency.MutableClock;
import dev.orderly.idempotency.PayloadHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partial batch responses, business-key deduplication and FIFO ordering on failure. */
class SqsBatchProcessorTest {
  private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
  private static final String STANDARD = "arn:aws:sqs:us-east-1:000000000000:notifications";
  private static final String FIFO = "arn:aws:sqs:us-east-1:000000000000:orders.fifo";

  private InMemoryIdempotencyStore store;
  private Idempotency idempotency;
  private List<String> handled;

  @BeforeEach
  void setUp() {
    store = new InMemoryIdempotencyStore();
    idempotency = Idempotency.builder(store).clock(new MutableClock(START)).build();
    handled = new ArrayList<>();
  }

  private static SQSMessage message(
      String messageId, String eventId, String queueArn, String group) {
    SQSMessage message = new SQSMessage();
    message.setMessageId(messageId);
    message.setEventSourceArn(queueArn);
    message.setBody(
        eventId == null
            ? "{\"detail\":{\"data\":{}}}"
            : "{\"detail\":{\"metadata\":{\"eventId\":\"" + eventId + "\"},\"data\":{}}}");
    message.setAttributes(group == null ? Map.of() : Map.of("MessageGroupId", group));
    return message;
  }

  private static SQSEvent batch(SQSMessage... messages) {
    SQSEvent event = new SQSEvent();
    event.setRecords(Arrays.asList(messages));
    return event;
  }

  private SQSBatchResponse process(
      SqsBatchProcessor processor, SQSEvent event, Set<String> failing) {
    return processor.process(
        event,
        message -> {
          if (failing.contains(message.getMessageId())) {
            throw new IllegalStateException("cannot handle " + message.getMessageId());
          }
          handled.add(message.getMessageId());
        });
  }

  private static List<String> failed(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  @Test
  void standardQueue_reportsOnlyTheFailedMessages() {
    SqsBatchProcessor processor = SqsBatchProcessor.builder(idempotency).build();

    SQSBatchResponse response =
        process(
            processor,
            batch(
                message("m1", "e1", STANDARD, null),
                message("m2", "e2", STANDARD, null),
                message("m3", "e3", STANDARD, null)),
            Set.of("m2"));

    assertThat(failed(response)).containsExactly("m2");
    assertThat(handled).containsExactly("m1", "m3");
  }

  /** A Lambda context whose remaining time is each of {@code millis} in turn. */
  private static com.amazonaws.services.lambda.runtime.Context remaining(Integer... millis) {
    java.util.Iterator<Integer> left = Arrays.asList(millis).iterator();
    return (com.amazonaws.services.lambda.runtime.Context)
        java.lang.reflect.Proxy.newProxyInstance(
            SqsBatchProcessorTest.class.getClassLoader(),
            new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getRemainingTimeInMillis")) {
                return left.next();
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void nearTheInvocationsDeadline_noMessageIsBegun_theRestAreLeftForTheRetry() {
    SqsBatchProcessor processor = SqsBatchProcessor.builder(idempotency).build();

    SQSBatchResponse response =
        processor.process(
            batch(
                message("m1", "e1", STANDARD, null),
                message("m2", "e2", STANDARD, null),
                message("m3", "e3", STANDARD, null)),
            remaining(5_000, 900, -200),
            message -> handled.add(message.getMessageId()));

    assertThat(failed(response)).containsExactly("m2", "m3");
    assertThat(handled).containsExactly("m1");
    SQSBatchResponse retry =
        process(
            processor,
            batch(message("m2", "e2", STANDARD, null), message("m3", "e3", STANDARD, null)),
            Set.of());
    assertThat(failed(retry)).isEmpty();
    assertThat(handled).containsExactly("m1", "m2", "m3");
  }

  @Test
  void producerRetry_withANewMessageIdButTheSameEventId_isHandledOnce() {
    SqsBatchProcessor processor = SqsBatchProcessor.builder(idempotency).build();

    SQSBatchResponse response =
        process(
            processor,
            batch(message("m1", "e1", STANDARD, null), message("m1-retry", "e1", STANDARD, null)),
            Set.of());
    SQSBatchResponse redelivery =
        process(processor, batch(message("m1", "e1", STANDARD, null)), Set.of());

    assertThat(failed(response)).isEmpty();
    assertThat(failed(redelivery)).isEmpty();
    assertThat(handled).containsExactly("m1");
  }

  @Test
  void failedMessage_isRetriedOnItsNextDelivery() {
    SqsBatchProcessor processor = SqsBatchProcessor.builder(idempotency).build();
    process(processor, batch(message("m1", "e1", STANDARD, null)), Set.of("m1"));

    SQSBatchResponse retry =
        process(processor, batch(message("m1", "e1", STANDARD, null)), Set.of());

    assertThat(failed(retry)).isEmpty();
    assertThat(handled).containsExactly("m1");
  }

  @Test
  void messageWithoutAnEventId_failsAndSoReachesTheDeadLetterQueue() {
    SqsBatchProcessor processor = SqsBatchProcessor.builder(idempotency).build();

    SQSBatchResponse response =
        process(processor, batch(message("poison", null, STANDARD, null)), Set.of());

    assertThat(failed(response)).containsExactly("poison");
    assertThat(handled).isEmpty();
  }

  @Test
  void duplicateOfADeliveryStillRunning_failsSoSqsRedeliversItLater() {
    byte[] body = message("m1", "e1", STANDARD, null).getBody().getBytes(StandardCharsets.UTF_8);
    store.claim(
        new IdempotencyRecord(
            "event:e1",
            IdempotencyRecord.Status.IN_PROGRESS,
            PayloadHash.sha256().apply(body),
            null,
            START.plus(Duration.ofHours(1)),
            START.plus(Duration.ofMinutes(5)),
            "other-consumer"),
        START);
    SqsBatchProcessor processor = SqsBatchProcessor.builder(idempotency).build();

    SQSBatchResponse response =
        process(processor, batch(message("m1", "e1", STANDARD, null)), Set.of());

    assertThat(failed(response)).containsExactly("m1");
    assertThat(handled).isEmpty();
  }

  @Test
  void fifoQueue_byDefaultFailsEverythingAfterTheFirstFailure() {
    SqsBatchProcessor processor = SqsBatchProcessor.builder(idempotency).build();

    SQSBatchResponse response =
        process(
            processor,
            batch(
                message("a1", "ea1", FIFO, "A"),
                message("a2", "ea2", FIFO, "A"),
                message("b1", "eb1", FIFO, "B"),
                message("a3", "ea3", FIFO, "A")),
            Set.of("a2"));

    assertThat(failed(response)).containsExactly("a2", "b1", "a3");
    assertThat(handled).containsExactly("a1");
  }

  @Test
  void fifoQueue_stoppingOnlyTheFailedGroupLetsOtherGroupsThrough() {
    SqsBatchProcessor processor =
        SqsBatchProcessor.builder(idempotency)
            .fifoFailure(SqsBatchProcessor.FifoFailure.STOP_GROUP)
            .build();

    SQSBatchResponse response =
        process(
            processor,
            batch(
                message("a1", "ea1", FIFO, "A"),
                message("a2", "ea2", FIFO, "A"),
                message("b1", "eb1", FIFO, "B"),
                message("a3", "ea3", FIFO, "A")),
            Set.of("a2"));

    assertThat(failed(response)).containsExactly("a2", "a3");
    assertThat(handled).containsExactly("a1", "b1");
  }
}
