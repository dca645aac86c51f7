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
  }

  @AfterAll
  void stop() {
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
              last[0] = api.call("GET", "/orders/" + orderId, token, null).json();
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

    assertThat(order.path("status").asText()).isEqualTo(status);
    assertThat(order.path("cancellation").path("code").asText()).isEqualTo(reason);
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

  @Test
  void notEnoughStock_cancelsOutOfStockAndHoldsNothing() {
    stock(acme, "SKU-RARE", 2);
    String customer = user(acme, "rare-" + UUID.randomUUID() + "@acme.example");

    String orderId = place(acme, order(customer, "tok_ok", "SKU-RARE", 3));
    JsonNode order = awaitTerminal(acme, orderId);

    assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(order.path("cancellation").path("code").asText()).isEqualTo("OUT_OF_STOCK");
    assertThat(available("acme", "SKU-RARE")).isEqualTo(2);
  }

  @Test
  void duplicateDeliveries_startOneSagaAndSendOneMail() {
    stock(acme, "SKU-DUP", 10);
    String customer = user(acme, "dup-" + UUID.randomUUID() + "@acme.example");
    String orderId = place(acme, order(customer, "tok_ok", "SKU-DUP", 1));
    awaitTerminal(acme, orderId);

    // The outbox relay is at least once: deliver OrderPlaced and OrderConfirmed again.
    for (var item :
        view.dynamo()
            .scan(b -> b.tableName(view.tableName("OrdersTable")).consistentRead(true))
            .items()) {
      if (item.get("detail") != null && item.get("detail").s().contains(orderId)) {
        view.publish(item.get("source").s(), item.get("detailType").s(), item.get("detail").s());
        view.publish(item.get("source").s(), item.get("detailType").s(), item.get("detail").s());
      }
    }

    await()
        .pollDelay(Duration.ofSeconds(2))
        .atMost(SAGA)
        .untilAsserted(
            () -> {
              assertThat(
                      view
                          .stepFunctions()
                          .listExecutions(b -> b.stateMachineArn(view.sagaArn()).maxResults(1000))
                          .executions()
                          .stream()
                          .filter(e -> e.name().equals(orderId)))
                  .hasSize(1);
              assertThat(mailsAbout(orderId)).hasSize(1);
            });
    assertThat(available("acme", "SKU-DUP")).isEqualTo(9);
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
        "malformed JSON          | {\"customerId\": | application/json | 400 | MALFORMED_BODY",
        "no lines                | {\"customerId\":\"c\",\"currency\":\"EUR\",\"paymentToken\":\"tok_ok\",\"lines\":[]} | application/json | 400 | VALIDATION_FAILED",
        "not JSON content type   | hello | text/plain | 415 | UNSUPPORTED_MEDIA_TYPE",
      })
  void badRequests_areProblemDetailsNeverA500(
      String name, String body, String type, int status, String code) {
    Api.Response r =
        api.call(
            "POST",
            "/orders",
            acme,
            body,
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
    assertThat(r.json().path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void noOrABadToken_isUnauthorizedByTheGateway() {
    assertThat(api.call("GET", "/orders", null, null).status()).isEqualTo(401);
    assertThat(api.call("GET", "/orders", acme + "x", null).status()).isEqualTo(401);
  }
}
