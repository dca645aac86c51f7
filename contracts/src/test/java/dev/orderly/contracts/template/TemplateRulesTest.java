package dev.orderly.contracts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.contracts.ContractReadme;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every domain event reaches exactly the consumers the architecture names (OrderPlaced starts the
 * saga; UserRegistered, OrderConfirmed and OrderCancelled are emailed; every order and user event
 * feeds the order views), through rules that retry, dead-letter, and may send only to their queue.
 */
class TemplateRulesTest {
  static Stream<Arguments> routes() {
    Map<String, Set<String>> expected =
        Map.of(
            "OrderPlaced", Set.of("StartSagaFunction", "ProjectionFunction"),
            "OrderConfirmed", Set.of("NotificationFunction", "ProjectionFunction"),
            "OrderCancelled", Set.of("NotificationFunction", "ProjectionFunction"),
            "UserRegistered", Set.of("NotificationFunction", "ProjectionFunction"),
            "UserUpdated", Set.of("ProjectionFunction"),
            "StockReserved", Set.of(),
            "StockReleased", Set.of(),
            "PaymentCharged", Set.of(),
            "PaymentRefunded", Set.of());
    return ContractReadme.eventSources().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue(), expected.get(e.getKey())));
  }

  @ParameterizedTest(name = "{0} reaches {2}")
  @MethodSource("routes")
  void everyEvent_reachesExactlyItsConsumers(
      String detailType, String source, Set<String> consumers) {
    assertThat(consumers).as("a routing expectation for %s", detailType).isNotNull();

    assertThat(Routing.consumersOf(event(source, detailType))).isEqualTo(consumers);
  }

  @Test
  void anEventFromAnotherSource_reachesNobody() {
    assertThat(Routing.consumersOf(event("acme.orders", "OrderPlaced"))).isEmpty();
  }

  @Test
  void everyRule_isOnTheOrderlyBus_andEachTargetRetriesForADayThenDeadLetters() {
    Template.ofType(Template.RULE)
        .forEach(
            (id, rule) -> {
              assertThat(Template.target(rule.get("EventBusName")))
                  .as(id)
                  .contains("OrderlyEventBus");
              assertThat(Routing.problemWith(rule.get("EventPattern"))).as(id).isNull();
              rule.path("Targets")
                  .forEach(
                      t -> {
                        assertThat(t.at("/RetryPolicy/MaximumRetryAttempts").asInt()).isPositive();
                        assertThat(t.at("/RetryPolicy/MaximumEventAgeInSeconds").asInt())
                            .isEqualTo(86400);
                        assertThat(Template.target(t.at("/DeadLetterConfig/Arn")))
                            .contains("EventDeliveryDlq");
                      });
            });
  }

  @Test
  void eachTargetQueue_letsEventBridgeSendOnlyForItsOwnRule() {
    Map<String, String> targets = Routing.ruleTargets();
    targets.forEach(
        (rule, queue) -> {
          JsonNode statement = queuePolicyStatementOf(queue);
          assertThat(statement.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
          assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
          assertThat(Template.target(statement.at("/Condition/ArnEquals/aws:SourceArn")))
              .contains(rule);
        });
  }

  private static JsonNode queuePolicyStatementOf(String queue) {
    return Template.ofType("AWS::SQS::QueuePolicy").values().stream()
        .filter(p -> Template.target(p.at("/Queues/0")).orElse("").equals(queue))
        .map(p -> p.at("/PolicyDocument/Statement/0"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no queue policy for " + queue));
  }

  static JsonNode event(String source, String detailType) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("version", "0");
    event.put("id", "e-1");
    event.put("detail-type", detailType);
    event.put("source", source);
    event.put("account", "123456789012");
    event.put("time", "2026-05-01T10:00:00Z");
    event.put("region", "us-east-1");
    event.putArray("resources");
    event.putObject("detail").putObject("metadata").put("tenantId", "acme");
    return event;
  }
}
