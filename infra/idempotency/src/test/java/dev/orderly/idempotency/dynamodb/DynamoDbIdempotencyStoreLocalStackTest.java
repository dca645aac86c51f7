package dev.orderly.idempotency.dynamodb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same store against LocalStack's DynamoDB (image pinned to 4.14.0, the last free one), for a
 * second opinion beside the in-process engine. Needs Docker; skipped cleanly without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbIdempotencyStoreLocalStackTest {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.14.0"))
          .withServices("dynamodb");

  private static DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(LOCALSTACK.getEndpoint())
        .region(Region.of(LOCALSTACK.getRegion()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  @Test
  void outcomes_matchTheEngines() {
    try (DynamoDbClient dynamo = client()) {
      LocalDynamo.createTable(dynamo, "idempotency");
      Idempotency idempotency =
          Idempotency.builder(DynamoDbIdempotencyStore.builder(dynamo, "idempotency").build())
              .build();
      AtomicInteger runs = new AtomicInteger();
      AtomicReference<Outcome<String>> nested = new AtomicReference<>();

      Outcome<String> first =
          idempotency.handle(
              IdempotencyRequest.of("k", "{}".getBytes(UTF_8)),
              ResponseCodec.text(),
              () -> {
                nested.set(
                    idempotency.handle(
                        IdempotencyRequest.of("k", "{}".getBytes(UTF_8)),
                        ResponseCodec.text(),
                        () -> "x"));
                return "result-" + runs.incrementAndGet();
              });
      Outcome<String> replay =
          idempotency.handle(
              IdempotencyRequest.of("k", "{}".getBytes(UTF_8)),
              ResponseCodec.text(),
              () -> "again");
      Outcome<String> mismatch =
          idempotency.handle(
              IdempotencyRequest.of("k", "{\"a\":1}".getBytes(UTF_8)),
              ResponseCodec.text(),
              () -> "again");

      assertThat(first).isEqualTo(new Outcome.Executed<>("result-1"));
      assertThat(nested.get()).isEqualTo(new Outcome.InProgress<>("k"));
      assertThat(replay).isEqualTo(new Outcome.Replayed<>("result-1"));
      assertThat(mismatch).isEqualTo(new Outcome.PayloadMismatch<>("k"));
    }
  }
}
