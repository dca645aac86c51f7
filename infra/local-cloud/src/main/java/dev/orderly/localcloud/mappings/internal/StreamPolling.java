package dev.orderly.localcloud.mappings.internal;

import dev.orderly.localcloud.mappings.MappingStats;
import dev.orderly.localcloud.mappings.StartingPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * The shards of one stream, each read by its own {@link ShardConsumer}; a child shard is read after
 * its parent is finished, as Lambda keeps a key's changes in order across shard splits.
 */
public final class StreamPolling {
  private final StreamSettings settings;
  private final Counters counters = new Counters();
  private final RecordFilter filter;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final List<ShardConsumer> consumers = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(Threads.named("shard"));
  private final Object progress = new Object();

  public StreamPolling(StreamSettings settings) {
    this.settings = settings;
    this.filter = new RecordFilter(settings.filters());
  }

  public void start() {
    List<Shard> shards = shards();
    Set<String> ids = shards.stream().map(Shard::shardId).collect(Collectors.toSet());
    ShardIteratorType type =
        settings.startingPosition() == StartingPosition.LATEST
            ? ShardIteratorType.LATEST
            : ShardIteratorType.TRIM_HORIZON;
    for (Shard shard : shards) {
      if (shard.parentShardId() == null || !ids.contains(shard.parentShardId())) {
        launch(shard.shardId(), type);
      }
    }
  }

  private void launch(String shardId, ShardIteratorType type) {
    ShardConsumer consumer =
        new ShardConsumer(settings, shardId, type, counters, filter, stop, this::progressed);
    consumers.add(consumer);
    threads.execute(
        () -> {
          consumer.run();
          if (consumer.finished()) {
            for (Shard child : shards()) {
              if (shardId.equals(child.parentShardId())) {
                launch(child.shardId(), ShardIteratorType.TRIM_HORIZON);
              }
            }
          }
        });
  }

  private List<Shard> shards() {
    List<Shard> shards = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      var description =
          settings
              .streams()
              .describeStream(b -> b.streamArn(settings.streamArn()).exclusiveStartShardId(from))
              .streamDescription();
      shards.addAll(description.shards());
      start = description.lastEvaluatedShardId();
    } while (start != null);
    return shards;
  }

  private void progressed() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  public MappingStats stats() {
    return counters.snapshot();
  }

  /** Caught up: every shard has since found nothing more to read, with no batch in flight. */
  public boolean awaitIdle(Duration timeout) {
    long since = System.nanoTime();
    long deadline = since + timeout.toNanos();
    synchronized (progress) {
      while (!consumers.stream().allMatch(c -> c.caughtUpSince(since))) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        try {
          progress.wait(Math.max(1, remaining / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  public void close() {
    stop.countDown();
    threads.shutdown();
    Threads.await(threads, Duration.ofSeconds(30));
  }
}
