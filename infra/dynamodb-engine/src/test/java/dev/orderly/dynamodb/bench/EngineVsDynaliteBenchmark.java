package dev.orderly.dynamodb.bench;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.dynamodb.differential.Dynalite;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Side by side in one run: this engine and dynalite 4.0.0, each behind the same SDK v2 client over
 * loopback HTTP. Prints conditional PutItem and GetItem latency (p50/p99, one client thread) and
 * Query throughput (4 client threads, 25-item partitions).
 *
 * <pre>
 * mvn -B -q -pl infra/dynamodb-engine -am test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=dev.orderly.dynamodb.bench.EngineVsDynaliteBenchmark
 * </pre>
 */
public final class EngineVsDynaliteBenchmark {
  private static final int WARMUP = 2_000;
  private static final int SAMPLES = 5_000;
  private static final int QUERY_THREADS = 4;
  private static final Duration QUERY_WINDOW = Duration.ofSeconds(5);

  private EngineVsDynaliteBenchmark() {}

  record Figures(
      double putP50, double putP99, double getP50, double getP99, double queriesPerSecond) {}

  public static void main(String[] args) throws Exception {
    Figures engine;
    Figures oracle;
    try (DynamoDbEngine local = DynamoDbEngine.start()) {
      engine = measure("engine", local.endpoint());
    }
    try (Dynalite dynalite = Dynalite.start()) {
      oracle = measure("dynalite", dynalite.endpoint());
    }
    System.out.printf("%n%-28s %12s %12s %8s%n", "metric", "engine", "dynalite", "ratio");
    row("PutItem (conditional) p50 ms", engine.putP50(), oracle.putP50());
    row("PutItem (conditional) p99 ms", engine.putP99(), oracle.putP99());
    row("GetItem p50 ms", engine.getP50(), oracle.getP50());
    row("GetItem p99 ms", engine.getP99(), oracle.getP99());
    row("Query throughput /s", engine.queriesPerSecond(), oracle.queriesPerSecond());
  }

  private static void row(String name, double engine, double oracle) {
    System.out.printf("%-28s %12.3f %12.3f %8.2f%n", name, engine, oracle, oracle / engine);
  }

  private static Figures measure(String name, URI endpoint) throws Exception {
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build()) {
      client.createTable(
          b ->
              b.tableName("bench")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("pk")
                          .attributeType(ScalarAttributeType.S)
                          .build(),
                      AttributeDefinition.builder()
                          .attributeName("sk")
                          .attributeType(ScalarAttributeType.N)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                      KeySchemaElement.builder()
                          .attributeName("sk")
                          .keyType(KeyType.RANGE)
                          .build()));
      Map<String, AttributeValue> payload =
          Map.of(
              "status", AttributeValue.fromS("PLACED"),
              "total", AttributeValue.fromN("1299"),
              "lines",
                  AttributeValue.fromL(
                      List.of(AttributeValue.fromS("sku-1"), AttributeValue.fromS("sku-2"))));
      for (int i = 0; i < WARMUP; i++) {
        put(client, "warm-" + i, payload);
        get(client, "warm-" + i);
      }
      double[] puts = new double[SAMPLES];
      double[] gets = new double[SAMPLES];
      for (int i = 0; i < SAMPLES; i++) {
        long start = System.nanoTime();
        put(client, "key-" + i, payload);
        puts[i] = (System.nanoTime() - start) / 1e6;
      }
      for (int i = 0; i < SAMPLES; i++) {
        long start = System.nanoTime();
        get(client, "key-" + i);
        gets[i] = (System.nanoTime() - start) / 1e6;
      }
      for (int p = 0; p < 20; p++) {
        for (int s = 0; s < 25; s++) {
          int sk = s;
          String pk = "part-" + p;
          client.putItem(
              b ->
                  b.tableName("bench")
                      .item(
                          Map.of(
                              "pk", AttributeValue.fromS(pk),
                              "sk", AttributeValue.fromN(Integer.toString(sk)),
                              "status", AttributeValue.fromS("PLACED"))));
        }
      }
      double qps = queryThroughput(client);
      Arrays.sort(puts);
      Arrays.sort(gets);
      Figures figures =
          new Figures(
              percentile(puts, 50),
              percentile(puts, 99),
              percentile(gets, 50),
              percentile(gets, 99),
              qps);
      System.out.println(name + ": " + figures);
      return figures;
    }
  }

  private static void put(DynamoDbClient client, String pk, Map<String, AttributeValue> payload) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(payload);
    item.put("pk", AttributeValue.fromS(pk));
    item.put("sk", AttributeValue.fromN("0"));
    client.putItem(
        b -> b.tableName("bench").item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  private static void get(DynamoDbClient client, String pk) {
    client.getItem(
        b ->
            b.tableName("bench")
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN("0"))));
  }

  private static double queryThroughput(DynamoDbClient client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(QUERY_THREADS);
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + QUERY_WINDOW.toNanos();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < QUERY_THREADS; t++) {
      int thread = t;
      workers.add(
          pool.submit(
              () -> {
                int i = thread;
                while (System.nanoTime() < deadline) {
                  String pk = "part-" + (i++ % 20);
                  client.query(
                      b ->
                          b.tableName("bench")
                              .keyConditionExpression("pk = :pk AND sk >= :lo")
                              .expressionAttributeValues(
                                  Map.of(
                                      ":pk",
                                      AttributeValue.fromS(pk),
                                      ":lo",
                                      AttributeValue.fromN("5"))));
                  done.incrementAndGet();
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return done.get() / (double) QUERY_WINDOW.toSeconds();
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
