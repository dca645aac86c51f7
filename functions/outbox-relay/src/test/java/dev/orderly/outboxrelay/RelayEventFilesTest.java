package dev.orderly.outboxrelay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.config.Environment;
import dev.orderly.outboxrelay.wiring.DaggerRelayComponent;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The relay function on stream events as files (what {@code sam local invoke -e} would pass), as
 * Lambda's serialiser reads them: an outbox insert is published; other items, modifications,
 * removals publish nothing; a stream of a table the function was not given fails.
 */
class RelayEventFilesTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DynamoDbClient dynamo;

  private PutEventsStub bus;
  private RelayHandler handler;

  @BeforeAll
  static void createTable() {
    dynamo = ServiceTables.client(ENGINE.engine().endpoint());
    ServiceTables.create(dynamo, "orderly-orders", false);
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    bus = new PutEventsStub();
    dynamo.putItem(
        b ->
            b.tableName("orderly-orders")
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS("OUTBOX#o-1001"),
                        "sk", AttributeValue.fromS("00000000000000000001"),
                        "status", AttributeValue.fromS("PENDING"))));
    handler =
        new RelayHandler(
            DaggerRelayComponent.builder()
                .environment(
                    Environment.of(
                        Map.ofEntries(
                            Map.entry("AWS_REGION", "us-east-1"),
                            Map.entry("AWS_ACCESS_KEY_ID", "local"),
                            Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                            Map.entry("AWS_ENDPOINT_URL", ENGINE.engine().endpoint().toString()),
                            Map.entry("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString()),
                            Map.entry("EVENT_BUS_NAME", "orderly-bus"),
                            Map.entry("ORDERS_TABLE", "orderly-orders"),
                            Map.entry("INVENTORY_TABLE", "orderly-inventory"),
                            Map.entry("PAYMENTS_TABLE", "orderly-payments"),
                            Map.entry("USERS_TABLE", "orderly-users"))))
                .clock(Clock.fixed(Instant.parse("2026-05-01T10:00:01Z"), ZoneOffset.UTC))
                .build());
  }

  @AfterEach
  void tearDown() {
    bus.close();
  }

  private static DynamodbEvent load(String file) {
    return EventLoader.loadDynamoDbEvent("events/" + file);
  }

  private String status() {
    return dynamo
        .getItem(
            b ->
                b.tableName("orderly-orders")
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("OUTBOX#o-1001"),
                            "sk", AttributeValue.fromS("00000000000000000001"))))
        .item()
        .get("status")
        .s();
  }

  @Test
  void outboxInsert_isPublishedWithItsEnvelope_andTheOrderItemIsNot() throws IOException {
    StreamsEventResponse response =
        handler.handleRequest(load("dynamodb_outbox-insert.json"), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(bus.calls()).hasSize(1);
    JsonNode entry = bus.calls().get(0).path("Entries").get(0);
    assertThat(bus.calls().get(0).path("Entries")).hasSize(1);
    assertThat(entry.path("EventBusName").asText()).isEqualTo("orderly-bus");
    assertThat(entry.path("Source").asText()).isEqualTo("orderly.orders");
    assertThat(entry.path("DetailType").asText()).isEqualTo("OrderPlaced");
    JsonNode detail = JSON.readTree(entry.path("Detail").asText());
    assertThat(detail.path("metadata").path("eventId").asText()).isEqualTo("ev-placed-1001");
    assertThat(detail.path("metadata").path("correlationId").asText()).isEqualTo("corr-1001");
    assertThat(detail.path("data").path("total").asLong()).isEqualTo(2500);
    assertThat(status()).isEqualTo("PUBLISHED");
  }

  @Test
  void modificationsRemovalsAndOtherItems_publishNothing() {
    StreamsEventResponse response =
        handler.handleRequest(load("dynamodb_other-records.json"), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(bus.calls()).isEmpty();
    assertThat(status()).isEqualTo("PENDING");
  }

  @Test
  void streamOfAnotherTable_failsNamingIt() {
    DynamodbEvent stranger = load("dynamodb_unknown-table.json");

    assertThatThrownBy(() -> handler.handleRequest(stranger, null))
        .isInstanceOf(UnknownStreamException.class)
        .hasMessageContaining("orderly-stranger");
    assertThat(bus.calls()).isEmpty();
  }
}
