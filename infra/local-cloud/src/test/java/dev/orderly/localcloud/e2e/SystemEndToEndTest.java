package dev.orderly.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.cloud.CloudSettings;
import dev.orderly.localcloud.cloud.LocalCloud;
import dev.orderly.localcloud.cloud.Ports;
import dev.orderly.localcloud.demo.DemoCloud;
import dev.orderly.localcloud.ses.SentEmail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole system from template.yaml, driven only through its HTTP API (and, for duplicate
 * deliveries, its event bus): every saga branch, duplicates, tenant isolation, Idempotency-Key
 * reuse, bad requests. The saga's timers run 50 times faster than real time (retry back-offs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemEndToEndTest {
  private static final Duration SAGA = Duration.ofSeconds(60);

  private LocalCloud cloud;
  private DemoCloud view;
  private Api api;
  private String acme;
  private String globex;
  private SqsClient sqs;

  @BeforeAll
  void start() throws Exception {
    Path repository = Path.of(System.getProperty("orderly.repository"));
    Path state = Files.createTempDirectory("orderly-e2e");
    cloud =
        LocalCloud.start(
            CloudSettings.of(repository)
                .withStateDirectory(state)
                .withPorts(Ports.ephemeral())
                .withTimeScale(50),
            mail -> {});
    view = cloud.demoCloud();
    api = new Api(cloud.apiUrl());
    acme = cloud.token("acme", "e2e-admin", Duration.ofHours(1));
    globex = cloud.token("globex", "e2e-admin", Duration.ofHours(1));
    sqs =
        SqsClient.builder()
            .endpointOverride(cloud.endpoints().get("sqs"))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
  }

  @AfterAll
  void stop() {
    sqs.close();
    cloud.close();
  }

  private String user(String token, String email) {
    Api.Response r =
        api.call(
            "POST",
            "/users",
            token,
            "{\"email\":\"" + email + "\",\"name\":\"Ada " + email.charAt(0) + "\"}",
            "Idempotency-Key",
            UUID.randomUUID().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("userId").asText();
  }

  private void stock(String token, String sku, int available) {
    Api.Response r =
        api.call("PUT", "/inventory/" + sku, token, "{\"available\":" + available + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static String order(String customer, String card, String sku, int quantity) {
    return "{\"customerId\":\""
        + customer
        + "\",\"currency\":\"EUR\",\"paymentToken\":\""
        + card
        + "\",\"lines\":[{\"sku\":\""
        + sku
        + "\",\"quantity\":"
        + quantity
        + ",\"unitPrice\":1250}]}";
  }

  private String place(String token, String body) {
    Api.Response r =
        api.call("POST", "/orders", token, body, "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("orderId").asText();
  }

  private JsonNode awaitTerminal(String token, String orderId) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(SAGA)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Api.Response read = api.call("GET", "/orders/" + orderId, token, null);
              if (read.status() != 200) {
                return false; // a transient error is not an order's end
              }
              last[0] = read.json();
              return !"PENDING".equals(last[0].path("status").asText());
            });
    return last[0];
  }

  private int available(String tenant, String sku) {
    // The inventory API answers the level it set; read it back through the table as the saga left
    // it.
    return view.dynamo()
        .getItem(
            b ->
                b.tableName(view.tableName("InventoryTable"))
                    .consistentRead(true)
                    .key(
                        java.util.Map.of(
                            "pk",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                "T#" + tenant + "#SKU#" + sku),
                            "sk",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                "STOCK"))))
        .item()
        .get("available")
        .n()
        .transform(Integer::parseInt);
  }

  /** The order's status and its cancellation code ("" when it has none). */
  private static void assertEnded(JsonNode order, String status, String cancellationCode) {
    assertThat(order.path("status").asText()).as(order.toString()).isEqualTo(status);
    assertThat(order.path("cancellation").path("code").asText()).isEqualTo(cancellationCode);
  }

  private List<SentEmail> mailsAbout(String orderId) {
    return view.mails().stream().filter(m -> m.subject().contains(orderId)).toList();
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
    "tok_ok,       CONFIRMED, ''",
    "tok_outage_2, CONFIRMED, ''",
    "tok_decline,  CANCELLED, PAYMENT_DECLINED",
  })
  void everyPaymentBranch_endsTheOrderAsTheSagaDecides(String card, String status, String reason) {
    runBranch(card, status, reason);
  }

  /**
   * Last: a provider that stays down exhausts the function's retries and the saga's, and opens the
   * circuit breaker of the execution environment that served it (for 30 s, real time), so the
   * orders after it in that environment would fail fast too — as they should.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aProviderThatStaysDown_cancelsServiceUnavailableAfterEveryRetry() {
    runBranch("tok_down", "CANCELLED", "SERVICE_UNAVAILABLE");
  }

  private void runBranch(String card, String status, String reason) {
    String sku = "SKU-" + card.toUpperCase(java.util.Locale.ROOT);
    stock(acme, sku, 10);
    String customer = user(acme, card + "-" + UUID.randomUUID() + "@acme.example");

    String orderId = place(acme, order(customer, card, sku, 3));
    JsonNode order = awaitTerminal(acme, orderId);

    assertEnded(order, status, reason);
    assertThat(available("acme", sku)).isEqualTo(status.equals("CONFIRMED") ? 7 : 10);
    await()
        .atMost(SAGA)
        .untilAsserted(
            () ->
                assertThat(mailsAbout(orderId))
                    .singleElement()
                    .satisfies(
                        m ->
                            assertThat(m.subject())
                                .endsWith(
                                    status.equals("CONFIRMED")
                                        ? "is confirmed"
                                        : "was cancelled")));
    await()
        .atMost(SAGA)
        .untilAsserted(
            () -> {
              JsonNode list = api.call("GET", "/orders?limit=100", acme, null).json();
              assertThat(list.path("items").findValuesAsText("orderId")).contains(orderId);
              for (JsonNode item : list.path("items")) {
                if (item.path("orderId").asText().equals(orderId)) {
                  assertThat(item.path("status").asText()).isEqualTo(status);
                }
              }
            });
  }

  /**
   * The branches only an infrastructure failure takes: a saga function fails (fault injection,
   * {@code LocalLambda.injectErrors}) with an error its Retry does not name, so the Catch takes it
   * at once. Each runs in a tenant of its own, and the fault hits only that tenant's invocations.
   */
  /**
   * An order of 3 × SKU-1 (stock 10) paid with {@code card}, placed in {@code tenant} after the
   * next invocation of {@code function} for that tenant was set to fail.
   */
  private String placeWithFault(String tenant, String function, String card) {
    cloud
        .lambda()
        .injectErrors(
            function, 1, payload -> Api.json(payload).path("tenantId").asText().equals(tenant));
    String token = tokenOf(tenant);
    stock(token, "SKU-1", 10);
    String customer = user(token, "ada@" + tenant + ".example");
    return place(token, order(customer, card, "SKU-1", 3));
  }

  private String tokenOf(String tenant) {
    return cloud.token(tenant, "e2e-admin", Duration.ofHours(1));
  }

  @Test
  void aReservationThatFails_cancelsServiceUnavailableAndHoldsNothing() {
    String orderId = placeWithFault("reserve-fault", "orderly-dev-reserve-stock", "tok_ok");
    JsonNode order = awaitTerminal(tokenOf("reserve-fault"), orderId);

    assertEnded(order, "CANCELLED", "SERVICE_UNAVAILABLE");
    assertThat(available("reserve-fault", "SKU-1")).isEqualTo(10);
    assertThat(charge(orderId)).as("nothing was charged").isEmpty();
    assertThat(sagaHistory(orderId))
        .contains("ReservationFailedReason", "ReleaseStock", "CancelOrder")
        .doesNotContain("ChargePayment", "RefundPayment");
  }

  @Test
  void aConfirmationThatFails_refundsTheChargeReleasesTheStockAndCancels() {
    String orderId = placeWithFault("confirm-fault", "orderly-dev-confirm-order", "tok_ok");
    JsonNode order = awaitTerminal(tokenOf("confirm-fault"), orderId);

    assertEnded(order, "CANCELLED", "SERVICE_UNAVAILABLE");
    assertThat(charge(orderId)).as("the charge was refunded").contains("REFUNDED");
    assertThat(available("confirm-fault", "SKU-1")).isEqualTo(10);
    assertThat(sagaHistory(orderId))
        .contains("ConfirmationFailedReason", "RefundPayment", "ReleaseStock", "CancelOrder");
    await()
        .atMost(SAGA)
        .untilAsserted(
            () ->
                assertThat(mailsAbout(orderId))
                    .singleElement()
                    .satisfies(m -> assertThat(m.subject()).endsWith("was cancelled")));
  }

  /**
   * A compensation that fails for good is never silent: the execution fails COMPENSATION_FAILED and
   * the compensation DLQ holds what an operator needs to finish it; the order stays PENDING with
   * its stock still reserved until then.
   */
  @Test
  void aCompensationThatFails_goesToTheCompensationDlqForAnOperator() {
    String orderId = placeWithFault("release-fault", "orderly-dev-release-stock", "tok_decline");

    DescribeExecutionResponse execution = awaitSagaEnd(orderId);
    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("COMPENSATION_FAILED");
    JsonNode parked = compensationDlqMessage(orderId);
    assertThat(parked.path("step").asText()).isEqualTo("ReleaseStock");
    assertThat(
            java.util.stream.StreamSupport.stream(
                    parked.path("pendingCompensations").spliterator(), false)
                .map(JsonNode::asText))
        .containsExactly("ReleaseStock", "CancelOrder");
    assertThat(parked.path("error").asText()).isEqualTo("LocalCloud.InjectedError");
    assertThat(parked.path("tenantId").asText()).isEqualTo("release-fault");
    assertThat(
            api.call("GET", "/orders/" + orderId, tokenOf("release-fault"), null)
                .json()
                .path("status")
                .asText())
        .isEqualTo("PENDING");
    assertThat(available("release-fault", "SKU-1")).isEqualTo(7);
  }

  private DescribeExecutionResponse awaitSagaEnd(String orderId) {
    String arn = view.sagaArn().replace(":stateMachine:", ":execution:") + ":" + orderId;
    DescribeExecutionResponse[] last = new DescribeExecutionResponse[1];
    await()
        .atMost(SAGA)
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsInstanceOf(ExecutionDoesNotExistException.class)
        .until(
            () -> {
              last[0] = view.stepFunctions().describeExecution(b -> b.executionArn(arn));
              return last[0].status() != ExecutionStatus.RUNNING;
            });
    return last[0];
  }

  /** The names of the states the order's saga entered, in order. */
  private List<String> sagaHistory(String orderId) {
    DescribeExecutionResponse execution = awaitSagaEnd(orderId);
    return view
        .stepFunctions()
        .getExecutionHistory(b -> b.executionArn(execution.executionArn()).maxResults(1000))
        .events()
        .stream()
        .filter(e -> e.stateEnteredEventDetails() != null)
        .map(e -> e.stateEnteredEventDetails().name())
        .toList();
  }

  /** The status of the order's charge, if it has one. */
  private java.util.Optional<String> charge(String orderId) {
    return view
        .dynamo()
        .scan(b -> b.tableName(view.tableName("PaymentsTable")).consistentRead(true))
        .items()
        .stream()
        .filter(i -> i.get("sk") != null && "CHARGE".equals(i.get("sk").s()))
        .filter(i -> i.get("orderId") != null && orderId.equals(i.get("orderId").s()))
        .map(i -> i.get("status").s())
        .findFirst();
  }

  private JsonNode compensationDlqMessage(String orderId) {
    String url =
        sqs.getQueueUrl(b -> b.queueName(cloud.template().queues().get("CompensationDlq").name()))
            .queueUrl();
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(SAGA)
        .until(
            () -> {
              for (Message m :
                  sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()) {
                JsonNode body = Api.json(m.body());
                if (orderId.equals(body.path("orderId").asText())) {
                  found[0] = body;
                }
              }
              return found[0] != null;
            });
    return found[0];
  }

  @Test
  void notEnoughStock_cancelsOutOfStockAndHoldsNothing() {
    stock(acme, "SKU-RARE", 2);
    String customer = user(acme, "rare-" + UUID.randomUUID() + "@acme.example");

    String orderId = place(acme, order(customer, "tok_ok", "SKU-RARE", 3));
    JsonNode order = awaitTerminal(acme, orderId);

    assertEnded(order, "CANCELLED", "OUT_OF_STOCK");
    assertThat(available("acme", "SKU-RARE")).isEqualTo(2);
  }

  @Test
  void duplicateDeliveries_startOneSagaAndSendOneMail() {
    stock(acme, "SKU-DUP", 10);
    String customer = user(acme, "dup-" + UUID.randomUUID() + "@acme.example");
    String orderId = place(acme, order(customer, "tok_ok", "SKU-DUP", 1));
    awaitTerminal(acme, orderId);
    await().atMost(SAGA).until(() -> mailsAbout(orderId).size() == 1);
    long sagaStarts = invocations("orderly-dev-start-saga");
    long notifications = invocations("orderly-dev-notification");

    // The outbox relay is at least once: deliver OrderPlaced and OrderConfirmed again, twice each.
    List<String> published = new java.util.ArrayList<>();
    for (var item :
        view.dynamo()
            .scan(b -> b.tableName(view.tableName("OrdersTable")).consistentRead(true))
            .items()) {
      if (item.get("detail") != null && item.get("detail").s().contains(orderId)) {
        for (int copy = 0; copy < 2; copy++) {
          view.publish(item.get("source").s(), item.get("detailType").s(), item.get("detail").s());
          published.add(item.get("detailType").s());
        }
      }
    }
    assertThat(published)
        .containsExactlyInAnyOrder(
            "OrderPlaced", "OrderPlaced", "OrderConfirmed", "OrderConfirmed");

    // Every copy reached its queue, and each consumer took them all off it (processed or skipped
    // as a duplicate) before anything is counted.
    assertThat(cloud.eventBridge().awaitIdle(SAGA)).isTrue();
    await()
        .atMost(SAGA)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                invocations("orderly-dev-start-saga") > sagaStarts
                    && invocations("orderly-dev-notification") > notifications
                    && held("StartSagaQueue") == 0
                    && held("NotificationsQueue") == 0);
    assertThat(
            view
                .stepFunctions()
                .listExecutions(b -> b.stateMachineArn(view.sagaArn()).maxResults(1000))
                .executions()
                .stream()
                .filter(e -> e.name().equals(orderId)))
        .hasSize(1);
    assertThat(mailsAbout(orderId)).hasSize(1);
    assertThat(available("acme", "SKU-DUP")).isEqualTo(9);
  }

  private long invocations(String function) {
    return cloud.lambda().stats(function).invocations();
  }

  /** Messages in the queue, visible or in flight. */
  private long held(String queueLogicalId) {
    String url =
        sqs.getQueueUrl(b -> b.queueName(cloud.template().queues().get(queueLogicalId).name()))
            .queueUrl();
    return sqs
        .getQueueAttributes(
            b ->
                b.queueUrl(url)
                    .attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes()
        .values()
        .stream()
        .mapToLong(Long::parseLong)
        .sum();
  }

  @Test
  void anotherTenant_seesNoneOfIt() {
    stock(acme, "SKU-ISO", 5);
    String customer = user(acme, "iso-" + UUID.randomUUID() + "@acme.example");
    String orderId = place(acme, order(customer, "tok_ok", "SKU-ISO", 1));

    assertThat(api.call("GET", "/orders/" + orderId, globex, null).status()).isEqualTo(404);
    assertThat(api.call("GET", "/users/" + customer, globex, null).status()).isEqualTo(404);
    assertThat(
            api.call("GET", "/orders?limit=100", globex, null)
                .json()
                .path("items")
                .findValuesAsText("orderId"))
        .doesNotContain(orderId);
    assertThat(api.call("GET", "/orders/" + orderId, acme, null).status()).isEqualTo(200);

    // nor can it write to it: a patch of the customer finds nobody, and its own stock of the same
    // SKU is its own
    assertThat(
            api.call(
                    "PATCH",
                    "/users/" + customer,
                    globex,
                    "{\"name\":\"Mallory\"}",
                    "Content-Type",
                    "application/merge-patch+json",
                    "If-Match",
                    "\"1\"")
                .status())
        .isEqualTo(404);
    stock(globex, "SKU-ISO", 99);
    assertThat(available("globex", "SKU-ISO")).isEqualTo(99);
    assertThat(available("acme", "SKU-ISO")).isLessThanOrEqualTo(5);
    assertThat(api.call("GET", "/users/" + customer, acme, null).json().path("name").asText())
        .isNotEqualTo("Mallory");
  }

  @Test
  void idempotencyKey_replaysTheSameRequestAndRefusesAnotherBody() {
    stock(acme, "SKU-IDEM", 5);
    String customer = user(acme, "idem-" + UUID.randomUUID() + "@acme.example");
    String key = UUID.randomUUID().toString();
    String body = order(customer, "tok_ok", "SKU-IDEM", 1);

    Api.Response first = api.call("POST", "/orders", acme, body, "Idempotency-Key", key);
    Api.Response again = api.call("POST", "/orders", acme, body, "Idempotency-Key", key);
    Api.Response other =
        api.call(
            "POST",
            "/orders",
            acme,
            order(customer, "tok_ok", "SKU-IDEM", 2),
            "Idempotency-Key",
            key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().path("orderId").asText())
        .isEqualTo(first.json().path("orderId").asText());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed JSON           | POST  | /orders                 | {\"customerId\": | application/json | 400 | MALFORMED_BODY",
        "no lines                 | POST  | /orders                 | {\"customerId\":\"c\",\"currency\":\"EUR\",\"paymentToken\":\"tok_ok\",\"lines\":[]} | application/json | 400 | VALIDATION_FAILED",
        "not JSON content type    | POST  | /orders                 | hello | text/plain | 415 | UNSUPPORTED_MEDIA_TYPE",
        "JSON null                | POST  | /orders                 | null | application/json | 400 | MALFORMED_BODY",
        "stock not an object      | PUT   | /inventory/SKU-BAD      | [] | application/json | 400 | MALFORMED_BODY",
        "negative stock           | PUT   | /inventory/SKU-BAD      | {\"available\":-1} | application/json | 400 | VALIDATION_FAILED",
        "stock as text            | PUT   | /inventory/SKU-BAD      | {\"available\":\"ten\"} | application/json | 400 | VALIDATION_FAILED",
        "truncated user           | POST  | /users                  | {\"email\": | application/json | 400 | MALFORMED_BODY",
        "not an email             | POST  | /users                  | {\"email\":\"nope\",\"name\":\"x\"} | application/json | 400 | VALIDATION_FAILED",
        "patch without If-Match   | PATCH | /users/u-1              | {\"name\":\"x\"} | application/merge-patch+json | 428 | PRECONDITION_REQUIRED",
        "limit not a number       | GET   | /orders?limit=abc       | '' | application/json | 400 | VALIDATION_FAILED",
        "a cursor it never issued | GET   | /orders?cursor=garbage  | '' | application/json | 400 | INVALID_CURSOR",
        "an order id of nothing   | GET   | /orders/not-an-order    | '' | application/json | 404 | NOT_FOUND",
      })
  void badRequests_areProblemDetailsNeverA500(
      String name, String method, String path, String body, String type, int status, String code) {
    Api.Response r =
        api.call(
            method,
            path,
            acme,
            body.isEmpty() ? null : body,
            "Content-Type",
            type,
            "Idempotency-Key",
            UUID.randomUUID().toString());

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().path("code").asText()).isEqualTo(code);
  }

  @Test
  void anOversizedBody_is413PayloadTooLarge() {
    String body = "{\"customerId\":\"" + "x".repeat(70 * 1024) + "\"}";
    Api.Response r =
        api.call("POST", "/orders", acme, body, "Idempotency-Key", UUID.randomUUID().toString());

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void aBodyOverTheGatewaysQuota_isRefusedBeforeAnyFunctionRuns() {
    long invocations = cloud.lambda().stats("orderly-dev-place-order").invocations();
    String body = "{\"customerId\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

    Api.Response r =
        api.call("POST", "/orders", acme, body, "Idempotency-Key", UUID.randomUUID().toString());

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
    assertThat(cloud.lambda().stats("orderly-dev-place-order").invocations())
        .isEqualTo(invocations);
  }

  @Test
  void noOrABadToken_isUnauthorizedByTheGateway() {
    assertThat(api.call("GET", "/orders", null, null).status()).isEqualTo(401);
    assertThat(api.call("GET", "/orders", acme + "x", null).status()).isEqualTo(401);
  }
}
