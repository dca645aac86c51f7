package dev.orderly.localcloud.mappings;

import static dev.orderly.localcloud.mappings.ScriptedFunction.failing;
import static dev.orderly.localcloud.mappings.ScriptedFunction.ok;
import static dev.orderly.localcloud.mappings.ScriptedFunction.texts;
import static dev.orderly.localcloud.mappings.ScriptedFunction.unhandled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.localcloud.mappings.internal.ShardReader;
import dev.orderly.localcloud.sqs.LocalSqs;
import dev.orderly.localcloud.sqs.QueueSpec;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class StreamEventSourceTest {
  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final String OUTBOX_ONLY =
      "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"type\": {\"S\": [\"OUTBOX\"]}}}}";
  private static DynamoDbEngine engine;
  private static LocalSqs sqs;
  private static DynamoDbClient dynamo;
  private static DynamoDbStreamsClient streams;

  private final ScriptedFunction function = new ScriptedFunction();
  private final List<StreamEventSource> mappings = new ArrayList<>();
  private final Instant now = Instant.now();
  private String table;
  private String streamArn;
  private String dlq;

  @BeforeAll
  static void startEngines() {
    engine = DynamoDbEngine.builder().port(0).region("eu-west-1").accountId("123456789012").build();
    sqs = LocalSqs.start(0, "eu-west-1", "123456789012");
    var credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    dynamo =
        DynamoDbClient.builder()
            .endpointOverride(engine.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
    streams =
        DynamoDbStreamsClient.builder()
            .endpointOverride(engine.endpoint())
            .region(Region.EU_WEST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
  }

  @AfterAll
  static void stopEngines() {
    streams.close();
    dynamo.close();
    sqs.close();
    engine.close();
  }

  @BeforeEach
  void createTable(TestInfo test) {
    table = test.getTestMethod().orElseThrow().getName();
    streamArn =
        dynamo
            .createTable(
                b ->
                    b.tableName(table)
                        .billingMode("PAY_PER_REQUEST")
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
                            KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                            KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build())
                        .streamSpecification(
                            s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
            .tableDescription()
            .latestStreamArn();
    dlq = sqs.createQueue(QueueSpec.standard(table + "-dlq"));
  }

  @AfterEach
  void closeMappings() {
    mappings.forEach(StreamEventSource::close);
  }

  private StreamEventSource start(UnaryOperator<StreamEventSource.Builder> settings) {
    StreamEventSource mapping =
        settings
            .apply(
                StreamEventSource.builder()
                    .streams(streams)
                    .streamArn(streamArn)
                    .function("orderly-dev-outbox-relay", function)
                    .startingPosition(StartingPosition.TRIM_HORIZON)
                    .onFailure(sqs.client(), dlq)
                    .clock(Clock.fixed(now, ZoneOffset.UTC))
                    .requestIds(() -> "request-1")
                    .pollInterval(Duration.ofMillis(50))
                    .retryBackoff(Duration.ZERO))
            .build();
    mappings.add(mapping);
    mapping.start();
    return mapping;
  }

  private void put(String pk, String type) {
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS(pk),
                        "sk", AttributeValue.fromS("E"),
                        "type", AttributeValue.fromS(type))));
  }

  private List<JsonNode> failureRecords() {
    List<Message> messages =
        sqs.client()
            .receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1))
            .messages();
    List<JsonNode> records = new ArrayList<>();
    for (Message message : messages) {
      try {
        records.add(ScriptedFunction.JSON.readTree(message.body()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return records;
  }

  private String shardId() {
    return streams
        .describeStream(b -> b.streamArn(streamArn))
        .streamDescription()
        .shards()
        .get(0)
        .shardId();
  }

  @Test
  void deliversTheDynamodbEventLambdaSends() throws Exception {
    put("p1", "OUTBOX");

    StreamEventSource mapping = start(b -> b);

    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(function.events()).hasSize(1);
    JsonNode record = function.records().get(0);
    assertThat(record.get("eventID").asText()).isNotBlank();
    assertThat(record.get("eventName").asText()).isEqualTo("INSERT");
    assertThat(record.get("eventVersion").asText()).isEqualTo("1.1");
    assertThat(record.get("eventSource").asText()).isEqualTo("aws:dynamodb");
    assertThat(record.get("awsRegion").asText()).isEqualTo("eu-west-1");
    assertThat(record.get("eventSourceARN").asText()).isEqualTo(streamArn);
    JsonNode change = record.get("dynamodb");
    assertThat(change.get("ApproximateCreationDateTime").isNumber()).isTrue();
    assertThat(change.get("Keys").toString())
        .isEqualTo("{\"pk\":{\"S\":\"p1\"},\"sk\":{\"S\":\"E\"}}");
    assertThat(change.at("/NewImage/type/S").asText()).isEqualTo("OUTBOX");
    assertThat(change.has("OldImage")).isFalse();
    assertThat(change.get("SequenceNumber").asText()).containsOnlyDigits();
    assertThat(change.get("SizeBytes").asInt()).isPositive();
    assertThat(change.get("StreamViewType").asText()).isEqualTo("NEW_IMAGE");

    DynamodbEvent event =
        LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
            .fromJson(
                new ByteArrayInputStream(
                    ScriptedFunction.JSON.writeValueAsBytes(function.events().get(0))));
    assertThat(event.getRecords().get(0).getDynamodb().getNewImage().get("type").getS())
        .isEqualTo("OUTBOX");
    assertThat(event.getRecords().get(0).getEventSourceARN()).isEqualTo(streamArn);
  }

  @Test
  void filterCriteriaPassOnlyNewOutboxEntries() {
    put("a", "OUTBOX");
    put("b", "ORDER");
    put("a", "OUTBOX"); // a MODIFY of the same entry
    put("c", "OUTBOX");

    StreamEventSource mapping = start(b -> b.filters(List.of(OUTBOX_ONLY)));

    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(function.records())
        .extracting(r -> r.at("/dynamodb/Keys/pk/S").asText() + ":" + r.get("eventName").asText())
        .containsExactly("a:INSERT", "c:INSERT");
  }

  @Test
  void recordsOfAShardArriveInOrderOneBatchAtATime() {
    for (int i = 0; i < 30; i++) {
      put(String.format("k%02d", i), "OUTBOX");
    }

    StreamEventSource mapping = start(b -> b.batchSize(7));

    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    List<String> keys = new ArrayList<>();
    function.records().forEach(r -> keys.add(r.at("/dynamodb/Keys/pk/S").asText()));
    assertThat(keys).hasSize(30).isSorted();
    assertThat(function.events())
        .allSatisfy(e -> assertThat(e.get("Records").size()).isLessThanOrEqualTo(7));
    assertThat(function.maxRunning()).isEqualTo(1);
    assertThat(mapping.stats()).isEqualTo(new MappingStats(5, 30, 0, 0, 0, 0));
  }

  @Test
  void latestSkipsWhatWasWrittenBeforeTheMappingStarted() {
    put("before", "OUTBOX");
    StreamEventSource mapping = start(b -> b.startingPosition(StartingPosition.LATEST));

    put("after", "OUTBOX");

    await().atMost(BOUND).until(() -> function.records().size() == 1);
    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(function.records())
        .extracting(r -> r.at("/dynamodb/Keys/pk/S").asText())
        .containsExactly("after");
  }

  @Test
  void aBatchThatKeepsFailingIsRetriedThenDescribedToTheOnFailureQueue() {
    put("r1", "OUTBOX");
    put("r2", "OUTBOX");
    put("r3", "OUTBOX");
    function.answer(e -> unhandled());

    StreamEventSource mapping = start(b -> b.maximumRetryAttempts(2));

    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(function.events())
        .hasSize(3)
        .allSatisfy(
            e -> assertThat(texts(e, "/dynamodb/Keys/pk/S")).containsExactly("r1", "r2", "r3"));
    List<String> sequences = texts(function.events().get(0), "/dynamodb/SequenceNumber");
    long created = function.records().get(0).at("/dynamodb/ApproximateCreationDateTime").asLong();
    List<JsonNode> failures = failureRecords();
    assertThat(failures).hasSize(1);
    JsonNode failure = failures.get(0);
    assertThat(failure.get("requestContext").toString())
        .isEqualTo(
            "{\"requestId\":\"request-1\",\"functionArn\":"
                + "\"arn:aws:lambda:eu-west-1:123456789012:function:orderly-dev-outbox-relay\","
                + "\"condition\":\"RetryAttemptsExhausted\",\"approximateInvokeCount\":3}");
    assertThat(failure.get("responseContext").toString())
        .isEqualTo(
            "{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
    assertThat(failure.get("version").asText()).isEqualTo("1.0");
    assertThat(Instant.parse(failure.get("timestamp").asText()))
        .isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    JsonNode info = failure.get("DDBStreamBatchInfo");
    assertThat(info.get("shardId").asText()).isEqualTo(shardId());
    assertThat(info.get("startSequenceNumber").asText()).isEqualTo(sequences.get(0));
    assertThat(info.get("endSequenceNumber").asText()).isEqualTo(sequences.get(2));
    assertThat(info.get("approximateArrivalOfFirstRecord").asText())
        .isEqualTo(Instant.ofEpochSecond(created).toString());
    assertThat(info.get("approximateArrivalOfLastRecord").asText()).endsWith("Z");
    assertThat(info.get("batchSize").asInt()).isEqualTo(3);
    assertThat(info.get("streamArn").asText()).isEqualTo(streamArn);
    assertThat(mapping.stats()).isEqualTo(new MappingStats(3, 9, 3, 2, 3, 3));
  }

  @Test
  void bisectionIsolatesThePoisonRecord() {
    for (String key : List.of("r1", "r2", "poison", "r4")) {
      put(key, "OUTBOX");
    }
    function.answer(
        e -> texts(e, "/dynamodb/Keys/pk/S").contains("poison") ? unhandled() : ok("{}"));

    StreamEventSource mapping = start(b -> b.maximumRetryAttempts(1).bisectOnError(true));

    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    List<List<String>> batches = new ArrayList<>();
    function.events().forEach(e -> batches.add(texts(e, "/dynamodb/Keys/pk/S")));
    assertThat(batches)
        .containsExactly(
            List.of("r1", "r2", "poison", "r4"),
            List.of("r1", "r2"),
            List.of("poison", "r4"),
            List.of("poison"),
            List.of("poison"),
            List.of("r4"));
    JsonNode info = failureRecords().get(0).get("DDBStreamBatchInfo");
    assertThat(info.get("batchSize").asInt()).isEqualTo(1);
    assertThat(info.get("startSequenceNumber").asText())
        .isEqualTo(info.get("endSequenceNumber").asText())
        .isEqualTo(function.events().get(3).at("/Records/0/dynamodb/SequenceNumber").asText());
  }

  @Test
  void reportedFailuresCheckpointBeforeTheFirstFailedRecordAndRetryFromIt() {
    put("r1", "OUTBOX");
    put("r2", "OUTBOX");
    put("r3", "OUTBOX");
    AtomicInteger calls = new AtomicInteger();
    function.answer(
        e -> {
          calls.incrementAndGet();
          List<String> keys = texts(e, "/dynamodb/Keys/pk/S");
          List<String> sequences = texts(e, "/dynamodb/SequenceNumber");
          return failing(List.of(sequences.get(keys.indexOf("r2"))));
        });

    StreamEventSource mapping = start(b -> b.maximumRetryAttempts(2).reportBatchItemFailures(true));

    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    List<List<String>> batches = new ArrayList<>();
    function.events().forEach(e -> batches.add(texts(e, "/dynamodb/Keys/pk/S")));
    assertThat(batches)
        .containsExactly(List.of("r1", "r2", "r3"), List.of("r2", "r3"), List.of("r2", "r3"));
    JsonNode failure = failureRecords().get(0);
    assertThat(failure.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
    assertThat(failure.get("responseContext").has("functionError")).isFalse();
    JsonNode info = failure.get("DDBStreamBatchInfo");
    assertThat(info.get("batchSize").asInt()).isEqualTo(2);
    assertThat(info.get("startSequenceNumber").asText())
        .isEqualTo(function.events().get(1).at("/Records/0/dynamodb/SequenceNumber").asText());
  }

  @Test
  void anInvalidBatchResponseFailsTheWholeBatch() {
    put("r1", "OUTBOX");
    put("r2", "OUTBOX");
    function.answer(e -> failing(List.of("")));

    StreamEventSource mapping = start(b -> b.maximumRetryAttempts(1).reportBatchItemFailures(true));

    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(function.events())
        .hasSize(2)
        .allSatisfy(e -> assertThat(texts(e, "/dynamodb/Keys/pk/S")).containsExactly("r1", "r2"));
    assertThat(failureRecords().get(0).at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(2);
  }

  /**
   * Inserts, modifies, removes and TTL deletions: the engine read directly, and through the SDK.
   */
  @Test
  void engineReaderMatchesTheSdk() {
    dynamo.updateTimeToLive(
        b ->
            b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
    put("a", "OUTBOX");
    put("a", "ORDER");
    dynamo.deleteItem(
        b ->
            b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("E"))));
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        "pk",
                        AttributeValue.fromS("expired"),
                        "sk",
                        AttributeValue.fromS("E"),
                        "expiresAt",
                        AttributeValue.fromN(Long.toString(now.getEpochSecond() - 60)))));
    engine.sweepExpiredItems();
    String shard =
        streams
            .describeStream(b -> b.streamArn(streamArn))
            .streamDescription()
            .shards()
            .get(0)
            .shardId();
    java.util.function.Supplier<String> iterator =
        () ->
            streams
                .getShardIterator(
                    b ->
                        b.streamArn(streamArn)
                            .shardId(shard)
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();

    ShardReader.Page viaSdk = ShardReader.sdk(streams, streamArn).read(iterator.get(), 1000);
    ShardReader.Page viaEngine = ShardReader.engine(engine, streamArn).read(iterator.get(), 1000);

    assertThat(viaEngine.records())
        .extracting(r -> r.path("eventName").asText())
        .containsExactly("INSERT", "MODIFY", "REMOVE", "INSERT", "REMOVE");
    assertThat(viaEngine.records().get(4).path("userIdentity").path("principalId").asText())
        .isEqualTo("dynamodb.amazonaws.com");
    // as the JSON the function receives (one side holds numbers as ints, the other as longs)
    assertThat(viaEngine.records().toString()).isEqualTo(viaSdk.records().toString());
    assertThat(viaEngine.nextShardIterator()).isNotNull();
    assertThatThrownBy(() -> ShardReader.engine(engine, streamArn).read("not-an-iterator", 10))
        .isInstanceOf(software.amazon.awssdk.core.exception.SdkException.class);
  }
}
