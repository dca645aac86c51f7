package dev.orderly.contracts.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.lambda.config.Environment;
import dev.orderly.stepfunctions.StepFunctionsEngine;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * The stage {@code dev} of {@code template.yaml} in one JVM: every {@code AWS::DynamoDB::Table} of
 * the template created on a fresh in-process DynamoDB engine as declared (name, key schema, GSIs,
 * stream), a Step Functions engine holding a state machine for the saga's ARN, a loopback event
 * bus, and for each function the environment the template gives it. Opened per test, so each test
 * starts from empty tables named as in AWS (the relay finds its table from the stream's ARN).
 */
public final class LocalCloud implements AutoCloseable {
  static final JsonNode TEMPLATE = Repository.yaml(Repository.path("template.yaml"));
  private static final String STAGE = "dev";
  private static final String HOLD =
      "{\"StartAt\":\"Hold\",\"States\":{\"Hold\":{\"Type\":\"Wait\",\"Seconds\":3600,"
          + "\"End\":true}}}";
  private static final Map<String, String> PARAMETERS =
      Map.of(
          "PaymentProvider", "local",
          "EmailSender", "local",
          "FromAddress", "orders@orderly.example",
          "OrderlyEventBus", "orderly-" + STAGE + "-bus");

  private final DynamoDbEngine dynamoEngine;
  private final StepFunctionsEngine sfnEngine;
  private final EventBusStub bus;
  private final DynamoDbClient dynamo;
  private final Map<String, String> tables = new LinkedHashMap<>();
  private final String stateMachineArn;

  public LocalCloud() {
    dynamoEngine = DynamoDbEngine.builder().port(0).build();
    sfnEngine = StepFunctionsEngine.builder().port(0).start();
    bus = new EventBusStub();
    dynamo =
        DynamoDbClient.builder()
            .endpointOverride(dynamoEngine.endpoint())
            .region(Region.of(dynamoEngine.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
    TEMPLATE
        .get("Resources")
        .fields()
        .forEachRemaining(
            r -> {
              if (r.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
                tables.put(r.getKey(), createTable(r.getValue().get("Properties")));
              }
            });
    stateMachineArn = sfnEngine.createStateMachine("orderly-" + STAGE + "-saga", HOLD);
  }

  /** The table names by logical id, as the template names them for this stage. */
  public Map<String, String> tables() {
    return Map.copyOf(tables);
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public EventBusStub bus() {
    return bus;
  }

  public String stateMachineArn() {
    return stateMachineArn;
  }

  public StepFunctionsEngine stepFunctions() {
    return sfnEngine;
  }

  /**
   * What the function gets in AWS (the template's Globals and its own variables) plus the cloud.
   */
  public Environment environment(String functionId) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", dynamoEngine.region());
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_ENDPOINT_URL", dynamoEngine.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_SFN", sfnEngine.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
    JsonNode globals = TEMPLATE.at("/Globals/Function/Environment/Variables");
    JsonNode own = TEMPLATE.at("/Resources/" + functionId + "/Properties/Environment/Variables");
    for (JsonNode variables : List.of(globals, own)) {
      variables.fields().forEachRemaining(v -> env.put(v.getKey(), value(v.getValue())));
    }
    return Environment.of(env);
  }

  private String value(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    String ref = value.path("Ref").asText();
    if (tables.containsKey(ref)) {
      return tables.get(ref);
    }
    if (ref.equals("OrderSaga")) {
      return stateMachineArn;
    }
    if (PARAMETERS.containsKey(ref)) {
      return PARAMETERS.get(ref);
    }
    throw new IllegalStateException("the local cloud cannot resolve " + value);
  }

  private String createTable(JsonNode properties) {
    String name = properties.at("/TableName/Fn::Sub").asText().replace("${Stage}", STAGE);
    List<AttributeDefinition> attributes = new ArrayList<>();
    properties
        .get("AttributeDefinitions")
        .forEach(
            a ->
                attributes.add(
                    AttributeDefinition.builder()
                        .attributeName(a.get("AttributeName").asText())
                        .attributeType(a.get("AttributeType").asText())
                        .build()));
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    properties
        .path("GlobalSecondaryIndexes")
        .forEach(
            i ->
                indexes.add(
                    GlobalSecondaryIndex.builder()
                        .indexName(i.get("IndexName").asText())
                        .keySchema(keys(i.get("KeySchema")))
                        .projection(
                            Projection.builder()
                                .projectionType(i.at("/Projection/ProjectionType").asText())
                                .build())
                        .build()));
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(properties.path("BillingMode").asText())
            .attributeDefinitions(attributes)
            .keySchema(keys(properties.get("KeySchema")));
    if (!indexes.isEmpty()) {
      request.globalSecondaryIndexes(indexes);
    }
    JsonNode stream = properties.at("/StreamSpecification/StreamViewType");
    if (!stream.isMissingNode()) {
      request.streamSpecification(
          StreamSpecification.builder()
              .streamEnabled(true)
              .streamViewType(stream.asText())
              .build());
    }
    dynamo.createTable(request.build());
    return name;
  }

  private static List<KeySchemaElement> keys(JsonNode schema) {
    List<KeySchemaElement> keys = new ArrayList<>();
    schema.forEach(
        k ->
            keys.add(
                KeySchemaElement.builder()
                    .attributeName(k.get("AttributeName").asText())
                    .keyType(k.get("KeyType").asText())
                    .build()));
    return keys;
  }

  URI dynamoEndpoint() {
    return dynamoEngine.endpoint();
  }

  @Override
  public void close() {
    dynamo.close();
    bus.close();
    sfnEngine.close();
    dynamoEngine.close();
  }
}
