package dev.orderly.localcloud.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.demo.DemoPlan.Line;
import dev.orderly.localcloud.demo.DemoPlan.PlannedOrder;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code orderly demo}: seeds stock and customers, places the plan's orders concurrently through
 * the HTTP API, publishes duplicate events, waits for every saga and every mail, then measures and
 * checks the invariants ({@link Invariants}). Everything goes through the running cloud: the API
 * for commands, the bus for duplicates, and the tables, executions and mail for the checks.
 */
public final class Demo {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A load test's template parameters, unless {@code -p} says otherwise: POST /orders' throttle
   * (50/s in the template) and the payments functions' bulkhead (10 each in the template) sized for
   * the orders placed here. At about 150 sagas/s on two cores each execution environment holds its
   * slot for a while (cold starts take hundreds of milliseconds when the CPU is busy, and a card
   * whose provider fails waits between its attempts), and a bulkhead of 10 turned a third of the
   * charges into Lambda throttles that the saga retried after seconds of back-off.
   */
  public static final Map<String, String> LOAD_TEST =
      Map.of(
          "PlaceOrderRateLimit", "1000",
          "PlaceOrderBurstLimit", "1000",
          "PaymentsConcurrency", "200");

  private final DemoCloud cloud;
  private final PrintStream out;
  private final int concurrency;
  private final Duration timeout;
  private final ApiClient api;
  private final String run = Long.toString(System.nanoTime(), 36);
  private final java.util.Set<String> emails = ConcurrentHashMap.newKeySet();
  // A customer keeps its token for its lifetime (an hour) rather than signing one per request.
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  public Demo(DemoCloud cloud, PrintStream out, int concurrency, Duration timeout) {
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    this.out = Objects.requireNonNull(out, "out");
    this.concurrency = concurrency;
    this.timeout = timeout;
    this.api = new ApiClient(cloud.apiUrl());
  }

  /** A placed order: the plan's entry, its id, and when the client sent it. */
  record Placed(PlannedOrder plan, String orderId, Instant sentAt, boolean replayed) {}

  public Outcome run(DemoPlan plan) {
    Instant started = Instant.now();
    Map<String, List<String>> customers = seed(plan);
    out.printf(
        "seeded %d tenants: %d customers each, %s %d, %s %d, %s %d%n",
        plan.tenants().size(),
        plan.customersPerTenant(),
        DemoPlan.PLENTIFUL_SKU,
        plan.plentifulStock(),
        DemoPlan.SCARCE_SKU,
        plan.scarceStock(),
        DemoPlan.SIDE_SKU,
        plan.plentifulStock());

    injectFaults(plan);

    Instant firstOrder = Instant.now();
    Progress progress = new Progress(plan.orders().size());
    CompletableFuture<List<Placed>> placing =
        CompletableFuture.supplyAsync(() -> place(plan, customers, progress));
    progress.await(placing::isDone, timeout);
    List<Placed> placed = placing.join();
    Map<String, Long> duplicates = new HashMap<>();
    duplicates.put(
        "client retries answered from the Idempotency-Key record",
        placed.stream().filter(Placed::replayed).count());
    duplicates.put(
        "OrderPlaced delivered again (no second saga)",
        republish(plan, placed, "OrderPlaced", cloud.tableName("OrdersTable")));

    boolean allTerminal = progress.await(() -> progress.ended() >= placed.size(), timeout);
    Instant lastTerminal = Instant.now();
    duplicates.put(
        "OrderConfirmed/OrderCancelled delivered again",
        republish(plan, placed, "OrderConfirmed", cloud.tableName("OrdersTable"))
            + republish(plan, placed, "OrderCancelled", cloud.tableName("OrdersTable")));
    duplicates.put(
        "UserRegistered delivered again",
        republish(plan, placed, "UserRegistered", cloud.tableName("UsersTable")));
    int users = customers.values().stream().mapToInt(List::size).sum();
    long expectedMails = (long) users + placed.size();
    progress.await(() -> cloud.mails().size() >= expectedMails, Duration.ofSeconds(60));
    settle(() -> cloud.mails().size());
    Invariants.Views views = new Invariants.Views(cloud);
    progress.await(() -> views.lagging(placed) == 0, Duration.ofSeconds(60));
    progress.finish();

    Invariants invariants = new Invariants(cloud, plan, emails, placed, allTerminal);
    Executions executions = Executions.read(cloud.stepFunctions(), cloud.sagaArn());
    List<Outcome.Check> checks = invariants.check(executions, views);
    // the window ends when the last saga ended, as Step Functions reports it, not when the
    // progress poll (about once a second) noticed
    Duration wall = Duration.between(firstOrder, executions.lastStop(placed).orElse(lastTerminal));
    Outcome outcome =
        new Outcome(
            placed.size(),
            invariants.confirmed(),
            invariants.cancelledByReason(),
            invariants.compensations(),
            duplicates,
            executions.percentile(0.50),
            executions.percentile(0.99),
            executions.endToEndPercentile(placed, 0.99),
            placed.size() / Math.max(0.001, wall.toMillis() / 1000.0),
            wall,
            answered(placed, executions, firstOrder, wall),
            cloud.functionStats(),
            checks);
    new Summary(out).print(outcome, api, Duration.between(started, Instant.now()));
    return outcome;
  }

