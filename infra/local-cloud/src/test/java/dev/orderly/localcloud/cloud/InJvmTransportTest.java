package dev.orderly.localcloud.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.stepfunctions.StepFunctionsEngine;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** The DynamoDB engine reached through the SDK without a socket. */
class InJvmTransportTest {
  private DynamoDbEngine engine;
  private InJvmTransport transport;
  private SdkHttpClient http;
  private DynamoDbClient dynamo;

  @BeforeEach
  void start() {
    engine = DynamoDbEngine.start();
    transport = new InJvmTransport(engine);
    http = AwsClients.inJvmFirst(transport, UrlConnectionHttpClient.create());
    dynamo =
        DynamoDbClient.builder()
            .endpointOverride(engine.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(http)
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
            .build();
    dynamo.createTable(
        t ->
            t.tableName("things")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
  }

  @AfterEach
  void stop() {
    dynamo.close();
    http.close();
    engine.close();
  }

  @Test
  void servesTheEnginesEndpointOnlyOnLoopback() {
    URI endpoint = engine.endpoint();
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint);

    assertThat(transport.serves(request.build())).isTrue();
    assertThat(transport.serves(request.host("localhost").build())).isTrue();
    assertThat(transport.serves(request.port(endpoint.getPort() + 1).build())).isFalse();
    assertThat(transport.serves(request.host("dynamodb.us-east-1.amazonaws.com").build()))
        .isFalse();
  }

  @Test
  void answersWhatTheEndpointAnswersErrorsIncluded() {
    Map<String, AttributeValue> item =
        Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"));
    dynamo.putItem(p -> p.tableName("things").item(item));

    assertThat(
            dynamo
                .getItem(g -> g.tableName("things").key(Map.of("pk", AttributeValue.fromS("a"))))
                .item())
        .isEqualTo(item);
    assertThatThrownBy(
            () ->
                dynamo.putItem(
                    p ->
                        p.tableName("things")
                            .item(item)
                            .conditionExpression("attribute_not_exists(pk)")))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  void aLostResponseIsABrokenConnectionAfterTheWriteTookEffect() {
    engine.loseResponses("PutItem", 1);

    assertThatThrownBy(
            () ->
                dynamo.putItem(
                    p -> p.tableName("things").item(Map.of("pk", AttributeValue.fromS("lost")))))
        .isInstanceOf(SdkClientException.class)
        .hasMessageContaining("lost this response");
    assertThat(
            dynamo
                .getItem(g -> g.tableName("things").key(Map.of("pk", AttributeValue.fromS("lost"))))
                .hasItem())
        .isTrue();
  }

  @Test
  void servesStepFunctionsOnceAdded_withoutTheNetwork() {
    try (StepFunctionsEngine sfn = StepFunctionsEngine.builder().port(0).start()) {
      String machine =
          sfn.createStateMachine(
              "in-jvm", "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}");
      transport.add(sfn);
      // any request that reached the network would fail: only the transport can answer
      SdkHttpClient noNetwork =
          AwsClients.inJvmFirst(
              transport,
              new SdkHttpClient() {
                @Override
                public software.amazon.awssdk.http.ExecutableHttpRequest prepareRequest(
                    software.amazon.awssdk.http.HttpExecuteRequest request) {
                  throw new IllegalStateException("went over the network");
                }

                @Override
                public void close() {}
              });
      try (SfnClient client =
          SfnClient.builder()
              .endpointOverride(sfn.endpoint())
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
              .httpClient(noNetwork)
              .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
              .build()) {
        String execution =
            client.startExecution(b -> b.stateMachineArn(machine).name("one")).executionArn();

        assertThat(client.describeExecution(b -> b.executionArn(execution)).executionArn())
            .isEqualTo(execution);
        assertThatThrownBy(
                () -> client.startExecution(b -> b.stateMachineArn(machine + "-missing")))
            .isInstanceOf(StateMachineDoesNotExistException.class);
      }
    }
  }
}
