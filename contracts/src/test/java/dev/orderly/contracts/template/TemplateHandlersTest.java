package dev.orderly.contracts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.ContractReadme;
import dev.orderly.contracts.ContractReadme.HandlerRow;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The template deploys exactly the handlers of functions/README.md, each from its service's jar and
 * on the trigger the README gives it: its HTTP route, the saga, an SQS queue, or the outbox
 * streams.
 */
class TemplateHandlersTest {
  static Stream<HandlerRow> handlers() {
    return ContractReadme.handlers().stream();
  }

  @Test
  void theTemplatesHandlers_areTheReadmesHandlers() {
    Set<String> deployed = new HashSet<>();
    Template.functions().values().forEach(f -> deployed.add(handlerClass(f)));

    assertThat(deployed)
        .containsExactlyInAnyOrderElementsOf(
            ContractReadme.handlers().stream().map(HandlerRow::handlerClass).toList());
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("handlers")
  void eachHandler_isDeployedFromItsServicesJar_onItsTrigger(HandlerRow row) {
    String id = functionOf(row.handlerClass());
    JsonNode function = Template.functions().get(id);

    assertThat(function.path("Handler").asText()).isEqualTo(row.handlerClass() + "::handleRequest");
    assertThat(function.path("CodeUri").asText())
        .isEqualTo("functions/" + row.service() + "/target/" + row.service() + ".jar");
    String trigger = row.trigger();
    if (trigger.matches("(GET|POST|PUT|PATCH|DELETE) /.*")) {
      assertThat(Template.routes()).containsEntry(trigger, id);
    } else if (trigger.equals("saga task")) {
      assertThat(sagaFunctions()).contains(id);
    } else if (trigger.startsWith("SQS")) {
      assertThat(sources(id))
          .singleElement()
          .satisfies(q -> assertThat(Template.type(q)).isEqualTo(Template.QUEUE));
    } else if (trigger.startsWith("DynamoDB streams")) {
      assertThat(sources(id))
          .hasSize(4)
          .allSatisfy(t -> assertThat(Template.type(t)).isEqualTo(Template.TABLE));
    } else {
      throw new AssertionError("a trigger this test does not know: " + trigger);
    }
  }

  @Test
  void everyHttpFunction_hasOneRoute_andNoOtherFunctionHasAny() {
    Map<String, String> routes = Template.routes();

    assertThat(routes).hasSize(7);
    assertThat(new HashSet<>(routes.values())).hasSize(7);
  }

  @Test
  void everyThrottledRoute_isARouteOfTheApi_limitedBelowItsBurst() {
    JsonNode settings = Template.resource("OrderlyApi").at("/Properties/RouteSettings");

    assertThat(settings.size()).isPositive();
    settings
        .fields()
        .forEachRemaining(
            route -> {
              JsonNode limits = route.getValue();
              assertThat(Template.routes()).containsKey(route.getKey());
              assertThat(limit(limits.get("ThrottlingRateLimit")))
                  .isPositive()
                  .isLessThanOrEqualTo(limit(limits.get("ThrottlingBurstLimit")));
            });
  }

  /** A number, or a Ref to a parameter: its default. */
  private static int limit(JsonNode value) {
    if (value.has("Ref")) {
      JsonNode parameter = Template.ROOT.at("/Parameters/" + value.get("Ref").asText());
      assertThat(parameter.path("Type").asText()).isEqualTo("Number");
      return parameter.path("Default").asInt();
    }
    return value.asInt();
  }

  static String handlerClass(JsonNode function) {
    return function.path("Handler").asText().replace("::handleRequest", "");
  }

  static String functionOf(String handlerClass) {
    List<String> ids =
        Template.functions().entrySet().stream()
            .filter(e -> handlerClass(e.getValue()).equals(handlerClass))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(ids).as("functions running %s", handlerClass).hasSize(1);
    return ids.get(0);
  }

  static Set<String> sagaFunctions() {
    Set<String> ids = new HashSet<>();
    Template.ofType(Template.STATE_MACHINE)
        .values()
        .forEach(
            s ->
                s.path("DefinitionSubstitutions")
                    .forEach(v -> Template.target(v).ifPresent(ids::add)));
    return ids;
  }

  /** The queues and tables whose event source mappings invoke {@code functionId}. */
  static Set<String> sources(String functionId) {
    Set<String> sources = new HashSet<>();
    for (JsonNode m : Template.ofType(Template.MAPPING).values()) {
      if (Template.target(m.get("FunctionName")).orElse("").equals(functionId)) {
        sources.add(Template.target(m.get("EventSourceArn")).orElseThrow());
      }
    }
    return sources;
  }
}
