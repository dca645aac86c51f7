package dev.orderly.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Relays outbox entries from a DynamoDB stream batch to an {@link EventPublisher}, never losing one
 * and never reordering one aggregate's events:
 *
 * <ul>
 *   <li>each PutEvents call carries at most one entry per aggregate, so a partial failure cannot
 *       let an aggregate's later event overtake an earlier one;
 *   <li>only the failed entries are retried, with jittered exponential backoff;
 *   <li>an entry that still fails stops its aggregate for this batch, and the batch reports it as
 *       the first failure (ReportBatchItemFailures), so Lambda retries from it. Entries of other
 *       aggregates after it may then be published twice; their stable eventId makes that harmless
 *       to consumers;
 *   <li>published entries are marked PUBLISHED with a TTL, so the outbox empties itself. Marks run
 *       on the {@code marking} executor while the next wave is published (one round trip per entry
 *       would otherwise bound the relay at one entry per write latency); the batch answers once
 *       every mark landed, and a mark that failed fails the batch, whose retry republishes
 *       harmlessly.
 * </ul>
 */
public final class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  public interface Backoff {
    void pause(int attempt);

    /** Full jitter: a random wait up to base × 2^attempt, at most {@code cap}. */
    static Backoff fullJitter(Duration base, Duration cap) {
      return attempt -> {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while backing off", e);
        }
      };
    }
  }

  private record Pending(String streamSequence, OutboxEntry entry) {}

  private final EventPublisher publisher;
  private final DynamoDbClient dynamo;
  private final OutboxTable table;
  private final Clock clock;
  private final int maxAttempts;
  private final Backoff backoff;
  private final Duration retention;
  private final Executor marking;

  /** A relay that marks entries on the calling thread. */
  public OutboxRelay(
      EventPublisher publisher,
      DynamoDbClient dynamo,
      OutboxTable table,
      Clock clock,
      int maxAttempts,
      Backoff backoff,
      Duration retention) {
    this(publisher, dynamo, table, clock, maxAttempts, backoff, retention, Runnable::run);
  }

  public OutboxRelay(
      EventPublisher publisher,
      DynamoDbClient dynamo,
      OutboxTable table,
      Clock clock,
      int maxAttempts,
      Backoff backoff,
      Duration retention,
      Executor marking) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.marking = Objects.requireNonNull(marking, "marking");
  }

  public StreamsEventResponse relay(DynamodbEvent event) {
    Map<String, List<Pending>> byAggregate = new LinkedHashMap<>();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      OutboxEntry entry = entryOf(record);
      if (entry != null) {
        byAggregate
            .computeIfAbsent(entry.aggregateId(), a -> new ArrayList<>())
            .add(new Pending(record.getDynamodb().getSequenceNumber(), entry));
      }
    }
    Set<String> stopped = new HashSet<>();
    String firstFailure = null;
    List<CompletableFuture<Void>> marks = new ArrayList<>();
    while (true) {
      List<Pending> wave = nextWave(byAggregate, stopped);
      if (wave.isEmpty()) {
        break;
      }
      for (Pending failed : publishWithRetries(wave, marks)) {
        stopped.add(failed.entry().aggregateId());
        if (firstFailure == null || compareSequences(failed.streamSequence(), firstFailure) < 0) {
          firstFailure = failed.streamSequence();
        }
      }
    }
    awaitAll(marks);
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    if (firstFailure != null) {
      failures.add(new StreamsEventResponse.BatchItemFailure(firstFailure));
    }
    return new StreamsEventResponse(failures);
  }

  /** The oldest unpublished entry of each aggregate still running, at most 10 of them. */
  private static List<Pending> nextWave(
      Map<String, List<Pending>> byAggregate, Set<String> stopped) {
    List<Pending> wave = new ArrayList<>();
    for (Map.Entry<String, List<Pending>> e : byAggregate.entrySet()) {
      if (wave.size() == EventPublisher.MAX_BATCH) {
        break;
      }
      if (!stopped.contains(e.getKey()) && !e.getValue().isEmpty()) {
        wave.add(e.getValue().remove(0));
      }
    }
    return wave;
  }

  /** Publishes, retrying only failed entries; returns those that failed every attempt. */
  private List<Pending> publishWithRetries(
      List<Pending> wave, List<CompletableFuture<Void>> marks) {
    List<Pending> remaining = wave;
    for (int attempt = 1; ; attempt++) {
      List<String> results = publisher.publish(remaining.stream().map(Pending::entry).toList());
      List<Pending> failed = new ArrayList<>();
      for (int i = 0; i < remaining.size(); i++) {
        if (results.get(i) == null) {
          OutboxEntry published = remaining.get(i).entry();
          marks.add(CompletableFuture.runAsync(() -> markPublished(published), marking));
        } else {
          failed.add(remaining.get(i));
        }
      }
      if (failed.isEmpty() || attempt == maxAttempts) {
        if (!failed.isEmpty()) {
          LOG.log(
              Level.WARNING,
              "{0} outbox entries failed {1} attempts",
              new Object[] {failed.size(), attempt});
        }
        return failed;
      }
      backoff.pause(attempt);
      remaining = failed;
    }
  }

  /** Waits for every mark; the first that failed is rethrown as it was thrown. */
  private static void awaitAll(List<CompletableFuture<Void>> marks) {
    try {
      CompletableFuture.allOf(marks.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw failed;
    }
  }

  private void markPublished(OutboxEntry entry) {
    Instant now = clock.instant();
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table.name())
                  .key(OutboxTable.key(entry.aggregateId(), entry.sequence()))
                  .updateExpression(
                      "SET #status = :published, publishedAt = :now, expiresAt = :expires")
                  .conditionExpression("attribute_exists(pk)")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":published",
                              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                  "PUBLISHED"),
                          ":now",
                              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                  now.toString()),
                          ":expires",
                              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                                  Long.toString(now.plus(retention).getEpochSecond())))));
    } catch (ConditionalCheckFailedException alreadyGone) {
      // The entry expired and was removed: it was published before.
    }
  }

  /** The outbox entry a stream record inserted, or null for any other record. */
  static OutboxEntry entryOf(DynamodbEvent.DynamodbStreamRecord record) {
    if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null) {
      return null;
    }
    Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
    if (image == null || image.get("type") == null || !"OUTBOX".equals(image.get("type").getS())) {
      return null;
    }
    return new OutboxEntry(
        image.get("aggregateId").getS(),
        Long.parseLong(image.get("sequence").getN()),
        EventEnvelope.fromDetail(
            image.get("source").getS(),
            image.get("detailType").getS(),
            image.get("detail").getS()));
  }

  /** Stream sequence numbers are decimal strings that grow; compare them as numbers. */
  private static int compareSequences(String a, String b) {
    return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
  }
}
