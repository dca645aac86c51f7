package dev.orderly.localcloud.mappings.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.spi.FunctionNotFoundException;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * One shard read in order: a batch is gathered (batch size, window, filters), invoked, retried,
 * bisected or discarded, and only then is the next batch read, so a shard's records reach the
 * function in sequence.
 */
final class ShardConsumer implements Runnable {
  private static final Logger LOG = Logger.getLogger(ShardConsumer.class.getName());
  private static final Duration RETENTION = Duration.ofHours(24);

  private final StreamSettings settings;
  private final String shardId;
  private final Counters counters;
  private final RecordFilter filter;
  private final CountDownLatch stop;
  private final Runnable onEmptyPoll;
  private final Deque<ObjectNode> buffer = new ArrayDeque<>();
  private String iterator;
  private String lastRead;
  private volatile long lastEmptyPollStart;
  private volatile boolean polledEmpty;
  private volatile boolean finished;

  /** A unit of work: records with the invocations and retries spent on them so far. */
  private record Unit(List<ObjectNode> records, int invocations, int retries, String error) {}

  ShardConsumer(
      StreamSettings settings,
      String shardId,
      ShardIteratorType start,
      Counters counters,
      RecordFilter filter,
      CountDownLatch stop,
      Runnable onEmptyPoll) {
    this.settings = settings;
    this.shardId = shardId;
    this.counters = counters;
    this.filter = filter;
    this.stop = stop;
    this.onEmptyPoll = onEmptyPoll;
    this.iterator = iterator(start, null);
  }

  String shardId() {
    return shardId;
  }

  /** Whether a read that found nothing left began after {@code since} (System.nanoTime). */
  boolean caughtUpSince(long since) {
    return finished || (polledEmpty && lastEmptyPollStart - since >= 0);
  }

  /** The shard was closed and read to its end. */
  boolean finished() {
    return finished;
  }

  @Override
  public void run() {
    while (!stopped()) {
      try {
        List<ObjectNode> batch = gather();
        if (batch == null) {
          finished = true;
          onEmptyPoll.run();
          return;
        }
        if (batch.isEmpty()) {
          pause(settings.pollInterval());
        } else {
          process(batch);
        }
      } catch (SdkException e) {
        LOG.log(Level.WARNING, "reading shard " + shardId + " failed; retrying", e);
        pause(settings.pollInterval());
      }
    }
  }

  /** A batch; empty when the shard has nothing new; null when the shard is closed and drained. */
  private List<ObjectNode> gather() {
    List<ObjectNode> batch = new ArrayList<>();
    long deadline = 0;
    while (batch.size() < settings.batchSize()) {
      if (buffer.isEmpty()) {
        if (iterator == null) {
          return batch.isEmpty() ? null : batch;
        }
        long pollStart = System.nanoTime();
        int read = read();
        if (read == 0) {
          if (batch.isEmpty()) {
            lastEmptyPollStart = pollStart;
            polledEmpty = true;
            onEmptyPoll.run();
            return batch;
          }
          long remaining = deadline - System.nanoTime();
          if (remaining <= 0
              || pause(Duration.ofNanos(Math.min(remaining, settings.pollInterval().toNanos())))) {
            break;
          }
          continue;
        }
      }
      ObjectNode record = buffer.poll();
      if (!filter.matches(record)) {
        continue;
      }
      if (batch.isEmpty()) {
        deadline = System.nanoTime() + settings.batchingWindow().toNanos();
      }
      batch.add(record);
      if (settings.batchingWindow().isZero() && buffer.isEmpty()) {
        break;
      }
    }
    return batch;
  }

  private int read() {
    ShardReader.Page page;
    try {
      page = settings.reader().read(iterator, 1000);
    } catch (ExpiredIteratorException e) {
      iterator =
          iterator(
              lastRead == null
                  ? ShardIteratorType.TRIM_HORIZON
                  : ShardIteratorType.AFTER_SEQUENCE_NUMBER,
              lastRead);
      return read();
    }
    iterator = page.nextShardIterator();
    for (ObjectNode record : page.records()) {
      buffer.add(record);
      lastRead = record.path("dynamodb").path("SequenceNumber").asText();
    }
    return page.records().size();
  }

  private String iterator(ShardIteratorType type, String sequence) {
    return settings
        .streams()
        .getShardIterator(
            b ->
                b.streamArn(settings.streamArn())
                    .shardId(shardId)
                    .shardIteratorType(type)
                    .sequenceNumber(sequence))
        .shardIterator();
  }

