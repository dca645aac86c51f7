package dev.orderly.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The outbox end to end against the engine: business item and outbox entries in one transaction,
 * the table's real stream read through the Streams API, the relay publishing to a scripted
 * publisher that fails chosen entries.
 */
class OutboxRelayTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private DynamoDbClient dynamo;
  private DynamoDbStreamsClient streams;
  private OutboxTable outbox;
  private ScriptedPublisher publisher;
  private String iterator;
  private int tableNumber;

  /** Publishes by recording; fails an event the given number of times first. */
  static final class ScriptedPublisher implements EventPublisher {
    final List<List<String>> calls = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    final Map<String, Integer> failures = new HashMap<>();

    @Override
    public List<String> publish(List<OutboxEntry> entries) {
      List<String> call = new ArrayList<>();
      List<String> results = new ArrayList<>();
      for (OutboxEntry entry : entries) {
        String id = entry.event().eventId();
        call.add(id);
        int left = failures.getOrDefault(id, 0);
        if (left > 0) {
          failures.put(id, left - 1);
          results.add("InternalFailure");
        } else {
          published.add(id);
          results.add(null);
        }
      }
      calls.add(call);
      return results;
    }
  }

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private static DynamoDbClientBuilder dynamoClient() {
    return DynamoDbClient.builder()
        .endpointOverride(ENGINE.engine().endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.builder().build());
  }

  @BeforeEach
  void setUp() {
    dynamo = dynamoClient().build();
    streams =
        DynamoDbStreamsClient.builder()
            .endpointOverride(ENGINE.engine().endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
    String name = "orders_" + System.identityHashCode(this) + "_" + tableNumber++;
    dynamo.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName("sk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    outbox = new OutboxTable(name);
    publisher = new ScriptedPublisher();
    String arn = dynamo.describeTable(b -> b.tableName(name)).table().latestStreamArn();
    String shard =
        streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
    iterator =
        streams
            .getShardIterator(
                b ->
                    b.streamArn(arn)
                        .shardId(shard)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
  }

  @AfterEach
  void tearDown() {
    streams.close();
    dynamo.close();
  }

  private static OutboxEntry entry(String aggregate, long sequence) {
    return new OutboxEntry(
        aggregate,
        sequence,
        new EventEnvelope(
            "orderly.orders",
            "OrderPlaced",
            aggregate + "#" + sequence,
            "tenant-a",
            "corr-" + aggregate,
            NOW,
            1,
            JsonNodeFactory.instance.objectNode().put("orderId", aggregate)));
  }

  private void commit(String aggregate, OutboxEntry... entries) {
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(
        TransactWriteItem.builder()
            .put(
                Put.builder()
                    .tableName(outbox.name())
                    .item(
                        Map.of(
                            "pk",
                            AttributeValue.fromS("ORDER#" + aggregate),
                            "sk",
                            AttributeValue.fromS("ORDER")))
                    .build())
            .build());
    for (OutboxEntry entry : entries) {
      items.add(outbox.put(entry, NOW));
    }
    dynamo.transactWriteItems(b -> b.transactItems(items));
  }

  private DynamodbEvent streamBatch() {
    return StreamEvents.toLambdaEvent(streams.getRecords(b -> b.shardIterator(iterator)).records());
  }

  private OutboxRelay relay(int maxAttempts, List<Integer> pauses) {
    return new OutboxRelay(
        publisher, dynamo, outbox, CLOCK, maxAttempts, pauses::add, Duration.ofDays(7));
  }

  @Test
  void entriesCommittedWithTheBusinessWrite_arePublishedInOrderAndMarked() {
    commit("o1", entry("o1", 1), entry("o1", 2));
    commit("o2", entry("o2", 1));

    StreamsEventResponse response = relay(3, new ArrayList<>()).relay(streamBatch());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(publisher.published).containsExactly("o1#1", "o2#1", "o1#2");
    Map<String, AttributeValue> marked =
        dynamo.getItem(b -> b.tableName(outbox.name()).key(OutboxTable.key("o1", 2))).item();
    assertThat(marked.get("status").s()).isEqualTo("PUBLISHED");
    assertThat(marked.get("expiresAt").n())
        .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(7)).getEpochSecond()));
  }

  @Test
  void marksOnAPool_haveAllLandedWhenTheBatchAnswers() {
    for (int i = 1; i <= 25; i++) {
      commit("agg-" + i, entry("agg-" + i, 1));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      StreamsEventResponse response =
          new OutboxRelay(
                  publisher,
                  dynamo,
                  outbox,
                  CLOCK,
                  3,
                  new ArrayList<Integer>()::add,
                  Duration.ofDays(7),
                  pool)
              .relay(streamBatch());

      assertThat(response.getBatchItemFailures()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    for (int i = 1; i <= 25; i++) {
      String aggregate = "agg-" + i;
      assertThat(
              dynamo
                  .getItem(b -> b.tableName(outbox.name()).key(OutboxTable.key(aggregate, 1)))
                  .item()
                  .get("status")
                  .s())
          .as(aggregate)
          .isEqualTo("PUBLISHED");
    }
  }

  @Test
  void aMarkThatFails_failsTheBatch_soItsRetryRepublishes() {
    commit("o1", entry("o1", 1));
    DynamoDbClient noRetries =
        dynamoClient()
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    OutboxRelay relay =
        new OutboxRelay(
            publisher,
            noRetries,
            outbox,
            CLOCK,
            3,
            new ArrayList<Integer>()::add,
            Duration.ofDays(7));
    DynamodbEvent batch = streamBatch();
    ENGINE.engine().loseResponses("UpdateItem", 100);
    try {
      assertThatThrownBy(() -> relay.relay(batch)).isInstanceOf(SdkClientException.class);
    } finally {
      noRetries.close();
      ENGINE.engine().loseResponses("UpdateItem", 0);
    }
    assertThat(publisher.published).containsExactly("o1#1");
  }

  @Test
  void everyCall_carriesAtMostOneEntryPerAggregate() {
    commit("o1", entry("o1", 1), entry("o1", 2), entry("o1", 3));

    relay(3, new ArrayList<>()).relay(streamBatch());

    assertThat(publisher.calls).containsExactly(List.of("o1#1"), List.of("o1#2"), List.of("o1#3"));
  }

  @Test
  void transientFailure_retriesOnlyTheFailedEntry() {
    commit("o1", entry("o1", 1));
    commit("o2", entry("o2", 1));
    publisher.failures.put("o2#1", 1);
    List<Integer> pauses = new ArrayList<>();

    StreamsEventResponse response = relay(3, pauses).relay(streamBatch());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(publisher.calls).containsExactly(List.of("o1#1", "o2#1"), List.of("o2#1"));
    assertThat(pauses).containsExactly(1);
  }

  @Test
  void persistentFailure_stopsThatAggregateAndReportsItsRecordForRetry() {
    commit("o1", entry("o1", 1), entry("o1", 2));
    commit("o2", entry("o2", 1));
    publisher.failures.put("o1#1", 10);
    DynamodbEvent batch = streamBatch();
    String firstOutboxRecord = batch.getRecords().get(1).getDynamodb().getSequenceNumber();

    StreamsEventResponse response = relay(3, new ArrayList<>()).relay(batch);

    assertThat(publisher.published).containsExactly("o2#1");
    assertThat(publisher.calls.stream().filter(c -> c.contains("o1#1"))).hasSize(3);
    assertThat(publisher.calls.stream().flatMap(List::stream)).doesNotContain("o1#2");
    assertThat(response.getBatchItemFailures())
        .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(firstOutboxRecord);
  }

  @Test
  void secondWriterAtTheSamePosition_failsItsWholeTransaction() {
    commit("o1", entry("o1", 1));

    assertThatThrownBy(() -> commit("o1", entry("o1", 1)))
        .isInstanceOf(TransactionCanceledException.class);
  }
}
