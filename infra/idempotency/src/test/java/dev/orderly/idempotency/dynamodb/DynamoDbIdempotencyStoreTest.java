package dev.orderly.idempotency.dynamodb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.MutableClock;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB store through the real SDK v2 client against the in-process engine, counting the
 * calls each outcome costs. Powertools' documented costs, for comparison: first run 1 PutItem + 1
 * UpdateItem; duplicate 1 failed PutItem (plus a GetItem before
 * ReturnValuesOnConditionCheckFailure).
 */
class DynamoDbIdempotencyStoreTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
  private static final CallLog CALLS = new CallLog();
  private static DynamoDbClient dynamo;

  private MutableClock clock;
  private Idempotency idempotency;
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeAll
  static void createTable() {
    dynamo = LocalDynamo.client(ENGINE.engine().endpoint(), CALLS);
    LocalDynamo.createTable(dynamo, "idempotency");
  }

  @AfterAll
  static void closeClient() {
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    clock = new MutableClock(START);
    AtomicInteger ids = new AtomicInteger();
    idempotency =
        Idempotency.builder(DynamoDbIdempotencyStore.builder(dynamo, "idempotency").build())
            .clock(clock)
            .claimIds(() -> "claim-" + ids.incrementAndGet())
            .build();
    CALLS.drain();
  }

  private Outcome<String> deliver(String key, String payload) {
    return idempotency.handle(
        IdempotencyRequest.of(key, payload.getBytes(UTF_8)),
        ResponseCodec.text(),
        () -> "result-" + runs.incrementAndGet());
  }

  @Test
  void firstRun_costsTwoWritesAndReplay_costsOneFailedWrite() {
    assertThat(deliver("first", "{}")).isEqualTo(new Outcome.Executed<>("result-1"));
    assertThat(CALLS.drain()).containsExactly("PutItem", "PutItem");

    assertThat(deliver("first", "{}")).isEqualTo(new Outcome.Replayed<>("result-1"));
    assertThat(CALLS.drain()).containsExactly("PutItem failed");
    assertThat(runs).hasValue(1);
  }

  @Test
  void concurrentDuplicate_costsOneFailedWriteAndSeesInProgress() {
    AtomicReference<Outcome<String>> nested = new AtomicReference<>();
    AtomicReference<List<String>> nestedCalls = new AtomicReference<>();

    idempotency.handle(
        IdempotencyRequest.of("busy", new byte[0]),
        ResponseCodec.text(),
        () -> {
          CALLS.drain();
          nested.set(deliver("busy", ""));
          nestedCalls.set(CALLS.drain());
          return "outer";
        });

    assertThat(nested.get()).isEqualTo(new Outcome.InProgress<>("busy"));
    assertThat(nestedCalls.get()).containsExactly("PutItem failed");
  }

  @Test
  void failure_costsTheClaimAndOneDeleteAndLetsARetryRun() {
    assertThatThrownBy(
            () ->
                idempotency.handle(
                    IdempotencyRequest.of("fails", new byte[0]),
                    ResponseCodec.text(),
                    () -> {
                      throw new IllegalStateException("payment provider down");
                    }))
        .hasMessage("payment provider down");
    assertThat(CALLS.drain()).containsExactly("PutItem", "DeleteItem");

    assertThat(deliver("fails", "")).isEqualTo(new Outcome.Executed<>("result-1"));
  }

  @Test
  void mismatchedPayload_isDetectedFromTheReturnedOldItem() {
    deliver("reused", "{\"amount\":1}");
    CALLS.drain();

    assertThat(deliver("reused", "{\"amount\":2}"))
        .isEqualTo(new Outcome.PayloadMismatch<>("reused"));
    assertThat(CALLS.drain()).containsExactly("PutItem failed");
  }

  @Test
  void expiryIsCheckedInTheConditionNotLeftToTtlDeletion() {
    deliver("old", "{}");
    clock.advance(Duration.ofHours(1).plusSeconds(1));

    assertThat(deliver("old", "{}")).isEqualTo(new Outcome.Executed<>("result-2"));
  }

  @Test
  void recordsCarryTheTtlAttributeInEpochSeconds() {
    deliver("stored", "{}");

    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b -> b.tableName("idempotency").key(Map.of("pk", AttributeValue.fromS("stored"))))
            .item();
    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(START.plus(Duration.ofHours(1)).getEpochSecond()));
    assertThat(item.get("status").s()).isEqualTo("COMPLETED");
    assertThat(item.get("response").s()).isEqualTo("result-1");
  }
}
