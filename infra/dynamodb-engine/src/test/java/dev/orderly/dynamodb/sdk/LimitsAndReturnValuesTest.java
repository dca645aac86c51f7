package dev.orderly.dynamodb.sdk;

import static dev.orderly.dynamodb.sdk.Tables.key;
import static dev.orderly.dynamodb.sdk.Tables.n;
import static dev.orderly.dynamodb.sdk.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Limits and return values that dynalite does not show, against the DynamoDB API Reference:
 * Query/Scan "retrieve a maximum of 1 MB of data" per call then return LastEvaluatedKey; PutItem
 * items are at most 400 KB; ConditionalCheckFailedException carries the item when
 * ReturnValuesOnConditionCheckFailure is ALL_OLD; UpdateTable enables a stream that ListStreams
 * then lists. Also the engine's JUnit 5 extension, which this class uses to start the engine.
 */
class LimitsAndReturnValuesTest {
  @RegisterExtension static final DynamoDbEngineExtension DYNAMO = new DynamoDbEngineExtension();

  private static DynamoDbClient dynamo;

  @BeforeAll
  static void connect() {
    dynamo = Clients.dynamo(DYNAMO.engine().endpoint());
    Tables.create(dynamo, "limits");
  }

  @AfterAll
  static void disconnect() {
    dynamo.close();
  }

  private static String text(int bytes) {
    return "x".repeat(bytes);
  }

  @Test
  void putItem_rejectsItemsOver400Kilobytes() {
    assertThatThrownBy(
            () ->
                dynamo.putItem(
                    b ->
                        b.tableName("limits")
                            .item(Map.of("pk", s("big"), "v", s(text(400 * 1024))))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Item size has exceeded the maximum allowed size");
  }

  @Test
  void scanAndQuery_stopEachPageAfterOneMegabyteAndResumeFromLastEvaluatedKey() {
    Tables.create(dynamo, "pages");
    for (int i = 0; i < 10; i++) {
      String pk = "item-" + i;
      dynamo.putItem(b -> b.tableName("pages").item(Map.of("pk", s(pk), "v", s(text(300 * 1024)))));
    }
    List<Integer> pageSizes = new ArrayList<>();
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
    do {
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> from = start;
      ScanResponse page = dynamo.scan(b -> b.tableName("pages").exclusiveStartKey(from));
      pageSizes.add(page.count());
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    // 300 KB items: the fourth item takes a page past 1 MB, which ends it.
    assertThat(pageSizes).containsExactly(4, 4, 2);

    dynamo.createTable(
        b ->
            b.tableName("sorted")
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
                    KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    for (int i = 0; i < 5; i++) {
      int sk = i;
      dynamo.putItem(
          b ->
              b.tableName("sorted")
                  .item(Map.of("pk", s("partition"), "sk", n(sk), "v", s(text(300 * 1024)))));
    }
    QueryResponse first =
        dynamo.query(
            b ->
                b.tableName("sorted")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("partition"))));
    QueryResponse second =
        dynamo.query(
            b ->
                b.tableName("sorted")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("partition")))
                    .exclusiveStartKey(first.lastEvaluatedKey()));
    assertThat(first.count()).isEqualTo(4);
    assertThat(first.lastEvaluatedKey()).containsEntry("sk", n(3));
    assertThat(second.count()).isEqualTo(1);
    assertThat(second.hasLastEvaluatedKey()).isFalse();
  }

  @Test
  void conditionalPut_returnsTheCurrentItemWhenAskedForAllOld() {
    dynamo.putItem(b -> b.tableName("limits").item(Map.of("pk", s("owned"), "owner", s("alice"))));

    assertThatThrownBy(
            () ->
                dynamo.putItem(
                    b ->
                        b.tableName("limits")
                            .item(Map.of("pk", s("owned"), "owner", s("bob")))
                            .conditionExpression("attribute_not_exists(pk)")
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(
            ConditionalCheckFailedException.class,
            e -> assertThat(e.item()).containsEntry("owner", s("alice")));
    assertThatThrownBy(
            () ->
                dynamo.deleteItem(
                    b ->
                        b.tableName("limits")
                            .key(key("owned"))
                            .conditionExpression("#o = :o")
                            .expressionAttributeNames(Map.of("#o", "owner"))
                            .expressionAttributeValues(Map.of(":o", s("carol")))))
        .isInstanceOfSatisfying(
            ConditionalCheckFailedException.class, e -> assertThat(e.hasItem()).isFalse());
  }

  @Test
  void updateTable_enablesAStreamThatListStreamsReports() {
    Tables.create(dynamo, "late_stream");
    dynamo.updateTable(
        b ->
            b.tableName("late_stream")
                .streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    try (DynamoDbStreamsClient streams = Clients.streams(DYNAMO.engine().endpoint())) {
      var listed = streams.listStreams(b -> b.tableName("late_stream")).streams();
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).streamArn())
          .isEqualTo(
              dynamo.describeTable(b -> b.tableName("late_stream")).table().latestStreamArn());
    }
  }
}
