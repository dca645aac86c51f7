package dev.orderly.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trigger samples of {@code events/} read as the Lambda Java runtime reads events
 * (aws-lambda-java-serialization into aws-lambda-java-events types), losing nothing a handler uses:
 * the route, the JWT claims and the body of an HTTP request; the body of each SQS message; the new
 * image of each stream record.
 */
class RuntimeDeserializationTest {
  private static final ClassLoader LOADER = RuntimeDeserializationTest.class.getClassLoader();

  static Stream<Path> triggerSamples() {
    return SampleEvents.samples().stream()
        .filter(f -> Repository.json(f).has("Records") || Repository.json(f).has("routeKey"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("triggerSamples")
  void theRuntimeReadsTheSample_withEverythingAHandlerUses(Path file) {
    String text = Repository.text(file);
    JsonNode sample = Repository.json(file);

    if (sample.has("routeKey")) {
      APIGatewayV2HTTPEvent event =
          LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LOADER).fromJson(text);
      assertThat(event.getRouteKey()).isEqualTo(sample.get("routeKey").asText());
      assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
          .containsEntry(
              "tenant_id", sample.at("/requestContext/authorizer/jwt/claims/tenant_id").asText())
          .containsKey("sub");
      assertThat(event.getBody()).isEqualTo(sample.path("body").textValue());
    } else if (sample.at("/Records/0/eventSource").asText().equals("aws:sqs")) {
      SQSEvent event = LambdaEventSerializers.serializerFor(SQSEvent.class, LOADER).fromJson(text);
      assertThat(event.getRecords()).hasSize(sample.get("Records").size());
      for (int i = 0; i < event.getRecords().size(); i++) {
        assertThat(event.getRecords().get(i).getBody())
            .isEqualTo(sample.at("/Records/" + i + "/body").asText());
      }
    } else {
      DynamodbEvent event =
          LambdaEventSerializers.serializerFor(DynamodbEvent.class, LOADER).fromJson(text);
      assertThat(event.getRecords()).hasSize(sample.get("Records").size());
      event
          .getRecords()
          .forEach(
              r -> {
                assertThat(r.getEventName()).isEqualTo("INSERT");
                assertThat(r.getDynamodb().getNewImage().get("type").getS()).isEqualTo("OUTBOX");
                assertThat(r.getDynamodb().getNewImage().get("detail").getS()).startsWith("{");
                assertThat(r.getDynamodb().getSequenceNumber()).isNotBlank();
              });
    }
  }
}