  private static Outcome.Answered answered(
      List<Placed> placed, Executions executions, Instant firstOrder, Duration wall) {
    List<Placed> answered =
        placed.stream().filter(order -> order.plan().kind() != OrderKind.DOWN).toList();
    return new Outcome.Answered(
        answered.size(),
        executions.lastStop(answered).map(stop -> Duration.between(firstOrder, stop)).orElse(wall));
  }

  private Map<String, List<String>> seed(DemoPlan plan) {
    Map<String, List<String>> customers = new HashMap<>();
    for (String tenant : plan.tenants()) {
      String token = cloud.token(tenant, "demo-admin");
      stock(token, DemoPlan.PLENTIFUL_SKU, plan.plentifulStock());
      stock(token, DemoPlan.SCARCE_SKU, plan.scarceStock());
      stock(token, DemoPlan.SIDE_SKU, plan.plentifulStock());
      List<String> ids = new ArrayList<>();
      for (int k = 0; k < plan.customersPerTenant(); k++) {
        String email = "customer" + k + "-" + run + "@" + tenant + ".example";
        emails.add(email);
        ObjectNode body =
            JSON.createObjectNode()
                .put("email", email)
                .put("name", "Customer " + k + " of " + tenant);
        ApiClient.Answer answer =
            api.send(
                "POST",
                "/users",
                token,
                Map.of("Idempotency-Key", run + "-user-" + tenant + k),
                body);
        if (answer.status() != 201) {
          throw new IllegalStateException(
              "POST /users answered " + answer.status() + ": " + answer.body());
        }
        String id = answer.body().path("userId").asText();
        ids.add(id);
        // Each customer signs in before ordering: minting an RS256 token is the identity
        // provider's work, not the system's, and stays out of the measured window.
        tokens.put(tenant + "/" + id, cloud.token(tenant, id));
      }
      customers.put(tenant, List.copyOf(ids));
    }
    return customers;
  }

  private void stock(String token, String sku, long available) {
    ApiClient.Answer answer =
        api.send(
            "PUT",
            "/inventory/" + sku,
            token,
            Map.of(),
            JSON.createObjectNode().put("available", available));
    if (answer.status() != 200) {
      throw new IllegalStateException(
          "PUT /inventory/" + sku + " answered " + answer.status() + ": " + answer.body());
    }
  }

