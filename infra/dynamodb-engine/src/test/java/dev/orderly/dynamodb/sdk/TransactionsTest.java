package dev.orderly.dynamodb.sdk;

import static dev.orderly.dynamodb.sdk.Tables.key;
import static dev.orderly.dynamodb.sdk.Tables.n;
import static dev.orderly.dynamodb.sdk.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * TransactWriteItems and TransactGetItems through the SDK. dynalite has no transactions, so the
 * expectations come from the DynamoDB API Reference (TransactWriteItems: "all of them succeed or
 * none of them", CancellationReasons in request order with Code None for passing items,
 * ClientRequestToken idempotent for 10 minutes, IdempotentParameterMismatchException for a reused
 * token with other parameters, ValidationException for two actions on one item).
 */
class TransactionsTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final MutableClock CLOCK = new MutableClock(START);
  private static DynamoDbEngine engine;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    engine = DynamoDbEngine.builder().clock(CLOCK).build();
    dynamo = Clients.dynamo(engine.endpoint());
    Tables.create(dynamo, "accounts");
    Tables.create(dynamo, "ledger");
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    engine.close();
  }

  private static TransactWriteItem put(
      String table,
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  private static TransactWriteItem increment(String table, String pk) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(key(pk))
                .updateExpression("ADD hits :one")
                .expressionAttributeValues(Map.of(":one", n(1)))
                .build())
        .build();
  }

  @Test
  void transactWrite_appliesNothingWhenOneConditionFails() {
    dynamo.putItem(b -> b.tableName("accounts").item(Map.of("pk", s("alice"), "balance", n(10))));

    assertThatThrownBy(
            () ->
                dynamo.transactWriteItems(
                    b ->
                        b.transactItems(
                            put("ledger", Map.of("pk", s("entry-1"))),
                            TransactWriteItem.builder()
                                .conditionCheck(
                                    ConditionCheck.builder()
                                        .tableName("accounts")
                                        .key(key("alice"))
                                        .conditionExpression("balance >= :amount")
                                        .expressionAttributeValues(Map.of(":amount", n(50)))
                                        .returnValuesOnConditionCheckFailure(
                                            ReturnValuesOnConditionCheckFailure.ALL_OLD)
                                        .build())
                                .build())))
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            e -> {
              List<CancellationReason> reasons = e.cancellationReasons();
              assertThat(reasons)
                  .extracting(CancellationReason::code)
                  .containsExactly("None", "ConditionalCheckFailed");
              assertThat(reasons.get(1).item()).containsEntry("balance", n(10));
              assertThat(e.getMessage())
                  .contains("Transaction cancelled, please refer cancellation reasons")
                  .contains("[None, ConditionalCheckFailed]");
            });
    assertThat(dynamo.getItem(b -> b.tableName("ledger").key(key("entry-1"))).hasItem()).isFalse();
  }

  @Test
  void transactWrite_commitsEveryActionTogether() {
    dynamo.transactWriteItems(
        b ->
            b.transactItems(
                put("ledger", Map.of("pk", s("entry-2"), "amount", n(5))),
                increment("accounts", "bob")));

    assertThat(dynamo.getItem(b -> b.tableName("ledger").key(key("entry-2"))).item())
        .containsEntry("amount", n(5));
    assertThat(dynamo.getItem(b -> b.tableName("accounts").key(key("bob"))).item())
        .containsEntry("hits", n(1));
  }

  @Test
  void lostResponse_theSdkRetriesWithItsOwnTokenAndTheTransactionAppliesOnce() {
    engine.loseResponses("TransactWriteItems", 1);

    dynamo.transactWriteItems(b -> b.transactItems(increment("accounts", "erin")));

    assertThat(dynamo.getItem(b -> b.tableName("accounts").key(key("erin"))).item())
        .containsEntry("hits", n(1));
  }

  @Test
  void lostResponses_beyondTheRetries_failTheCallAlthoughTheWriteHappened() {
    engine.loseResponses("TransactWriteItems", 10);
    try {
      assertThatThrownBy(
              () -> dynamo.transactWriteItems(b -> b.transactItems(increment("accounts", "frank"))))
          .isInstanceOf(SdkClientException.class);
    } finally {
      engine.loseResponses("TransactWriteItems", 0);
    }

    assertThat(dynamo.getItem(b -> b.tableName("accounts").key(key("frank"))).item())
        .containsEntry("hits", n(1));
  }

  @Test
  void transactWrite_rejectsTwoActionsOnOneItem() {
    assertThatThrownBy(
            () ->
                dynamo.transactWriteItems(
                    b ->
                        b.transactItems(
                            put("ledger", Map.of("pk", s("dup"))), increment("ledger", "dup"))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void transactWrite_rejectsMoreThan100Actions() {
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      items.add(put("ledger", Map.of("pk", s("many-" + i))));
    }
    assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(items)))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Member must have length less than or equal to 100");
  }

  @Test
  void transactWrite_clientRequestTokenMakesARetryHarmlessForTenMinutes() {
    TransactWriteItem once = increment("accounts", "carol");

    dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(once));
    dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(once));
    assertThat(dynamo.getItem(b -> b.tableName("accounts").key(key("carol"))).item())
        .containsEntry("hits", n(1));

    assertThatThrownBy(
            () ->
                dynamo.transactWriteItems(
                    b ->
                        b.clientRequestToken("token-1")
                            .transactItems(increment("accounts", "dan"))))
        .isInstanceOf(IdempotentParameterMismatchException.class);

    CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
    dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(once));
    assertThat(dynamo.getItem(b -> b.tableName("accounts").key(key("carol"))).item())
        .containsEntry("hits", n(2));
  }

  @Test
  void transactGet_returnsItemsInRequestOrderWithEmptyEntriesForMissingOnes() {
    dynamo.putItem(b -> b.tableName("ledger").item(Map.of("pk", s("g1"), "v", n(1), "w", n(2))));

    TransactGetItemsResponse response =
        dynamo.transactGetItems(
            b ->
                b.transactItems(
                    TransactGetItem.builder()
                        .get(g -> g.tableName("ledger").key(key("missing")))
                        .build(),
                    TransactGetItem.builder()
                        .get(g -> g.tableName("ledger").key(key("g1")).projectionExpression("v"))
                        .build()));

    assertThat(response.responses()).hasSize(2);
    assertThat(response.responses().get(0).hasItem()).isFalse();
    assertThat(response.responses().get(1).item()).isEqualTo(Map.of("v", n(1)));
  }
}
