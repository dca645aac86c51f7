package dev.orderly.contracts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code events/} samples fit the functions they are named for ({@code
 * events/<LogicalId>[-<case>].json}, for {@code sam local invoke -e}): an HTTP sample is a request
 * on that function's route with the JWT claims the handlers read; an SQS sample comes from that
 * function's queue with events its rules deliver; a stream sample comes from an outbox table and
 * passes the relay's filter; a saga sample is for a function the state machine calls.
 */
class TemplateSamplesTest {
  private static final String STAGE = "dev";

  static Stream<Path> samples() {
    return Repository.files(Repository.path("events"), ".json").stream();
  }

  static String functionOf(Path sample) {
    String name = sample.getFileName().toString().replace(".json", "");
    int dash = name.indexOf('-');
    return dash < 0 ? name : name.substring(0, dash);
  }

  @Test
  void everyFunction_hasASample() {
    Set<String> sampled = new HashSet<>();
    samples().forEach(s -> sampled.add(functionOf(s)));

    assertThat(sampled).containsAll(Template.functions().keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theSample_fitsTheFunctionItIsNamedFor(Path sample) {
    String id = functionOf(sample);
    assertThat(Template.functions()).as("a function named %s", id).containsKey(id);
    JsonNode event = Repository.json(sample);
    String route =
        Template.routes().entrySet().stream()
            .filter(e -> e.getValue().equals(id))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);

    if (route != null) {
      assertThat(event.path("version").asText()).isEqualTo("2.0");
      assertThat(event.path("routeKey").asText()).isEqualTo(route);
      JsonNode claims = event.at("/requestContext/authorizer/jwt/claims");
      assertThat(claims.path("tenant_id").asText()).isNotBlank();
      assertThat(claims.path("sub").asText()).isNotBlank();
      assertThat(event.at("/requestContext/http/method").asText()).isEqualTo(route.split(" ")[0]);
    } else if (TemplateHandlersTest.sagaFunctions().contains(id)) {
      assertThat(event.path("requestId").asText()).startsWith(event.path("orderId").asText() + "/");
    } else {
      Set<String> sources = TemplateHandlersTest.sources(id);
      assertThat(event.path("Records")).isNotEmpty();
      event.path("Records").forEach(record -> assertFromItsSource(id, sources, record));
    }
  }

  private static void assertFromItsSource(String id, Set<String> sources, JsonNode record) {
    String arn = record.path("eventSourceARN").asText();
    if (record.path("eventSource").asText().equals("aws:sqs")) {
      String queue = sources.iterator().next();
      assertThat(arn).endsWith(":" + named(queue, "QueueName"));
      assertThat(Routing.consumersOf(Repository.json(record.get("body").asText()))).contains(id);
    } else {
      assertThat(record.path("eventSource").asText()).isEqualTo("aws:dynamodb");
      String table = arn.replaceAll(".*:table/([^/]+)/stream/.*", "$1");
      assertThat(sources.stream().map(t -> named(t, "TableName"))).contains(table);
      JsonNode filter =
          Repository.json(
              Template.ofType(Template.MAPPING).values().stream()
                  .filter(m -> Template.target(m.get("FunctionName")).orElse("").equals(id))
                  .findFirst()
                  .orElseThrow()
                  .at("/FilterCriteria/Filters/0/Pattern")
                  .asText());
      assertThat(Routing.matches(filter, record))
          .as("the relay's filter passes %s", record)
          .isTrue();
    }
  }

  /** A resource's name as deployed to the sample stage: its {@code orderly-${Stage}-...}. */
  private static String named(String logicalId, String property) {
    String name = Template.resource(logicalId).at("/Properties/" + property + "/Fn::Sub").asText();
    return name.replace("${Stage}", STAGE);
  }
}