  private List<Placed> place(
      DemoPlan plan, Map<String, List<String>> customers, Progress progress) {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<CompletableFuture<Placed>> futures = new ArrayList<>();
      for (PlannedOrder order : plan.orders()) {
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  Placed placed = placeOne(order, customers);
                  progress.placed.incrementAndGet();
                  return placed;
                },
                pool));
      }
      List<Placed> placed = new ArrayList<>();
      for (CompletableFuture<Placed> future : futures) {
        placed.add(future.join());
      }
      return placed;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The id each order's requests, events and saga carry: how a fault finds its order. */
  private String correlationId(PlannedOrder order) {
    return run + "-order-" + order.index();
  }

  /**
   * The saga's infrastructure-failure branches: for each order of a kind whose function fails, that
   * function's invocation carrying the order's correlation id fails once (fault injection).
   */
  private void injectFaults(DemoPlan plan) {
    Map<String, Set<String>> failing = new TreeMap<>();
    for (PlannedOrder order : plan.orders()) {
      order
          .kind()
          .failingFunction()
          .ifPresent(
              f ->
                  failing
                      .computeIfAbsent(f, k -> ConcurrentHashMap.newKeySet())
                      .add(correlationId(order)));
    }
    failing.forEach(
        (function, ids) -> {
          int orders = ids.size();
          // once per order: an id leaves the set when its invocation fails
          cloud.injectErrors(
              function,
              orders,
              payload -> ids.remove(read(payload).path("correlationId").asText()));
          out.printf(
              "fault injection: %s fails once for each of %d orders (their correlation ids)%n",
              function, orders);
        });
  }

  private Placed placeOne(PlannedOrder order, Map<String, List<String>> customers) {
    String customer = customers.get(order.tenant()).get(order.customer());
    String token = tokens.get(order.tenant() + "/" + customer);
    ObjectNode body =
        JSON.createObjectNode()
            .put("customerId", customer)
            .put("currency", "EUR")
            .put("paymentToken", order.kind().paymentToken());
    ArrayNode lines = body.putArray("lines");
    for (Line line : order.lines()) {
      lines
          .addObject()
          .put("sku", line.sku())
          .put("quantity", line.quantity())
          .put("unitPrice", line.unitPrice());
    }
    Map<String, String> headers =
        Map.of(
            "Idempotency-Key",
            run + "-order-" + order.index(),
            "X-Correlation-Id",
            correlationId(order));
    Instant sentAt = Instant.now();
    if (order.kind() != OrderKind.CLIENT_RETRY) {
      return new Placed(
          order, orderId(api.send("POST", "/orders", token, headers, body)), sentAt, false);
    }
    // The client's first attempt and its retry race each other with one Idempotency-Key.
    CompletableFuture<ApiClient.Answer> first =
        CompletableFuture.supplyAsync(() -> api.send("POST", "/orders", token, headers, body));
    ApiClient.Answer second = api.send("POST", "/orders", token, headers, body);
    ApiClient.Answer one = first.join();
    String id = orderId(one);
    if (!id.equals(orderId(second))) {
      throw new IllegalStateException(
          "one Idempotency-Key placed two orders: " + id + ", " + orderId(second));
    }
    return new Placed(order, id, sentAt, one.replayed() || second.replayed());
  }

  private static String orderId(ApiClient.Answer answer) {
    if (answer.status() != 201 || answer.body() == null) {
      throw new IllegalStateException(
          "POST /orders answered " + answer.status() + ": " + answer.body());
    }
    return answer.body().path("orderId").asText();
  }

  /** Publishes again the outbox entries of type {@code detailType} of every twentieth order. */
  private long republish(DemoPlan plan, List<Placed> placed, String detailType, String table) {
    List<Map<String, AttributeValue>> entries = new ArrayList<>();
    for (Map<String, AttributeValue> item : Snapshot.scan(cloud.dynamo(), table)) {
      if ("OUTBOX".equals(Snapshot.s(item, "type"))
          && detailType.equals(Snapshot.s(item, "detailType"))) {
        entries.add(item);
      }
    }
    long sent = 0;
    int every = (int) Math.round(1 / plan.duplicateEventShare());
    for (int i = 0; i < entries.size(); i += every) {
      Map<String, AttributeValue> entry = entries.get(i);
      cloud.publish(Snapshot.s(entry, "source"), detailType, Snapshot.s(entry, "detail"));
      sent++;
    }
    return sent;
  }

  /** Waits until {@code count} stops changing for a second (bounded: at most ten seconds). */
  private static void settle(java.util.function.IntSupplier count) {
    int last = -1;
    for (int i = 0; i < 10; i++) {
      int now = count.getAsInt();
      if (now == last) {
        return;
      }
      last = now;
      ApiClient.pause(Duration.ofSeconds(1));
    }
  }

  /** The progress line, redrawn in place while the demo waits. */
  private final class Progress {
    private final int total;
    final AtomicInteger placed = new AtomicInteger();
    private final AtomicLong lastPrint = new AtomicLong();

    private volatile Map<String, Long> sagas = Map.of();
    private volatile long sagasAt;

    Progress(int total) {
      this.total = total;
    }

    /**
     * The saga executions by status, listed at most about once a second. Progress reads the
     * executions rather than scanning the orders table: a scan of a growing table twice a second
     * was a tenth of the engine's work, and the demo measures the system, not itself.
     */
    Map<String, Long> sagas() {
      long now = System.nanoTime();
      if (sagasAt == 0 || now - sagasAt > 900_000_000L) {
        sagas = Executions.countByStatus(cloud.stepFunctions(), cloud.sagaArn());
        sagasAt = now;
      }
      return sagas;
    }

    /** Sagas that ended, whichever way. */
    long ended() {
      return sagas().entrySet().stream()
          .filter(e -> !"RUNNING".equals(e.getKey()))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    boolean await(BooleanSupplier done, Duration limit) {
      Instant deadline = Instant.now().plus(limit);
      while (Instant.now().isBefore(deadline)) {
        if (done.getAsBoolean()) {
          print();
          return true;
        }
        print();
        ApiClient.pause(Duration.ofMillis(500));
      }
      return done.getAsBoolean();
    }

    private void print() {
      long now = System.nanoTime();
      if (now - lastPrint.get() < 900_000_000L) {
        return;
      }
      lastPrint.set(now);
      Map<String, Long> counts = sagas();
      long running = counts.getOrDefault("RUNNING", 0L);
      long succeeded = counts.getOrDefault("SUCCEEDED", 0L);
      out.printf(
          "\rplaced %d/%d · sagas running %d · confirmed %d · cancelled or failed %d · mails %d   ",
          placed.get(), total, running, succeeded, ended() - succeeded, cloud.mails().size());
      out.flush();
    }

    void finish() {
      lastPrint.set(0);
      print();
      out.println();
    }
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
