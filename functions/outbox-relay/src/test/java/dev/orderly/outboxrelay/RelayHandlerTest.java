package dev.orderly.outboxrelay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.config.Environment;
import dev.orderly.outbox.EventEnvelope;
import dev.orderly.outbox.OutboxEntry;
import dev.orderly.outbox.OutboxTable;
import dev.orderly.outboxrelay.wiring.DaggerRelayComponent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The relay function end to end: services' tables on the engine with their streams, outbox entries
 * written with {@link OutboxTable} in the business transaction, the stream read back as Lambda
 * hands it over, the real Dagger component, and PutEvents answered by a stub on loopback.
 */
class RelayHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static DynamoDbClient dynamo;
  private static DynamoDbStreamsClient streams;

  private PutEventsStub bus;
  private String orders;
  private String users;
  private RelayHandler handler;

  @BeforeAll
  static void connect() {
    dynamo = ServiceTables.client(ENGINE.engine().endpoint());
    streams = ServiceTables.streams(ENGINE.engine().endpoint());
  }

  @AfterAll
  static void close() {
    streams.close();
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    bus = new PutEventsStub();
    orders = createTable("orders");
    users = createTable("users");
    handler = handler(bus.endpoint());
  }

  @AfterEach
  void tearDown() {
    bus.close();
  }

  private RelayHandler handler(URI eventBridge) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_ENDPOINT_URL", ENGINE.engine().endpoint().toString());
    env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventBridge.toString());
    env.put("EVENT_BUS_NAME", "orderly-bus");
    env.put("ORDERS_TABLE", orders);
    env.put("INVENTORY_TABLE", "inventory-unused");
    env.put("PAYMENTS_TABLE", "payments-unused");
    env.put("USERS_TABLE", users);
    env.put("RELAY_MAX_ATTEMPTS", "2");
    env.put("RELAY_BACKOFF_BASE_MS", "0");
    env.put("RELAY_BACKOFF_CAP_MS", "0");
    return new RelayHandler(
        DaggerRelayComponent.builder()
            .environment(Environment.of(env))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());
  }

  private static String createTable(String service) {
    String name = service + "-" + TABLES.incrementAndGet();
    ServiceTables.create(dynamo, name, true);
    return name;
  }

  private static StreamBatches stream(String table) {
    return new StreamBatches(
        streams, dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn());
  }

  private static OutboxEntry entry(String source, String type, String aggregate, long sequence) {
    return new OutboxEntry(
        aggregate,
        sequence,
        new EventEnvelope(
            source,
            type,
            aggregate + "@" + sequence,
            "tenant-a",
            "corr-" + aggregate,
            NOW,
            1,
            JsonNodeFactory.instance.objectNode().put("id", aggregate).put("version", sequence)));
  }

  /** A business item and its outbox entries, in one transaction, as a service writes them. */
  private static void commit(String table, String businessKey, OutboxEntry... entries) {
    OutboxTable outbox = new OutboxTable(table);
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .put(
                Put.builder()
                    .tableName(table)
                    .item(
                        Map.of(
                            "pk", AttributeValue.fromS(businessKey),
                            "sk", AttributeValue.fromS("ITEM")))
                    .build())
            .build());
    for (OutboxEntry entry : entries) {
      items.add(outbox.put(entry, NOW));
    }
    dynamo.transactWriteItems(b -> b.transactItems(items));
  }

  private static Map<String, AttributeValue> outboxItem(String table, String aggregate, long seq) {
    return dynamo
        .getItem(
            b ->
                b.tableName(table)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("OUTBOX#" + aggregate),
                            "sk", AttributeValue.fromS(String.format("%020d", seq)))))
        .item();
  }

  private static List<String> failures(StreamsEventResponse response) {
    return response.getBatchItemFailures().stream()
        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  @Test
  void entriesOfTheOrdersTable_arePublishedToTheBusInOrderAndMarkedPublished() {
    StreamBatches stream = stream(orders);
    commit(
        orders,
        "T#tenant-a#ORDER#o1",
        entry("orderly.orders", "OrderPlaced", "o1", 1),
        entry("orderly.orders", "OrderConfirmed", "o1", 2));

    StreamsEventResponse response = handler.handleRequest(stream.next(), null);

    assertThat(failures(response)).isEmpty();
    assertThat(bus.sent()).containsExactly("o1@1", "o1@2");
    JsonNode first = bus.calls().get(0).path("Entries").get(0);
    assertThat(first.path("EventBusName").asText()).isEqualTo("orderly-bus");
    assertThat(first.path("Source").asText()).isEqualTo("orderly.orders");
    assertThat(first.path("DetailType").asText()).isEqualTo("OrderPlaced");
    assertThat(first.path("Detail").asText())
        .isEqualTo(entry("orderly.orders", "OrderPlaced", "o1", 1).event().detailJson());
    Map<String, AttributeValue> marked = outboxItem(orders, "o1", 2);
    assertThat(marked.get("status").s()).isEqualTo("PUBLISHED");
    assertThat(marked.get("expiresAt").n())
        .isEqualTo(Long.toString(NOW.plus(Duration.ofHours(24)).getEpochSecond()));
  }

  @Test
  void theUsersTablesStream_isServedByTheSameFunction() {
    StreamBatches stream = stream(users);
    commit(users, "T#tenant-a#USER#u1", entry("orderly.users", "UserRegistered", "u1", 1));

    assertThat(failures(handler.handleRequest(stream.next(), null))).isEmpty();

    assertThat(bus.sent()).containsExactly("u1@1");
    assertThat(outboxItem(users, "u1", 1).get("status").s()).isEqualTo("PUBLISHED");
  }

  @Test
  void otherItemsOfTheTableAndTheRelaysOwnMarks_publishNothing() {
    StreamBatches stream = stream(orders);
    commit(orders, "T#tenant-a#ORDER#o1");
    commit(orders, "T#tenant-a#ORDER#o2", entry("orderly.orders", "OrderPlaced", "o2", 1));
    handler.handleRequest(stream.next(), null);
    int publishedBefore = bus.sent().size();

    DynamodbEvent marks = stream.next();

    assertThat(marks.getRecords()).extracting(r -> r.getEventName()).containsOnly("MODIFY");
    assertThat(failures(handler.handleRequest(marks, null))).isEmpty();
    assertThat(bus.sent()).hasSize(publishedBefore).containsExactly("o2@1");
  }

  @Test
  void entryFailingEveryAttempt_isReportedAndStopsOnlyItsAggregate() {
    StreamBatches stream = stream(orders);
    commit(
        orders,
        "T#tenant-a#ORDER#o1",
        entry("orderly.orders", "OrderPlaced", "o1", 1),
        entry("orderly.orders", "OrderConfirmed", "o1", 2));
    commit(orders, "T#tenant-a#ORDER#o2", entry("orderly.orders", "OrderPlaced", "o2", 1));
    bus.fail("o1@1", 5);
    DynamodbEvent batch = stream.next();
    String o1First =
        batch.getRecords().stream()
            .filter(r -> r.getDynamodb().getKeys().get("pk").getS().equals("OUTBOX#o1"))
            .findFirst()
            .orElseThrow()
            .getDynamodb()
            .getSequenceNumber();

    StreamsEventResponse response = handler.handleRequest(batch, null);

    assertThat(failures(response)).containsExactly(o1First);
    assertThat(bus.sent()).containsExactly("o1@1", "o2@1", "o1@1");
    assertThat(outboxItem(orders, "o1", 1).get("status").s()).isEqualTo("PENDING");
    assertThat(outboxItem(orders, "o1", 2).get("status").s()).isEqualTo("PENDING");
    assertThat(outboxItem(orders, "o2", 1).get("status").s()).isEqualTo("PUBLISHED");
  }

  @Test
  void entryFailingOnce_isRetriedAloneAndTheBatchSucceeds() {
    StreamBatches stream = stream(orders);
    commit(orders, "T#tenant-a#ORDER#o1", entry("orderly.orders", "OrderPlaced", "o1", 1));
    commit(orders, "T#tenant-a#ORDER#o2", entry("orderly.orders", "OrderPlaced", "o2", 1));
    bus.fail("o2@1", 1);

    StreamsEventResponse response = handler.handleRequest(stream.next(), null);

    assertThat(failures(response)).isEmpty();
    assertThat(bus.calls()).hasSize(2);
    assertThat(bus.sent()).containsExactly("o1@1", "o2@1", "o2@1");
    assertThat(outboxItem(orders, "o2", 1).get("status").s()).isEqualTo("PUBLISHED");
  }

  @Test
  void redeliveredBatch_publishesTheSameEventIdsAgain_forConsumersToDeduplicate() {
    StreamBatches stream = stream(orders);
    commit(orders, "T#tenant-a#ORDER#o1", entry("orderly.orders", "OrderPlaced", "o1", 1));
    DynamodbEvent batch = stream.next();

    handler.handleRequest(batch, null);
    handler.handleRequest(batch, null);

    assertThat(bus.sent()).containsExactly("o1@1", "o1@1");
    assertThat(bus.calls().get(0).path("Entries").get(0).path("Detail"))
        .isEqualTo(bus.calls().get(1).path("Entries").get(0).path("Detail"));
  }

  @Test
  void streamOfATableItWasNotGiven_failsTheInvocation() {
    String stranger = createTable("stranger");
    StreamBatches stream = stream(stranger);
    commit(stranger, "T#tenant-a#X#1", entry("orderly.orders", "OrderPlaced", "x1", 1));

    DynamodbEvent batch = stream.next();
    assertThatThrownBy(() -> handler.handleRequest(batch, null))
        .isInstanceOf(UnknownStreamException.class)
        .hasMessageContaining(stranger);
    assertThat(bus.calls()).isEmpty();
  }

  @Test
  void unreachableBus_failsTheInvocationSoLambdaRetriesTheBatch() {
    StreamBatches stream = stream(orders);
    commit(orders, "T#tenant-a#ORDER#o1", entry("orderly.orders", "OrderPlaced", "o1", 1));
    URI closed = bus.endpoint();
    bus.close();
    RelayHandler cutOff = handler(closed);

    DynamodbEvent batch = stream.next();
    assertThatThrownBy(() -> cutOff.handleRequest(batch, null))
        .isInstanceOf(software.amazon.awssdk.core.exception.SdkException.class);
    assertThat(outboxItem(orders, "o1", 1).get("status").s()).isEqualTo("PENDING");
  }

  @Test
  void emptyBatch_reportsNothing() {
    DynamodbEvent empty = new DynamodbEvent();
    empty.setRecords(List.of());

    assertThat(failures(handler.handleRequest(empty, null))).isEmpty();
    assertThat(bus.calls()).isEmpty();
  }
}
