package dev.orderly.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wrapper's decisions, over an in-memory store and a clock the tests move. */
class IdempotencyTest {
  private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
  private MutableClock clock;
  private InMemoryIdempotencyStore records;
  private CountingStore store;
  private AtomicInteger runs;
  private AtomicInteger claimIds;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(START);
    records = new InMemoryIdempotencyStore();
    store = new CountingStore(records);
    runs = new AtomicInteger();
    claimIds = new AtomicInteger();
  }

  private Idempotency.Builder builder() {
    return Idempotency.builder(store)
        .clock(clock)
        .claimIds(() -> "claim-" + claimIds.incrementAndGet());
  }

  private static IdempotencyRequest request(String key, String payload) {
    return IdempotencyRequest.of(key, payload.getBytes(UTF_8));
  }

  private Outcome<String> deliver(Idempotency idempotency, String key, String payload) {
    return idempotency.handle(
        request(key, payload), ResponseCodec.text(), () -> "result-" + runs.incrementAndGet());
  }

  @Test
  void firstDelivery_runsTheHandlerAndStoresItsResult() {
    Outcome<String> outcome = deliver(builder().build(), "k", "{}");

    assertThat(outcome).isEqualTo(new Outcome.Executed<>("result-1"));
    assertThat(records.get("k").status()).isEqualTo(IdempotencyRecord.Status.COMPLETED);
    assertThat(records.get("k").response()).isEqualTo("result-1");
    assertThat(records.get("k").expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
  }

  @Test
  void duplicate_replaysTheStoredResultWithoutRunningTheHandler() {
    Idempotency idempotency = builder().build();
    deliver(idempotency, "k", "{}");

    Outcome<String> outcome = deliver(idempotency, "k", "{}");

    assertThat(outcome).isEqualTo(new Outcome.Replayed<>("result-1"));
    assertThat(runs).hasValue(1);
  }

  @Test
  void replay_passesThroughTheCodecsReplayHookWithItsRecord() {
    Idempotency idempotency = builder().build();
    ResponseCodec<String> marking =
        new ResponseCodec<>() {
          @Override
          public String encode(String response) {
            return response;
          }

          @Override
          public String decode(String stored) {
            return stored;
          }

          @Override
          public String replayed(String stored, IdempotencyRecord record) {
            return stored
                + " (replayed, first at "
                + record.expiresAt().minus(Duration.ofHours(1))
                + ")";
          }
        };
    idempotency.handle(request("k", "{}"), marking, () -> "created");

    Outcome<String> replay = idempotency.handle(request("k", "{}"), marking, () -> "again");

    assertThat(replay)
        .isEqualTo(new Outcome.Replayed<>("created (replayed, first at 2026-05-01T10:00:00Z)"));
  }

  @Test
  void reusedKeyWithAnotherPayload_isRejected() {
    Idempotency idempotency = builder().build();
    deliver(idempotency, "k", "{\"a\":1}");

    assertThat(deliver(idempotency, "k", "{\"a\":2}"))
        .isEqualTo(new Outcome.PayloadMismatch<>("k"));
    assertThatThrownBy(
            () -> idempotency.execute(request("k", "{\"a\":2}"), ResponseCodec.text(), () -> "x"))
        .isInstanceOf(IdempotencyPayloadMismatchException.class);
    assertThat(runs).hasValue(1);
  }

  @Test
  void duplicateWhileTheFirstRuns_seesItInProgress() {
    Idempotency idempotency = builder().build();
    AtomicReference<Outcome<String>> nested = new AtomicReference<>();

    idempotency.handle(
        request("k", "{}"),
        ResponseCodec.text(),
        () -> {
          nested.set(deliver(idempotency, "k", "{}"));
          return "outer";
        });

    assertThat(nested.get()).isEqualTo(new Outcome.InProgress<>("k"));
    assertThat(runs).hasValue(0);
  }

  @Test
  void failingHandler_releasesItsClaimSoARetryRuns() {
    Idempotency idempotency = builder().build();

    assertThatThrownBy(
            () ->
                idempotency.handle(
                    request("k", "{}"),
                    ResponseCodec.text(),
                    () -> {
                      throw new IllegalStateException("downstream failed");
                    }))
        .hasMessage("downstream failed");
    assertThat(records.get("k")).isNull();

    assertThat(deliver(idempotency, "k", "{}")).isEqualTo(new Outcome.Executed<>("result-1"));
  }

  @Test
  void expiredRecord_letsTheKeyRunAgain() {
    Idempotency idempotency = builder().expiry(Duration.ofMinutes(10)).build();
    deliver(idempotency, "k", "{}");

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(deliver(idempotency, "k", "{}")).isEqualTo(new Outcome.Executed<>("result-2"));
  }

  @Test
  void crashedHandler_blocksDuplicatesOnlyUntilItsRemainingTimeRunsOut() {
    Idempotency idempotency = builder().build();
    IdempotencyRecord crashed =
        new IdempotencyRecord(
            "k",
            IdempotencyRecord.Status.IN_PROGRESS,
            PayloadHash.sha256().apply("{}".getBytes(UTF_8)),
            null,
            START.plus(Duration.ofHours(1)),
            START.plus(Duration.ofSeconds(30)),
            "crashed-claim");
    records.claim(crashed, START);

    assertThat(deliver(idempotency, "k", "{}")).isEqualTo(new Outcome.InProgress<>("k"));
    clock.advance(Duration.ofSeconds(31));
    assertThat(deliver(idempotency, "k", "{}")).isEqualTo(new Outcome.Executed<>("result-1"));
  }

  @Test
  void claim_expiresInProgressAfterTheLambdasRemainingTime() {
    Idempotency idempotency = builder().build();

    idempotency.handle(
        request("k", "{}").withRemainingTime(Duration.ofSeconds(12)),
        ResponseCodec.text(),
        () -> {
          assertThat(records.get("k").inProgressExpiresAt())
              .isEqualTo(START.plus(Duration.ofSeconds(12)));
          return "done";
        });
  }

  @Test
  void missingKey_failsByDefaultAndRunsUnprotectedWhenAllowed() {
    assertThatThrownBy(() -> deliver(builder().build(), null, "{}"))
        .isInstanceOf(IdempotencyKeyMissingException.class);
    assertThat(runs).hasValue(0);

    Idempotency lenient = builder().failWithoutKey(false).build();
    assertThat(deliver(lenient, " ", "{}")).isEqualTo(new Outcome.Executed<>("result-1"));
    assertThat(deliver(lenient, null, "{}")).isEqualTo(new Outcome.Executed<>("result-2"));
    assertThat(store.claims).hasValue(0);
  }

  @Test
  void disabled_runsEveryDeliveryWithoutTouchingTheStore() {
    Idempotency idempotency = builder().disabled(true).build();

    deliver(idempotency, "k", "{}");
    deliver(idempotency, "k", "{}");

    assertThat(runs).hasValue(2);
    assertThat(store.claims).hasValue(0);
  }

  @Test
  void localCache_replaysWithoutAStoreCallAndNeverOutlivesTheRecord() {
    Idempotency idempotency = builder().localCache(100).expiry(Duration.ofMinutes(5)).build();
    deliver(idempotency, "k", "{}");
    int claimsAfterFirst = store.claims.get();

    assertThat(deliver(idempotency, "k", "{}")).isEqualTo(new Outcome.Replayed<>("result-1"));
    assertThat(store.claims).hasValue(claimsAfterFirst);

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(deliver(idempotency, "k", "{}")).isEqualTo(new Outcome.Executed<>("result-2"));
  }

  @Test
  void localCache_neverHoldsInProgressRecords() {
    Idempotency idempotency = builder().localCache(100).build();
    AtomicReference<Outcome<String>> nested = new AtomicReference<>();

    idempotency.handle(
        request("k", "{}"),
        ResponseCodec.text(),
        () -> {
          nested.set(deliver(idempotency, "k", "{}"));
          return "outer";
        });

    assertThat(nested.get()).isEqualTo(new Outcome.InProgress<>("k"));
    assertThat(deliver(idempotency, "k", "{}")).isEqualTo(new Outcome.Replayed<>("outer"));
  }

  @Test
  void execute_turnsAConcurrentDuplicateIntoARetryableException() {
    Idempotency idempotency = builder().build();

    idempotency.execute(
        request("k", "{}"),
        ResponseCodec.text(),
        () -> {
          assertThatThrownBy(
                  () -> idempotency.execute(request("k", "{}"), ResponseCodec.text(), () -> "x"))
              .isInstanceOf(IdempotencyInProgressException.class);
          return "first";
        });
  }
}
