package dev.orderly.idempotency.dynamodb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyRecord;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.IdempotencyStore;
import dev.orderly.idempotency.MutableClock;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A process that dies after its business write and before it records completion. In plain mode the
 * claim is left in progress and, once its in-progress expiry passes, a redelivery repeats the
 * effect: that is the documented limit of two-write idempotency. In transactional mode there is no
 * such moment: a death before the commit leaves nothing, a death after it leaves both, and the
 * effect happens exactly once either way.
 */
class CrashTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
  private static final Crasher CRASHER = new Crasher();
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.client(ENGINE.engine().endpoint(), CRASHER);
    LocalDynamo.createTable(dynamo, "idempotency");
    LocalDynamo.createTable(dynamo, "payments");
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static long charges(String account) {
    return LocalDynamo.count(dynamo, "payments", account, "charges");
  }

  private static void charge(String account) {
    LocalDynamo.incrementNow(dynamo, "payments", account, "charges");
  }

  private static TransactWriteItem chargeWrite(String account) {
    return LocalDynamo.incrementInTransaction("payments", account, "charges");
  }

  @Test
  void plainMode_repeatsTheEffectAfterADeathBetweenEffectAndRecord() {
    MutableClock clock = new MutableClock(START);
    IdempotencyStore store = DynamoDbIdempotencyStore.builder(dynamo, "idempotency").build();
    Idempotency idempotency = Idempotency.builder(store).clock(clock).build();
    IdempotencyRequest delivery =
        IdempotencyRequest.of("charge-plain", "{}".getBytes(UTF_8))
            .withRemainingTime(Duration.ofSeconds(30));

    assertThatThrownBy(
            () ->
                idempotency.handle(
                    delivery,
                    ResponseCodec.text(),
                    () -> {
                      charge("acct-plain");
                      CRASHER.beforeSending.set("PutItem"); // the completion never leaves
                      return "charged";
                    }))
        .isInstanceOf(Crasher.ProcessDeath.class);
    assertThat(charges("acct-plain")).isEqualTo(1);

    clock.advance(Duration.ofSeconds(31));
    Outcome<String> redelivery =
        idempotency.handle(
            delivery,
            ResponseCodec.text(),
            () -> {
              charge("acct-plain");
              return "charged";
            });

    assertThat(redelivery).isEqualTo(new Outcome.Executed<>("charged"));
    assertThat(charges("acct-plain")).isEqualTo(2);
  }

  @Test
  void transactionalMode_deathBeforeTheCommitLeavesNothingAndTheRetryChargesOnce() {
    TransactionalIdempotency idempotency =
        TransactionalIdempotency.builder(dynamo, "idempotency")
            .clock(new MutableClock(START))
            .build();
    IdempotencyRequest delivery = IdempotencyRequest.of("charge-tx-1", "{}".getBytes(UTF_8));

    CRASHER.beforeSending.set("TransactWriteItems");
    assertThatThrownBy(
            () ->
                idempotency.handle(
                    delivery,
                    ResponseCodec.text(),
                    () -> new Effect<>("charged", List.of(chargeWrite("acct-tx-1")))))
        .isInstanceOf(Crasher.ProcessDeath.class);
    assertThat(charges("acct-tx-1")).isZero();

    Outcome<String> retry =
        idempotency.handle(
            delivery,
            ResponseCodec.text(),
            () -> new Effect<>("charged", List.of(chargeWrite("acct-tx-1"))));

    assertThat(retry).isEqualTo(new Outcome.Executed<>("charged"));
    assertThat(charges("acct-tx-1")).isEqualTo(1);
  }

  @Test
  void transactionalMode_deathAfterTheCommitReplaysAndNeverChargesTwice() {
    TransactionalIdempotency idempotency =
        TransactionalIdempotency.builder(dynamo, "idempotency")
            .clock(new MutableClock(START))
            .build();
    IdempotencyRequest delivery = IdempotencyRequest.of("charge-tx-2", "{}".getBytes(UTF_8));

    CRASHER.afterAnswer.set("TransactWriteItems");
    assertThatThrownBy(
            () ->
                idempotency.handle(
                    delivery,
                    ResponseCodec.text(),
                    () -> new Effect<>("charged", List.of(chargeWrite("acct-tx-2")))))
        .isInstanceOf(Crasher.ProcessDeath.class);
    assertThat(charges("acct-tx-2")).isEqualTo(1);

    Outcome<String> retry =
        idempotency.handle(
            delivery,
            ResponseCodec.text(),
            () -> new Effect<>("charged", List.of(chargeWrite("acct-tx-2"))));

    assertThat(retry).isEqualTo(new Outcome.Replayed<>("charged"));
    assertThat(charges("acct-tx-2")).isEqualTo(1);
    Map<String, AttributeValue> record =
        dynamo
            .getItem(
                b ->
                    b.tableName("idempotency")
                        .key(Map.of("pk", AttributeValue.fromS("charge-tx-2"))))
            .item();
    assertThat(record.get("status").s()).isEqualTo(IdempotencyRecord.Status.COMPLETED.name());
  }
}
