package dev.orderly.idempotency.dynamodb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.MutableClock;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Seeded random schedules of deliveries, duplicates, deaths before and after the commit, and clock
 * jumps past the record expiry, run in transactional mode against the engine. The model tracks
 * which record lifetimes have committed; the invariant: every key's effect happened exactly as many
 * times as the model committed it, never twice within one record lifetime, and every delivery after
 * a commit replays. A failing seed reproduces exactly.
 */
@Execution(ExecutionMode.CONCURRENT)
class TransactionalScheduleTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final int SCHEDULES = 40;
  private static final int RUNS_PER_SCHEDULE_SET = 25;
  private static final int STEPS = 8;

  @BeforeAll
  static void start() {
    try (DynamoDbClient dynamo = LocalDynamo.client(ENGINE.engine().endpoint())) {
      LocalDynamo.createTable(dynamo, "idempotency");
      LocalDynamo.createTable(dynamo, "effects");
    }
  }

  static LongStream scheduleSets() {
    return LongStream.range(0, SCHEDULES);
  }

  /** Runs {@value #RUNS_PER_SCHEDULE_SET} schedules per parameter: 1,000 in all. */
  @ParameterizedTest(name = "schedules {0}")
  @MethodSource("scheduleSets")
  void everyScheduleHasExactlyOneEffectPerRecordLifetime(long set) {
    // Sets run concurrently (their keys are their own): each has its own crash switch and client.
    Crasher crasher = new Crasher();
    try (DynamoDbClient dynamo = LocalDynamo.client(ENGINE.engine().endpoint(), crasher)) {
      for (int run = 0; run < RUNS_PER_SCHEDULE_SET; run++) {
        runSchedule(dynamo, crasher, set * RUNS_PER_SCHEDULE_SET + run);
      }
    }
  }

  private static void runSchedule(DynamoDbClient dynamo, Crasher crasher, long seed) {
    Random random = new Random(seed);
    MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    TransactionalIdempotency idempotency =
        TransactionalIdempotency.builder(dynamo, "idempotency").clock(clock).build();
    String[] keys = {"s" + seed + "-a", "s" + seed + "-b"};
    Map<String, Integer> commits = new HashMap<>();
    Map<String, Boolean> committedThisLifetime = new HashMap<>();
    for (int step = 0; step < STEPS; step++) {
      String context = "seed " + seed + " step " + step;
      int action = random.nextInt(10);
      if (action == 9) {
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        committedThisLifetime.clear();
        continue;
      }
      String key = keys[random.nextInt(keys.length)];
      boolean already = committedThisLifetime.getOrDefault(key, false);
      if (action == 7) {
        crasher.beforeSending.set("TransactWriteItems");
      } else if (action == 8) {
        crasher.afterAnswer.set("TransactWriteItems");
      }
      Outcome<String> outcome;
      try {
        outcome = deliver(idempotency, key);
      } catch (Crasher.ProcessDeath death) {
        boolean committed = action == 8 && !already;
        if (committed) {
          commits.merge(key, 1, Integer::sum);
          committedThisLifetime.put(key, true);
        }
        assertThat(effects(dynamo, key))
            .as(context + " after death")
            .isEqualTo((long) commits.getOrDefault(key, 0));
        continue;
      } finally {
        crasher.beforeSending.set(null);
        crasher.afterAnswer.set(null);
      }
      if (already) {
        assertThat(outcome).as(context).isEqualTo(new Outcome.Replayed<>("done " + key));
      } else {
        assertThat(outcome).as(context).isEqualTo(new Outcome.Executed<>("done " + key));
        commits.merge(key, 1, Integer::sum);
        committedThisLifetime.put(key, true);
      }
    }
    for (String key : keys) {
      assertThat(effects(dynamo, key))
          .as("seed " + seed + " " + key)
          .isEqualTo((long) commits.getOrDefault(key, 0));
    }
  }

  private static Outcome<String> deliver(TransactionalIdempotency idempotency, String key) {
    return idempotency.handle(
        IdempotencyRequest.of(key, key.getBytes(UTF_8)),
        ResponseCodec.text(),
        () ->
            new Effect<>(
                "done " + key,
                List.of(LocalDynamo.incrementInTransaction("effects", key, "applied"))));
  }

  private static long effects(DynamoDbClient dynamo, String key) {
    return LocalDynamo.count(dynamo, "effects", key, "applied");
  }
}
