package dev.orderly.dynamodb.sdk;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Test fixtures: tables keyed by a string {@code pk}, and attribute value shorthands. */
final class Tables {
  private Tables() {}

  static void create(DynamoDbClient dynamo, String name) {
    create(dynamo, name, null);
  }

  static void create(DynamoDbClient dynamo, String name, StreamViewType streamView) {
    dynamo.createTable(
        b -> {
          b.tableName(name)
              .attributeDefinitions(
                  AttributeDefinition.builder()
                      .attributeName("pk")
                      .attributeType(ScalarAttributeType.S)
                      .build())
              .keySchema(
                  KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
              .billingMode(BillingMode.PAY_PER_REQUEST);
          if (streamView != null) {
            b.streamSpecification(
                StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(streamView)
                    .build());
          }
        });
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", s(pk));
  }
}