  private void process(List<ObjectNode> batch) {
    Deque<Unit> work = new ArrayDeque<>();
    work.push(new Unit(batch, 0, 0, null));
    while (!work.isEmpty() && !stopped()) {
      Unit unit = work.pop();
      List<ObjectNode> records = unit.records();
      int expired = expired(records);
      if (expired > 0) {
        discard(records.subList(0, expired), "RecordAgeExceeded", unit.invocations(), unit.error());
        records = records.subList(expired, records.size());
        if (records.isEmpty()) {
          continue;
        }
      }
      Outcome outcome = invoke(records);
      int invocations = unit.invocations() + (outcome instanceof Outcome.Throttled ? 0 : 1);
      if (outcome instanceof Outcome.Throttled) {
        work.push(new Unit(records, invocations, unit.retries(), unit.error()));
        pause(settings.pollInterval());
      } else if (outcome instanceof Outcome.PartiallyFailed partial) {
        retryOrDiscard(
            work,
            new Unit(
                records.subList(partial.index(), records.size()),
                invocations,
                unit.retries(),
                null));
      } else if (outcome instanceof Outcome.Failed failed) {
        if (settings.bisectOnError() && records.size() > 1) {
          int half = records.size() / 2;
          work.push(
              new Unit(
                  records.subList(half, records.size()),
                  invocations,
                  unit.retries(),
                  failed.functionError()));
          work.push(
              new Unit(
                  records.subList(0, half), invocations, unit.retries(), failed.functionError()));
        } else {
          retryOrDiscard(
              work, new Unit(records, invocations, unit.retries(), failed.functionError()));
        }
      }
    }
  }

  private void retryOrDiscard(Deque<Unit> work, Unit failed) {
    int max = settings.maximumRetryAttempts();
    if (max >= 0 && failed.retries() >= max) {
      discard(failed.records(), "RetryAttemptsExhausted", failed.invocations(), failed.error());
      return;
    }
    counters.retries.incrementAndGet();
    work.push(
        new Unit(failed.records(), failed.invocations(), failed.retries() + 1, failed.error()));
    if (!settings.retryBackoff().isZero()) {
      pause(settings.retryBackoff());
    }
  }

  private Outcome invoke(List<ObjectNode> records) {
    byte[] event = StreamEventJson.event(records);
    InvokeResult result;
    try {
      result = settings.invoker().invoke(settings.functionName(), event);
    } catch (TooManyRequestsException | FunctionNotFoundException e) {
      counters.failures.incrementAndGet();
      LOG.log(Level.INFO, "invocation did not run, retrying: {0}", e.getMessage());
      return new Outcome.Throttled();
    } catch (RuntimeException e) {
      counters.invoked(records.size());
      counters.failures.incrementAndGet();
      LOG.log(Level.WARNING, "invoking " + settings.functionName() + " failed", e);
      return new Outcome.Failed("Unhandled");
    }
    counters.invoked(records.size());
    if (result.failed()) {
      counters.failures.incrementAndGet();
      return new Outcome.Failed(result.functionError());
    }
    if (!settings.reportBatchItemFailures()) {
      return new Outcome.Succeeded();
    }
    List<String> sequences = new ArrayList<>();
    records.forEach(r -> sequences.add(r.get("dynamodb").get("SequenceNumber").asText()));
    Set<String> known = new HashSet<>(sequences);
    BatchResponse response = BatchResponse.parse(result.payload(), known);
    if (response instanceof BatchResponse.Invalid invalid) {
      counters.failures.incrementAndGet();
      LOG.log(Level.WARNING, "invalid batch response: {0}", invalid.reason());
      return new Outcome.Failed(null);
    }
    if (response instanceof BatchResponse.ItemsFailed items) {
      counters.failures.incrementAndGet();
      int first = items.identifiers().stream().mapToInt(sequences::indexOf).min().orElseThrow();
      return new Outcome.PartiallyFailed(first);
    }
    return new Outcome.Succeeded();
  }

  private int expired(List<ObjectNode> records) {
    Duration age = settings.maximumRecordAge() == null ? RETENTION : settings.maximumRecordAge();
    Instant horizon = settings.clock().instant().minus(age);
    int count = 0;
    for (ObjectNode record : records) {
      Instant created =
          Instant.ofEpochSecond(
              record.get("dynamodb").path("ApproximateCreationDateTime").asLong());
      if (!created.isBefore(horizon)) {
        break;
      }
      count++;
    }
    return count;
  }

  private void discard(List<ObjectNode> records, String condition, int invocations, String error) {
    counters.discarded.addAndGet(records.size());
    if (settings.onFailureSqs() == null) {
      LOG.log(
          Level.WARNING,
          "discarded {0} records of {1} ({2}) with no on-failure destination",
          new Object[] {records.size(), shardId, condition});
      return;
    }
    byte[] body =
        FailureRecord.of(
            records,
            condition,
            invocations,
            error,
            settings.requestIds().get(),
            settings.functionArn(),
            shardId,
            settings.streamArn(),
            settings.clock().instant());
    settings
        .onFailureSqs()
        .sendMessage(
            b ->
                b.queueUrl(settings.onFailureQueueUrl())
                    .messageBody(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
    counters.sentToDestination.addAndGet(records.size());
  }

  private boolean stopped() {
    return stop.getCount() == 0;
  }

  /** Waits, returning early (true) when the mapping is closing. */
  private boolean pause(Duration duration) {
    try {
      return stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
