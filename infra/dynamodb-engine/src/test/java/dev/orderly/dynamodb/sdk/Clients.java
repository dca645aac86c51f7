package dev.orderly.dynamodb.sdk;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** SDK v2 clients as production code builds them, pointed at a local endpoint. */
final class Clients {
  private Clients() {}

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private static ClientOverrideConfiguration overrides() {
    return ClientOverrideConfiguration.builder()
        .apiCallTimeout(Duration.ofSeconds(10))
        .retryStrategy(RetryMode.STANDARD)
        .build();
  }

  static DynamoDbClient dynamo(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(overrides())
        .build();
  }

  static DynamoDbStreamsClient streams(URI endpoint) {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(overrides())
        .build();
  }
}
