package dev.orderly.localcloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The three rules of template.yaml on the orderly bus, driven through the SDK's EventBridgeClient,
 * observed in ElasticMQ queues.
 */
class TemplateRoutingTest {
  private static final String BUS = "orderly-test";
  private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.250Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger RUN = new AtomicInteger();
  private static LocalSqs sqs;

  private LocalEventBridge bridge;
  private EventBridgeClient events;
  private String prefix;

  @BeforeAll
  static void startSqs() {
    sqs = new LocalSqs();
  }

  @AfterAll
  static void stopSqs() {
    sqs.close();
  }

  @BeforeEach
  void start() {
    prefix = "run" + RUN.incrementAndGet() + "-";
    AtomicInteger ids = new AtomicInteger();
    bridge =
        LocalEventBridge.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .ids(() -> "event-" + ids.incrementAndGet())
            .sqs(sqs.sqs)
            .queueUrls(sqs::url)
            .build();
    bridge.createBus(BUS);
    for (String queue :
        List.of("StartSagaQueue", "NotificationsQueue", "OrderViewsQueue", "EventDeliveryDlq")) {
      sqs.queue(prefix + queue);
    }
    TemplateRules.rules(BUS, logicalId -> LocalSqs.arn(prefix + logicalId))
        .forEach(bridge::putRule);
    events = LocalSqs.events(bridge.start());
  }

  @AfterEach
  void stop() {
    events.close();
    bridge.close();
  }

  private PutEventsResponse put(String source, String detailType, String detail) {
    PutEventsResponse response =
        events.putEvents(
            b ->
                b.entries(
                    PutEventsRequestEntry.builder()
                        .eventBusName(BUS)
                        .source(source)
                        .detailType(detailType)
                        .detail(detail)
                        .build()));
    assertThat(bridge.awaitIdle(Duration.ofSeconds(10))).isTrue();
    return response;
  }

  private List<String> received(String logicalId) {
    return sqs.drain(LocalSqs.arn(prefix + logicalId)).stream().map(Message::body).toList();
  }

  private Map<String, Integer> counts() {
    return Map.of(
        "StartSagaQueue", received("StartSagaQueue").size(),
        "NotificationsQueue", received("NotificationsQueue").size(),
        "OrderViewsQueue", received("OrderViewsQueue").size(),
        "EventDeliveryDlq", received("EventDeliveryDlq").size());
  }

  @Test
  void aBurstToOneQueue_arrivesWhole_eachEventOnce() throws Exception {
    List<PutEventsRequestEntry> entries = new java.util.ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      entries.add(
          PutEventsRequestEntry.builder()
              .eventBusName(BUS)
              .source("orderly.orders")
              .detailType("OrderPlaced")
              .detail("{\"orderId\":\"o-" + i + "\"}")
              .build());
    }
    for (int call = 0; call < 4; call++) {
      assertThat(events.putEvents(b -> b.entries(entries)).failedEntryCount()).isZero();
    }
    assertThat(bridge.awaitIdle(Duration.ofSeconds(20))).isTrue();

