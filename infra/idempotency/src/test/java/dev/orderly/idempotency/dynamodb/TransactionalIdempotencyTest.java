package dev.orderly.idempotency.dynamodb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.MutableClock;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Transactional mode through the SDK against the engine: outcomes and what each one costs. */
class TransactionalIdempotencyTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final CallLog CALLS = new CallLog();
  private static DynamoDbClient dynamo;
  private TransactionalIdempotency idempotency;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.client(ENGINE.engine().endpoint(), CALLS);
    LocalDynamo.createTable(dynamo, "idempotency");
    LocalDynamo.createTable(dynamo, "stock");
    dynamo.putItem(
        b ->
            b.tableName("stock")
                .item(
                    Map.of(
                        "pk",
                        AttributeValue.fromS("sku-1"),
                        "available",
                        AttributeValue.fromN("5"))));
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    idempotency =
        TransactionalIdempotency.builder(dynamo, "idempotency")
            .clock(new MutableClock(Instant.parse("2026-05-01T10:00:00Z")))
            .build();
    CALLS.drain();
  }

  private static TransactWriteItem reserve(int quantity) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName("stock")
                .key(Map.of("pk", AttributeValue.fromS("sku-1")))
                .updateExpression("SET available = available - :q")
                .conditionExpression("available >= :q")
                .expressionAttributeValues(
                    Map.of(":q", AttributeValue.fromN(Integer.toString(quantity))))
                .build())
        .build();
  }

  private Outcome<String> deliver(String key, int quantity) {
    return idempotency.handle(
        IdempotencyRequest.of(key, ("{\"q\":" + quantity + "}").getBytes(UTF_8)),
        ResponseCodec.text(),
        () -> new Effect<>("reserved " + quantity, List.of(reserve(quantity))));
  }

  private static long available() {
    return Long.parseLong(
        dynamo
            .getItem(b -> b.tableName("stock").key(Map.of("pk", AttributeValue.fromS("sku-1"))))
            .item()
            .get("available")
            .n());
  }

  @Test
  void firstDelivery_costsOneTransactionAndDuplicate_oneCancelledTransaction() {
    long before = available();
    CALLS.drain();

    assertThat(deliver("reserve-a", 2)).isEqualTo(new Outcome.Executed<>("reserved 2"));
    assertThat(CALLS.drain()).containsExactly("TransactWriteItems");

    assertThat(deliver("reserve-a", 2)).isEqualTo(new Outcome.Replayed<>("reserved 2"));
    assertThat(CALLS.drain()).containsExactly("TransactWriteItems failed");
    assertThat(available()).isEqualTo(before - 2);
  }

  @Test
  void reusedKeyWithAnotherPayload_isAMismatchAndWritesNothing() {
    deliver("reserve-b", 1);
    long before = available();

    assertThat(deliver("reserve-b", 3)).isEqualTo(new Outcome.PayloadMismatch<>("reserve-b"));
    assertThat(available()).isEqualTo(before);
  }

  @Test
  void failedBusinessCondition_isTypedAndLeavesNoRecordSoALaterDeliveryRuns() {
    assertThatThrownBy(() -> deliver("reserve-c", 1_000))
        .isInstanceOfSatisfying(
            BusinessConditionFailedException.class,
            e -> assertThat(e.failedWrites()).containsExactly(0));
    assertThat(
            dynamo
                .getItem(
                    b ->
                        b.tableName("idempotency")
                            .key(Map.of("pk", AttributeValue.fromS("reserve-c"))))
                .hasItem())
        .isFalse();
  }
}
