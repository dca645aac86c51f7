package dev.orderly.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The EventBridge adapter against LocalStack's EventBridge (image pinned to 4.14.0, the last free
 * one). Needs Docker; skipped cleanly without it. The stub test covers the same path here.
 */
@Testcontainers(disabledWithoutDocker = true)
class EventBridgePublisherLocalStackTest {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.14.0"))
          .withServices("events");

  @Test
  void publish_acceptsOrderlyEnvelopesOnACustomBus() {
    try (EventBridgeClient events =
        EventBridgeClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build()) {
      events.createEventBus(b -> b.name("orderly-bus"));
      OutboxEntry entry =
          new OutboxEntry(
              "o1",
              1,
              new EventEnvelope(
                  "orderly.orders",
                  "OrderPlaced",
                  "e1",
                  "tenant-a",
                  "corr-1",
                  Instant.parse("2026-05-01T10:00:00Z"),
                  1,
                  JsonNodeFactory.instance.objectNode().put("orderId", "o1")));

      List<String> results =
          new EventBridgePublisher(events, "orderly-bus").publish(List.of(entry));

      assertThat(results).containsExactly((String) null);
    }
  }
}
