package dev.orderly.idempotency.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyKeys;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes an SQS batch message by message, each deduplicated on its event's business id, and
 * answers with a partial batch response (the function needs {@code ReportBatchItemFailures}): only
 * the failed messages return to the queue, and after the queue's maxReceiveCount a poison message
 * goes to its dead-letter queue instead of blocking the rest.
 *
 * <p>A duplicate whose first delivery completed is a success; one whose first delivery is still
 * running is a failure, so SQS redelivers it later. On a FIFO queue a failure must stop what
 * follows it in order: by default the rest of the batch fails (as Powertools does); {@link
 * FifoFailure#STOP_GROUP} fails only the rest of the failed message's group, so other groups are
 * not delayed.
 */
public final class SqsBatchProcessor {
  private static final Logger LOG = Logger.getLogger(SqsBatchProcessor.class.getName());
  private static final ResponseCodec<String> DONE = ResponseCodec.text();

  /** What a failure on a FIFO queue stops. */
  public enum FifoFailure {
    STOP_BATCH,
    STOP_GROUP
  }

  private final Idempotency idempotency;
  private final Function<SQSMessage, String> keys;
  private final FifoFailure fifoFailure;

  private SqsBatchProcessor(Builder builder) {
    this.idempotency = builder.idempotency;
    this.keys = builder.keys;
    this.fifoFailure = builder.fifoFailure;
  }

  /** No message is begun with less time than this left in the invocation. */
  public static final Duration MIN_REMAINING = Duration.ofSeconds(1);

  public static Builder builder(Idempotency idempotency) {
    return new Builder(idempotency);
  }

  public SQSBatchResponse process(SQSEvent event, Context context, Consumer<SQSMessage> handler) {
    return process(
        event,
        () -> context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis()),
        handler);
  }

  public SQSBatchResponse process(SQSEvent event, Consumer<SQSMessage> handler) {
    return process(event, () -> null, handler);
  }

  private SQSBatchResponse process(
      SQSEvent event,
      java.util.function.Supplier<Duration> remaining,
      Consumer<SQSMessage> handler) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    Set<String> stoppedGroups = new HashSet<>();
    boolean stopped = false;
    for (SQSMessage message : event.getRecords()) {
      boolean fifo =
          message.getEventSourceArn() != null && message.getEventSourceArn().endsWith(".fifo");
      String group = fifo ? message.getAttributes().get("MessageGroupId") : null;
      boolean skip =
          fifo && (fifoFailure == FifoFailure.STOP_BATCH ? stopped : stoppedGroups.contains(group));
      Duration left = remaining.get();
      // A message begun this close to the deadline would hold a claim that expires at once, so a
      // redelivery could run it a second time alongside: leave it (and the rest) for the retry.
      boolean outOfTime = left != null && left.compareTo(MIN_REMAINING) < 0;
      if (skip || outOfTime || !processOne(message, left, handler)) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        stopped = true;
        if (group != null) {
          stoppedGroups.add(group);
        }
      }
    }
    return new SQSBatchResponse(failures);
  }

  private boolean processOne(SQSMessage message, Duration remaining, Consumer<SQSMessage> handler) {
    String body = message.getBody() == null ? "" : message.getBody();
    IdempotencyRequest request =
        new IdempotencyRequest(
            keys.apply(message), body.getBytes(StandardCharsets.UTF_8), remaining);
    try {
      Outcome<String> outcome =
          idempotency.handle(
              request,
              DONE,
              () -> {
                handler.accept(message);
                return "processed";
              });
      if (outcome instanceof Outcome.Executed<String>
          || outcome instanceof Outcome.Replayed<String>) {
        return true;
      }
      LOG.log(
          Level.WARNING,
          "message {0} not processed: {1}",
          new Object[] {message.getMessageId(), outcome});
      return false;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "message " + message.getMessageId() + " failed", e);
      return false;
    }
  }

  /** Keys default to the event's {@code eventId} in the message body. */
  public static final class Builder {
    private final Idempotency idempotency;
    private Function<SQSMessage, String> keys = m -> IdempotencyKeys.eventId(m.getBody());
    private FifoFailure fifoFailure = FifoFailure.STOP_BATCH;

    private Builder(Idempotency idempotency) {
      this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    }

    public Builder keys(Function<SQSMessage, String> keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    public Builder fifoFailure(FifoFailure mode) {
      this.fifoFailure = Objects.requireNonNull(mode, "mode");
      return this;
    }

    public SqsBatchProcessor build() {
      return new SqsBatchProcessor(this);
    }
  }
}
