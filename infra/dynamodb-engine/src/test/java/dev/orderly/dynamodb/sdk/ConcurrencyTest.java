package dev.orderly.dynamodb.sdk;

import static dev.orderly.dynamodb.sdk.Tables.key;
import static dev.orderly.dynamodb.sdk.Tables.n;
import static dev.orderly.dynamodb.sdk.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Atomicity under concurrent clients: a barrier releases all threads at once so the writes race for
 * real; every outcome is counted, none is awaited by sleeping.
 */
class ConcurrencyTest {
  private static final int THREADS = 50;
  private static DynamoDbEngine engine;
  private static DynamoDbClient dynamo;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    engine = DynamoDbEngine.start();
    dynamo = Clients.dynamo(engine.endpoint());
    pool = Executors.newFixedThreadPool(THREADS);
    Tables.create(dynamo, "race");
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    dynamo.close();
    engine.close();
  }

  @RepeatedTest(10)
  void conditionalPut_exactlyOneOfFiftyRacingWritersWins(
      org.junit.jupiter.api.RepetitionInfo repetition) throws Exception {
    String pk = "claim-" + repetition.getCurrentRepetition();
    CyclicBarrier barrier = new CyclicBarrier(THREADS);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int writer = i;
      outcomes.add(
          pool.submit(
              () -> {
                barrier.await();
                try {
                  dynamo.putItem(
                      b ->
                          b.tableName("race")
                              .item(Map.of("pk", s(pk), "writer", n(writer)))
                              .conditionExpression("attribute_not_exists(pk)"));
                  return true;
                } catch (ConditionalCheckFailedException lost) {
                  return false;
                }
              }));
    }
    int wins = 0;
    for (Future<Boolean> outcome : outcomes) {
      wins += outcome.get() ? 1 : 0;
    }
    assertThat(wins).isEqualTo(1);
  }

  @Test
  void transactions_concurrentTransfersConserveTheTotal() throws Exception {
    int accounts = 5;
    for (int i = 0; i < accounts; i++) {
      int account = i;
      dynamo.putItem(
          b -> b.tableName("race").item(Map.of("pk", s("acct-" + account), "balance", n(100))));
    }
    CyclicBarrier barrier = new CyclicBarrier(THREADS);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String from = "acct-" + (i % accounts);
      String to = "acct-" + ((i + 1) % accounts);
      outcomes.add(
          pool.submit(
              () -> {
                barrier.await();
                try {
                  dynamo.transactWriteItems(
                      b -> b.transactItems(move(from, -30, true), move(to, 30, false)));
                  return true;
                } catch (TransactionCanceledException insufficient) {
                  return false;
                }
              }));
    }
    int committed = 0;
    for (Future<Boolean> outcome : outcomes) {
      committed += outcome.get() ? 1 : 0;
    }
    long total = 0;
    for (int i = 0; i < accounts; i++) {
      String pk = "acct-" + i;
      long balance =
          Long.parseLong(
              dynamo.getItem(b -> b.tableName("race").key(key(pk))).item().get("balance").n());
      assertThat(balance).isGreaterThanOrEqualTo(0);
      total += balance;
    }
    assertThat(total).isEqualTo(100L * accounts);
    assertThat(committed).isPositive();
  }

  private static TransactWriteItem move(String pk, long amount, boolean guard) {
    return TransactWriteItem.builder()
        .update(
            u -> {
              u.tableName("race")
                  .key(key(pk))
                  .updateExpression("ADD balance :amount")
                  .expressionAttributeValues(
                      guard
                          ? Map.of(":amount", n(amount), ":need", n(-amount))
                          : Map.of(":amount", n(amount)));
              if (guard) {
                u.conditionExpression("balance >= :need");
              }
            })
        .build();
  }
}
