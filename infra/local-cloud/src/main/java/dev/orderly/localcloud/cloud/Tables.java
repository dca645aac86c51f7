package dev.orderly.localcloud.cloud;

import dev.orderly.localcloud.template.TableSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates the template's tables on the DynamoDB engine through the SDK, as CloudFormation would:
 * key schema, indexes, streams, TTL. Answers each table's real stream ARN (the template only knows
 * a placeholder label until the table exists).
 */
final class Tables {
  private Tables() {}

  /** Creates every table; logical id → the stream ARN of tables that have one. */
  static Map<String, String> create(DynamoDbClient dynamo, Iterable<TableSpec> tables) {
    Map<String, String> streams = new HashMap<>();
    for (TableSpec table : tables) {
      TableDescription created = dynamo.createTable(request(table)).tableDescription();
      table
          .timeToLiveAttribute()
          .ifPresent(
              attribute ->
                  dynamo.updateTimeToLive(
                      b ->
                          b.tableName(table.name())
                              .timeToLiveSpecification(
                                  t -> t.attributeName(attribute).enabled(true))));
      if (table.stream().isPresent()) {
        streams.put(table.logicalId(), created.latestStreamArn());
      }
    }
    return streams;
  }

  private static CreateTableRequest request(TableSpec table) {
    boolean onDemand = !"PROVISIONED".equals(table.billingMode());
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(table.name())
            .attributeDefinitions(
                table.attributeDefinitions().stream()
                    .map(
                        a ->
                            AttributeDefinition.builder()
                                .attributeName(a.name())
                                .attributeType(a.type())
                                .build())
                    .toList())
            .keySchema(keys(table.keySchema()))
            .billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED);
    if (!onDemand) {
      request.provisionedThroughput(throughput());
    }
    if (!table.globalSecondaryIndexes().isEmpty()) {
      request.globalSecondaryIndexes(
          table.globalSecondaryIndexes().stream()
              .map(
                  i -> {
                    GlobalSecondaryIndex.Builder index =
                        GlobalSecondaryIndex.builder()
                            .indexName(i.name())
                            .keySchema(keys(i.keySchema()))
                            .projection(projection(i));
                    if (!onDemand) {
                      index.provisionedThroughput(throughput());
                    }
                    return index.build();
                  })
              .toList());
    }
    if (!table.localSecondaryIndexes().isEmpty()) {
      request.localSecondaryIndexes(
          table.localSecondaryIndexes().stream()
              .map(
                  i ->
                      LocalSecondaryIndex.builder()
                          .indexName(i.name())
                          .keySchema(keys(i.keySchema()))
                          .projection(projection(i))
                          .build())
              .toList());
    }
    table.stream()
        .ifPresent(
            s ->
                request.streamSpecification(
                    StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(s.viewType())
                        .build()));
    return request.build();
  }

  private static List<KeySchemaElement> keys(List<TableSpec.KeyElement> keys) {
    return keys.stream()
        .map(
            k ->
                KeySchemaElement.builder()
                    .attributeName(k.attributeName())
                    .keyType(k.keyType())
                    .build())
        .toList();
  }

  private static Projection projection(TableSpec.Index index) {
    Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
    if (!index.nonKeyAttributes().isEmpty()) {
      projection.nonKeyAttributes(index.nonKeyAttributes());
    }
    return projection.build();
  }

  private static ProvisionedThroughput throughput() {
    return ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();
  }
}
