package dev.orderly.idempotency.bench;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.InMemoryIdempotencyStore;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import dev.orderly.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.orderly.idempotency.dynamodb.LocalDynamo;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Per-event cost of the wrapper: with an in-memory store (the wrapper's own overhead: hashing,
 * records, outcome) for a first delivery and a replay, and against the engine over loopback through
 * the SDK. Run:
 *
 * <pre>
 * mvn -B -q -pl infra/idempotency -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.openjdk.jmh.Main -Dexec.args="IdempotencyBenchmark -prof gc"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdempotencyBenchmark {
  private static final byte[] PAYLOAD =
      ("{\"detail\":{\"metadata\":{\"eventId\":\"e-1\"},\"data\":{\"orderId\":\"o-1\","
              + "\"lines\":[{\"sku\":\"a\",\"quantity\":2,\"price\":1299}]}}}")
          .getBytes(StandardCharsets.UTF_8);
  private static final ResponseCodec<String> TEXT = ResponseCodec.text();

  private Idempotency inMemory;
  private long sequence;
  private DynamoDbEngine engine;
  private DynamoDbClient dynamo;
  private Idempotency onEngine;

  @Setup(Level.Trial)
  public void setUp() {
    inMemory = Idempotency.builder(new InMemoryIdempotencyStore()).build();
    inMemory.handle(IdempotencyRequest.of("replayed", PAYLOAD), TEXT, () -> "ok");
    engine = DynamoDbEngine.start();
    dynamo = LocalDynamo.client(engine.endpoint());
    LocalDynamo.createTable(dynamo, "idempotency");
    onEngine =
        Idempotency.builder(DynamoDbIdempotencyStore.builder(dynamo, "idempotency").build())
            .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    dynamo.close();
    engine.close();
  }

  @Benchmark
  public Outcome<String> inMemory_firstDelivery() {
    return inMemory.handle(IdempotencyRequest.of("k-" + sequence++, PAYLOAD), TEXT, () -> "ok");
  }

  @Benchmark
  public Outcome<String> inMemory_replay() {
    return inMemory.handle(IdempotencyRequest.of("replayed", PAYLOAD), TEXT, () -> "ok");
  }

  @Benchmark
  public Outcome<String> engine_firstDelivery() {
    return onEngine.handle(IdempotencyRequest.of("k-" + sequence++, PAYLOAD), TEXT, () -> "ok");
  }
}