    for (String queue : List.of("StartSagaQueue", "OrderViewsQueue")) {
      List<String> ids = new java.util.ArrayList<>();
      for (String body : received(queue)) {
        ids.add(JSON.readTree(body).path("id").asText());
      }
      assertThat(ids).as(queue).hasSize(40).doesNotHaveDuplicates();
    }
    assertThat(bridge.stats().delivered()).isEqualTo(80);
    assertThat(received("EventDeliveryDlq")).isEmpty();
  }

  @Test
  void templateHasTheThreeRules() {
    assertThat(TemplateRules.rules(BUS, id -> LocalSqs.arn(id)))
        .extracting(RuleSpec::name)
        .containsExactlyInAnyOrder(
            "OrderPlacedRule", "NotificationEventsRule", "OrderViewEventsRule");
  }

  @Test
  void orderPlaced_startsTheSagaAndFeedsTheViews_asTheFullEnvelope() throws Exception {
    PutEventsResponse response = put("orderly.orders", "OrderPlaced", "{\"orderId\":\"o-1\"}");

    assertThat(response.failedEntryCount()).isZero();
    assertThat(response.entries().get(0).eventId()).isEqualTo("event-1");
    List<String> saga = received("StartSagaQueue");
    assertThat(saga).hasSize(1);
    JsonNode event = JSON.readTree(saga.get(0));
    assertThat(event.toString())
        .isEqualTo(
            "{\"version\":\"0\",\"id\":\"event-1\",\"detail-type\":\"OrderPlaced\","
                + "\"source\":\"orderly.orders\",\"account\":\"000000000000\","
                + "\"time\":\"2025-03-01T10:15:30Z\",\"region\":\"us-east-1\",\"resources\":[],"
                + "\"detail\":{\"orderId\":\"o-1\"}}");
    assertThat(received("OrderViewsQueue")).containsExactly(saga.get(0));
    assertThat(received("NotificationsQueue")).isEmpty();
    assertThat(bridge.stats().matched()).isEqualTo(2);
    assertThat(bridge.stats().delivered()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource({
    "orderly.users,  UserRegistered, 0, 1, 1",
    "orderly.orders, OrderConfirmed, 0, 1, 1",
    "orderly.orders, OrderCancelled, 0, 1, 1",
    "orderly.orders, OrderShipped,   0, 0, 1",
    "orderly.users,  UserDeleted,    0, 0, 1",
    "orderly.users,  OrderConfirmed, 0, 0, 1",
    "orderly.payments, OrderConfirmed, 0, 0, 0",
    "orderly.payments, PaymentCaptured, 0, 0, 0"
  })
  void eventsReachTheQueuesTheirRulesName(
      String source, String detailType, int saga, int notifications, int views) {
    put(source, detailType, "{\"orderId\":\"o-2\"}");

    assertThat(counts())
        .containsEntry("StartSagaQueue", saga)
        .containsEntry("NotificationsQueue", notifications)
        .containsEntry("OrderViewsQueue", views)
        .containsEntry("EventDeliveryDlq", 0);
  }

  @Test
  void nonMatchingEvent_goesNowhere_andIsCountedUnmatched() {
    put("orderly.payments", "PaymentCaptured", "{}");

    assertThat(counts().values()).containsOnly(0);
    assertThat(bridge.stats().unmatched()).isEqualTo(1);
    assertThat(bridge.stats().matched()).isZero();
  }

  @Test
  void eventOnTheDefaultBus_doesNotMeetTheOrderlyBusRules() {
    events.putEvents(
        b ->
            b.entries(
                PutEventsRequestEntry.builder()
                    .source("orderly.orders")
                    .detailType("OrderPlaced")
                    .detail("{}")
                    .build()));
    assertThat(bridge.awaitIdle(Duration.ofSeconds(10))).isTrue();

    assertThat(counts().values()).containsOnly(0);
  }

  @Test
  void sdkTimeAndResources_areKeptInTheEnvelope() throws Exception {
    events.putEvents(
        b ->
            b.entries(
                PutEventsRequestEntry.builder()
                    .eventBusName("arn:aws:events:us-east-1:000000000000:event-bus/" + BUS)
                    .source("orderly.orders")
                    .detailType("OrderPlaced")
                    .detail("{\"n\":1}")
                    .time(Instant.parse("2024-12-31T23:59:59Z"))
                    .resources("arn:aws:dynamodb:us-east-1:000000000000:table/orders")
                    .build()));
    assertThat(bridge.awaitIdle(Duration.ofSeconds(10))).isTrue();

    JsonNode event = JSON.readTree(received("StartSagaQueue").get(0));
    assertThat(event.get("time").asText()).isEqualTo("2024-12-31T23:59:59Z");
    assertThat(event.get("resources").get(0).asText())
        .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
  }
}
