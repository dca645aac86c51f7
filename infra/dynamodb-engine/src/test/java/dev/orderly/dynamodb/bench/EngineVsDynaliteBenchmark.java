package dev.orderly.dynamodb.bench;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.dynamodb.differential.Dynalite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Side by side in one run: this engine and dynalite 4.0.0 over loopback HTTP, driven by the same
 * lean keep-alive client. Prints conditional PutItem and GetItem latency (p50/p99 on one
 * connection) and throughput (requests per second on {@value #CONNECTIONS} connections) for GetItem
 * and Query (a 25-item partition, sort-key range, 20 items returned).
 *
 * <pre>
 * mvn -B -q -pl infra/dynamodb-engine -am test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=dev.orderly.dynamodb.bench.EngineVsDynaliteBenchmark
 * </pre>
 */
public final class EngineVsDynaliteBenchmark {
  private static final int WARMUP = 5_000;
  private static final int SAMPLES = 10_000;
  private static final int CONNECTIONS = 4;
  private static final Duration WINDOW = Duration.ofSeconds(5);

  private EngineVsDynaliteBenchmark() {}

  record Figures(
      double putP50,
      double putP99,
      double getP50,
      double getP99,
      double getsPerSecond,
      double queriesPerSecond) {}

  public static void main(String[] args) throws Exception {
    Figures engine;
    Figures oracle;
    try (DynamoDbEngine local = DynamoDbEngine.start()) {
      engine = measure("engine", local.endpoint());
    }
    try (Dynalite dynalite = Dynalite.start()) {
      oracle = measure("dynalite", dynalite.endpoint());
    }
    System.out.printf(
        "%n%-30s %12s %12s %16s%n", "metric", "engine", "dynalite", "engine advantage");
    latencyRow("PutItem (conditional) p50 ms", engine.putP50(), oracle.putP50());
    latencyRow("PutItem (conditional) p99 ms", engine.putP99(), oracle.putP99());
    latencyRow("GetItem p50 ms", engine.getP50(), oracle.getP50());
    latencyRow("GetItem p99 ms", engine.getP99(), oracle.getP99());
    throughputRow("GetItem throughput /s", engine.getsPerSecond(), oracle.getsPerSecond());
    throughputRow("Query throughput /s", engine.queriesPerSecond(), oracle.queriesPerSecond());
  }

  private static void latencyRow(String name, double engine, double oracle) {
    System.out.printf("%-30s %12.3f %12.3f %15.2fx%n", name, engine, oracle, oracle / engine);
  }

  private static void throughputRow(String name, double engine, double oracle) {
    System.out.printf("%-30s %12.0f %12.0f %15.2fx%n", name, engine, oracle, engine / oracle);
  }

  private static Figures measure(String name, URI endpoint) throws Exception {
    try (RawHttpClient client = new RawHttpClient(endpoint)) {
      check(
          client.send(
              client.encode(
                  "CreateTable",
                  "{\"TableName\":\"bench\",\"BillingMode\":\"PAY_PER_REQUEST\","
                      + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                      + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],"
                      + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                      + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}")));
      for (int i = 0; i < WARMUP; i++) {
        check(client.send(put(client, "warm-" + i)));
        check(client.send(get(client, "warm-" + i)));
      }
      double[] puts = new double[SAMPLES];
      double[] gets = new double[SAMPLES];
      for (int i = 0; i < SAMPLES; i++) {
        byte[] request = put(client, "key-" + i);
        long start = System.nanoTime();
        check(client.send(request));
        puts[i] = (System.nanoTime() - start) / 1e6;
      }
      for (int i = 0; i < SAMPLES; i++) {
        byte[] request = get(client, "key-" + i);
        long start = System.nanoTime();
        check(client.send(request));
        gets[i] = (System.nanoTime() - start) / 1e6;
      }
      for (int p = 0; p < 20; p++) {
        for (int s = 0; s < 25; s++) {
          check(
              client.send(
                  client.encode(
                      "PutItem",
                      "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"part-"
                          + p
                          + "\"},\"sk\":{\"N\":\""
                          + s
                          + "\"},\"status\":{\"S\":\"PLACED\"},\"total\":{\"N\":\"1299\"}}}")));
        }
      }
      Arrays.sort(puts);
      Arrays.sort(gets);
      double getsPerSecond = throughput(endpoint, (c, i) -> get(c, "key-" + (i % SAMPLES)));
      double queriesPerSecond =
          throughput(
              endpoint,
              (c, i) ->
                  c.encode(
                      "Query",
                      "{\"TableName\":\"bench\",\"KeyConditionExpression\":\"pk = :pk AND sk >= :lo\","
                          + "\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"part-"
                          + (i % 20)
                          + "\"},\":lo\":{\"N\":\"5\"}}}"));
      Figures figures =
          new Figures(
              percentile(puts, 50),
              percentile(puts, 99),
              percentile(gets, 50),
              percentile(gets, 99),
              getsPerSecond,
              queriesPerSecond);
      System.out.println(name + ": " + figures);
      return figures;
    }
  }

  interface RequestFactory {
    byte[] request(RawHttpClient client, int index);
  }

  /** Requests per second over {@link #CONNECTIONS} connections for {@link #WINDOW}. */
  private static double throughput(URI endpoint, RequestFactory factory) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    long deadline = System.nanoTime() + WINDOW.toNanos();
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < CONNECTIONS; t++) {
      int offset = t * 1000;
      workers.add(
          pool.submit(
              () -> {
                try (RawHttpClient client = new RawHttpClient(endpoint)) {
                  byte[][] requests = new byte[200][];
                  for (int i = 0; i < requests.length; i++) {
                    requests[i] = factory.request(client, offset + i);
                  }
                  int done = 0;
                  while (System.nanoTime() < deadline) {
                    check(client.send(requests[done % requests.length]));
                    done++;
                  }
                  return done;
                }
              }));
    }
    long total = 0;
    for (Future<Integer> worker : workers) {
      total += worker.get();
    }
    pool.shutdown();
    return total / (double) WINDOW.toSeconds();
  }

  private static byte[] put(RawHttpClient client, String pk) {
    return client.encode(
        "PutItem",
        "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\""
            + pk
            + "\"},\"sk\":{\"N\":\"0\"},\"status\":{\"S\":\"PLACED\"},\"total\":{\"N\":\"1299\"},"
            + "\"lines\":{\"L\":[{\"S\":\"sku-1\"},{\"S\":\"sku-2\"}]}},"
            + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}");
  }

  private static byte[] get(RawHttpClient client, String pk) {
    return client.encode(
        "GetItem",
        "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"0\"}}}");
  }

  private static void check(int status) {
    if (status != 200) {
      throw new UncheckedIOException(new IOException("request failed with HTTP " + status));
    }
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
