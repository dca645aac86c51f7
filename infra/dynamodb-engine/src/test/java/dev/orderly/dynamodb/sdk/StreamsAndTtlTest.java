package dev.orderly.dynamodb.sdk;

import static dev.orderly.dynamodb.sdk.Tables.key;
import static dev.orderly.dynamodb.sdk.Tables.n;
import static dev.orderly.dynamodb.sdk.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams and TTL through the SDK. dynalite has neither, so the expectations come from the
 * DynamoDB Developer Guide: "Change data capture for DynamoDB Streams" (INSERT / MODIFY / REMOVE
 * records, images per StreamViewType, iterators valid 15 minutes) and "Working with time to live"
 * (expired items are deleted by a background process; the deletion appears in the stream with
 * userIdentity type Service and principalId dynamodb.amazonaws.com; items whose TTL is more than
 * five years in the past are not deleted).
 */
class StreamsAndTtlTest {
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private MutableClock clock;
  private DynamoDbEngine engine;
  private DynamoDbClient dynamo;
  private DynamoDbStreamsClient streams;

  @BeforeEach
  void start() {
    clock = new MutableClock(START);
    engine = DynamoDbEngine.builder().clock(clock).build();
    dynamo = Clients.dynamo(engine.endpoint());
    streams = Clients.streams(engine.endpoint());
  }

  @AfterEach
  void stop() {
    streams.close();
    dynamo.close();
    engine.close();
  }

  private String iterator(String table, ShardIteratorType type) {
    DescribeTableResponse table1 = dynamo.describeTable(b -> b.tableName(table));
    String arn = table1.table().latestStreamArn();
    String shard =
        streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
    return streams
        .getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(type))
        .shardIterator();
  }

  @Test
  void stream_reportsInsertModifyRemoveWithBothImages() {
    Tables.create(dynamo, "orders", StreamViewType.NEW_AND_OLD_IMAGES);
    String iterator = iterator("orders", ShardIteratorType.TRIM_HORIZON);

    dynamo.putItem(b -> b.tableName("orders").item(Map.of("pk", s("o1"), "v", n(1))));
    dynamo.updateItem(
        b ->
            b.tableName("orders")
                .key(key("o1"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n(2))));
    dynamo.deleteItem(b -> b.tableName("orders").key(key("o1")));

    List<Record> records = streams.getRecords(b -> b.shardIterator(iterator)).records();
    assertThat(records)
        .extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
    assertThat(records.get(0).dynamodb().newImage()).containsEntry("v", n(1));
    assertThat(records.get(0).dynamodb().oldImage()).isEmpty();
    assertThat(records.get(1).dynamodb().oldImage()).containsEntry("v", n(1));
    assertThat(records.get(1).dynamodb().newImage()).containsEntry("v", n(2));
    assertThat(records.get(2).dynamodb().keys()).isEqualTo(key("o1"));
    assertThat(records.get(2).dynamodb().oldImage()).containsEntry("v", n(2));
    assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted();
  }

  @Test
  void stream_keysOnlyViewCarriesNoImages() {
    Tables.create(dynamo, "keys", StreamViewType.KEYS_ONLY);
    String iterator = iterator("keys", ShardIteratorType.TRIM_HORIZON);

    dynamo.putItem(b -> b.tableName("keys").item(Map.of("pk", s("k"), "v", n(1))));

    Record record = streams.getRecords(b -> b.shardIterator(iterator)).records().get(0);
    assertThat(record.dynamodb().keys()).isEqualTo(key("k"));
    assertThat(record.dynamodb().hasNewImage()).isFalse();
    assertThat(record.dynamodb().hasOldImage()).isFalse();
  }

  @Test
  void stream_latestIteratorSeesOnlyLaterChangesAndNextIteratorContinues() {
    Tables.create(dynamo, "later", StreamViewType.NEW_IMAGE);
    dynamo.putItem(b -> b.tableName("later").item(Map.of("pk", s("before"))));
    String latest = iterator("later", ShardIteratorType.LATEST);

    dynamo.putItem(b -> b.tableName("later").item(Map.of("pk", s("after-1"))));
    var first = streams.getRecords(b -> b.shardIterator(latest));
    dynamo.putItem(b -> b.tableName("later").item(Map.of("pk", s("after-2"))));
    var second = streams.getRecords(b -> b.shardIterator(first.nextShardIterator()));

    assertThat(first.records())
        .extracting(r -> r.dynamodb().keys().get("pk").s())
        .containsExactly("after-1");
    assertThat(second.records())
        .extracting(r -> r.dynamodb().keys().get("pk").s())
        .containsExactly("after-2");
  }

  @Test
  void stream_iteratorExpiresAfterFifteenMinutes() {
    Tables.create(dynamo, "expiry", StreamViewType.NEW_IMAGE);
    String iterator = iterator("expiry", ShardIteratorType.TRIM_HORIZON);

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(iterator)))
        .isInstanceOf(ExpiredIteratorException.class);
  }

  @Test
  void ttl_sweepDeletesOnlyExpiredItemsAndMarksTheStreamRecordAsService() {
    Tables.create(dynamo, "sessions", StreamViewType.OLD_IMAGE);
    dynamo.updateTimeToLive(
        b ->
            b.tableName("sessions")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
    long now = START.getEpochSecond();
    dynamo.putItem(b -> b.tableName("sessions").item(Map.of("pk", s("old"), "exp", n(now - 1))));
    dynamo.putItem(b -> b.tableName("sessions").item(Map.of("pk", s("fresh"), "exp", n(now + 60))));
    dynamo.putItem(b -> b.tableName("sessions").item(Map.of("pk", s("text"), "exp", s("1"))));
    dynamo.putItem(
        b ->
            b.tableName("sessions")
                .item(Map.of("pk", s("ancient"), "exp", n(now - 6L * 365 * 24 * 3600))));
    String iterator = iterator("sessions", ShardIteratorType.LATEST);

    int deleted = engine.sweepExpiredItems();

    assertThat(deleted).isEqualTo(1);
    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(key("old"))).hasItem()).isFalse();
    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(key("fresh"))).hasItem()).isTrue();
    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(key("text"))).hasItem()).isTrue();
    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(key("ancient"))).hasItem()).isTrue();
    Record removal = streams.getRecords(b -> b.shardIterator(iterator)).records().get(0);
    assertThat(removal.eventName()).isEqualTo(OperationType.REMOVE);
    assertThat(removal.userIdentity().type()).isEqualTo("Service");
    assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");

    clock.advance(Duration.ofSeconds(61));
    assertThat(engine.sweepExpiredItems()).isEqualTo(1);
    assertThat(dynamo.getItem(b -> b.tableName("sessions").key(key("fresh"))).hasItem()).isFalse();
  }

  @Test
  void ttl_describeReportsTheStatusAndRejectsEnablingTwice() {
    Tables.create(dynamo, "ttl");
    assertThat(
            dynamo
                .describeTimeToLive(b -> b.tableName("ttl"))
                .timeToLiveDescription()
                .timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);

    dynamo.updateTimeToLive(
        b -> b.tableName("ttl").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));

    var description = dynamo.describeTimeToLive(b -> b.tableName("ttl")).timeToLiveDescription();
    assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(description.attributeName()).isEqualTo("exp");
    assertThatThrownBy(
            () ->
                dynamo.updateTimeToLive(
                    b ->
                        b.tableName("ttl")
                            .timeToLiveSpecification(t -> t.enabled(true).attributeName("exp"))))
        .hasMessageContaining("TimeToLive is already enabled");
  }
}
