package dev.orderly.lambda.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class AwsClientsTest {
  @RegisterExtension static DynamoDbEngineExtension dynamo = new DynamoDbEngineExtension();

  private static Environment env(String endpoint, String... extra) {
    Map<String, String> values =
        new java.util.HashMap<>(
            Map.of(
                "AWS_REGION", dynamo.engine().region(),
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_SESSION_TOKEN", "token",
                "AWS_ENDPOINT_URL_DYNAMODB", endpoint));
    for (int i = 0; i < extra.length; i += 2) {
      values.put(extra[i], extra[i + 1]);
    }
    return Environment.of(values);
  }

  @Test
  void build_makesAClientThatTalksToTheConfiguredEndpoint() {
    // given: generous timeouts, so that a loaded machine does not retry the non-idempotent create
    AwsSettings settings =
        AwsSettings.from(
            env(
                dynamo.engine().endpoint().toString(),
                "ORDERLY_AWS_CALL_TIMEOUT_MS",
                "30000",
                "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS",
                "15000"),
            "DYNAMODB");
    try (SdkHttpClient http = AwsClients.httpClient(settings);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), settings, http)) {
      client.createTable(
          table ->
              table
                  .tableName("aws-clients-test")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("pk")
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName("pk")
                          .keyType(KeyType.HASH)
                          .build()));

      // when
      ListTablesResponse tables = client.listTables();

      // then
      assertThat(tables.tableNames()).contains("aws-clients-test");
      assertThat(client.serviceClientConfiguration().region()).isEqualTo(settings.region());
      assertThat(client.serviceClientConfiguration().endpointOverride())
          .contains(dynamo.engine().endpoint());
    }
  }

  @Test
  void build_appliesTheTimeoutsAndAttemptsOfTheSettings() {
    // given
    AwsSettings settings =
        AwsSettings.from(
            env(
                dynamo.engine().endpoint().toString(),
                "ORDERLY_AWS_CALL_TIMEOUT_MS",
                "2000",
                "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS",
                "700",
                "ORDERLY_AWS_MAX_ATTEMPTS",
                "4"),
            "DYNAMODB");

    // when
    try (SdkHttpClient http = AwsClients.httpClient(settings);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), settings, http)) {

      // then
      var overrides = client.serviceClientConfiguration().overrideConfiguration();
      assertThat(overrides.apiCallTimeout()).contains(settings.apiCallTimeout());
      assertThat(overrides.apiCallAttemptTimeout()).contains(settings.attemptTimeout());
      assertThat(overrides.retryStrategy())
          .hasValueSatisfying(strategy -> assertThat(strategy.maxAttempts()).isEqualTo(4));
    }
  }

  @Test
  void build_timesEveryClientOnOneTimerThatOutlivesThem() {
    // given
    AwsSettings settings = AwsSettings.from(env(dynamo.engine().endpoint().toString()), "DYNAMODB");
    java.util.concurrent.ScheduledExecutorService timer;

    // when
    try (SdkHttpClient http = AwsClients.httpClient(settings);
        DynamoDbClient first = AwsClients.build(DynamoDbClient.builder(), settings, http);
        DynamoDbClient second = AwsClients.build(DynamoDbClient.builder(), settings, http)) {
      timer = timer(first);
      first.listTables();

      // then
      assertThat(timer(second)).isSameAs(timer);
    }
    assertThat(timer.isShutdown())
        .as("closing its clients leaves the shared timer running")
        .isFalse();
  }

  private static java.util.concurrent.ScheduledExecutorService timer(DynamoDbClient client) {
    // the SDK hands back the executor it was given wrapped, so that closing the client leaves it
    return software.amazon.awssdk.utils.ScheduledExecutorUtils.unwrapUnmanagedScheduledExecutor(
        client
            .serviceClientConfiguration()
            .overrideConfiguration()
            .scheduledExecutorService()
            .orElseThrow());
  }

  @Test
  void build_failsAnUnansweredCallWithTheCallTimeout() throws IOException {
    // given: a port that accepts connections (the backlog) but never answers
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AwsSettings settings =
          AwsSettings.from(
              env(
                  "http://127.0.0.1:" + silent.getLocalPort(),
                  "ORDERLY_AWS_CALL_TIMEOUT_MS",
                  "600",
                  "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS",
                  "200",
                  "ORDERLY_AWS_MAX_ATTEMPTS",
                  "50"),
              "DYNAMODB");
      try (SdkHttpClient http = AwsClients.httpClient(settings);
          DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), settings, http)) {

        // when / then
        assertThatThrownBy(client::listTables).isInstanceOf(ApiCallTimeoutException.class);
      }
    }
  }

  /** Answers every request it serves with one table name, and counts them. */
  private static final class CannedEndpoints implements InJvmEndpoints {
    private final boolean serving;
    private final AtomicInteger served = new AtomicInteger();
    private final java.util.List<SdkHttpRequest> requests =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    CannedEndpoints(boolean serving) {
      this.serving = serving;
    }

    @Override
    public boolean serves(SdkHttpRequest request) {
      return serving;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          served.incrementAndGet();
          requests.add(request.httpRequest());
          byte[] body = "{\"TableNames\":[\"in-jvm\"]}".getBytes(StandardCharsets.UTF_8);
          return HttpExecuteResponse.builder()
              .response(
                  SdkHttpResponse.builder()
                      .statusCode(200)
                      .putHeader("Content-Type", "application/x-amz-json-1.0")
                      .build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }

  @Test
  void httpClient_sendsWhatTheInJvmEndpointsServeToThem() {
    CannedEndpoints inJvm = new CannedEndpoints(true);
    AwsSettings settings =
        AwsSettings.from(
            Environment.of(env(dynamo.engine().endpoint().toString()).asMap(), inJvm), "DYNAMODB");

    try (SdkHttpClient http = AwsClients.httpClient(settings);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), settings, http)) {
      assertThat(client.listTables().tableNames()).containsExactly("in-jvm");
    }
    assertThat(inJvm.served).hasValue(1);
  }

  @Test
  void build_sendsUnsignedRequestsToAnEndpointServedInTheJvm() {
    CannedEndpoints inJvm = new CannedEndpoints(true);
    AwsSettings settings =
        AwsSettings.from(
            Environment.of(env(dynamo.engine().endpoint().toString()).asMap(), inJvm), "DYNAMODB");

    try (SdkHttpClient http = AwsClients.httpClient(settings);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), settings, http)) {
      client.listTables();
    }

    SdkHttpRequest sent = inJvm.requests.get(0);
    assertThat(sent.firstMatchingHeader("X-Amz-Target")).contains("DynamoDB_20120810.ListTables");
    assertThat(sent.firstMatchingHeader("Authorization")).isEmpty();
    assertThat(sent.firstMatchingHeader("X-Amz-Security-Token")).isEmpty();
  }

  @Test
  void build_signsRequestsForAnEndpointNotServedInTheJvm() {
    // given: in-JVM endpoints that serve another port, so this client's requests are signed; the
    // canned client stands in for the network and sees the request as it would leave
    CannedEndpoints network = new CannedEndpoints(true);
    InJvmEndpoints elsewhere = new CannedEndpoints(false);
    AwsSettings settings =
        AwsSettings.from(
            Environment.of(env(dynamo.engine().endpoint().toString()).asMap(), elsewhere),
            "DYNAMODB");

    try (SdkHttpClient http = AwsClients.inJvmFirst(elsewhere, network);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), settings, http)) {
      client.listTables();
    }

    SdkHttpRequest sent = network.requests.get(0);
    assertThat(sent.firstMatchingHeader("Authorization"))
        .hasValueSatisfying(
            value ->
                assertThat(value)
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/dynamodb/aws4_request"));
    assertThat(sent.firstMatchingHeader("X-Amz-Security-Token")).contains("token");
  }

  @Test
  void httpClient_sendsTheRestOverTheNetwork() {
    CannedEndpoints inJvm = new CannedEndpoints(false);
    AwsSettings settings =
        AwsSettings.from(
            Environment.of(env(dynamo.engine().endpoint().toString()).asMap(), inJvm), "DYNAMODB");

    try (SdkHttpClient http = AwsClients.httpClient(settings);
        DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), settings, http)) {
      assertThat(client.listTables().tableNames()).doesNotContain("in-jvm");
    }
    assertThat(inJvm.served).hasValue(0);
  }
}
