package dev.orderly.idempotency.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * N threads deliver the same key at once through the DynamoDB store. The handler that wins holds
 * until every other delivery has answered, so the race is real and its result deterministic:
 * exactly one execution, every other delivery in progress, and afterwards only replays.
 */
class ConcurrentDeliveriesTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final int THREADS = 16;
  private static DynamoDbClient dynamo;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamo.client(ENGINE.engine().endpoint());
    LocalDynamo.createTable(dynamo, "idempotency");
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    dynamo.close();
  }

  @RepeatedTest(5)
  void sameKeyFromManyThreads_runsExactlyOnce(org.junit.jupiter.api.RepetitionInfo repetition)
      throws Exception {
    String key = "order-" + repetition.getCurrentRepetition();
    Idempotency idempotency =
        Idempotency.builder(DynamoDbIdempotencyStore.builder(dynamo, "idempotency").build())
            .build();
    AtomicInteger executions = new AtomicInteger();
    CountDownLatch othersAnswered = new CountDownLatch(THREADS - 1);
    CyclicBarrier go = new CyclicBarrier(THREADS);
    List<Future<Outcome<String>>> outcomes = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      outcomes.add(
          pool.submit(
              () -> {
                go.await();
                Outcome<String> outcome =
                    idempotency.handle(
                        IdempotencyRequest.of(
                            key, key.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        ResponseCodec.text(),
                        () -> {
                          executions.incrementAndGet();
                          await(othersAnswered);
                          return "charged";
                        });
                if (!(outcome instanceof Outcome.Executed<String>)) {
                  othersAnswered.countDown();
                }
                return outcome;
              }));
    }
    int executed = 0;
    int inProgress = 0;
    for (Future<Outcome<String>> future : outcomes) {
      Outcome<String> outcome = future.get(30, TimeUnit.SECONDS);
      executed += outcome instanceof Outcome.Executed<String> ? 1 : 0;
      inProgress += outcome instanceof Outcome.InProgress<String> ? 1 : 0;
    }
    assertThat(executions).hasValue(1);
    assertThat(executed).isEqualTo(1);
    assertThat(inProgress).isEqualTo(THREADS - 1);
    assertThat(
            idempotency.handle(
                IdempotencyRequest.of(key, key.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ResponseCodec.text(),
                () -> "again"))
        .isEqualTo(new Outcome.Replayed<>("charged"));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other deliveries never answered");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
