package dev.orderly.contracts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The template's resources are configured as the architecture asks: sized functions, on-demand
 * tables with point-in-time recovery and TTL, queues that redrive to DLQs, an alarm on every DLQ,
 * SQS consumers with partial batch responses, the relay on every outbox stream.
 */
class TemplateResourcesTest {
  private static final Map<String, JsonNode> FUNCTIONS = Template.functions();

  @Test
  void everyFunction_setsItsOwnMemoryAndTimeout_andHttpOnesAnswerBeforeTheGatewayGivesUp() {
    Set<String> http = new HashSet<>(Template.routes().values());
    assertThat(FUNCTIONS).hasSize(17);
    FUNCTIONS.forEach(
        (id, f) -> {
          assertThat(f.path("MemorySize").asInt()).as("%s MemorySize", id).isBetween(256, 10240);
          int timeout = f.path("Timeout").asInt();
          assertThat(timeout).as("%s Timeout", id).isBetween(1, 900);
          if (http.contains(id)) {
            assertThat(timeout).as("%s answers within the HTTP API's 30 s", id).isLessThan(30);
          }
        });
  }

  @Test
  void theGlobals_runJava17WithTracing_andGiveEveryFunctionTheIdempotencyTable() {
    JsonNode globals = Template.ROOT.at("/Globals/Function");

    assertThat(globals.get("Runtime").asText()).isEqualTo("java17");
    assertThat(globals.get("Tracing").asText()).isEqualTo("Active");
    assertThat(Template.target(globals.at("/Environment/Variables/IDEMPOTENCY_TABLE")))
        .contains("IdempotencyTable");
  }

  @Test
  void onlyThePaymentsFunctions_reserveConcurrency_asABulkhead() {
    Set<String> reserving = new HashSet<>();
    FUNCTIONS.forEach(
        (id, f) -> {
          if (f.has("ReservedConcurrentExecutions")) {
            reserving.add(id);
          }
        });

    assertThat(reserving)
        .containsExactlyInAnyOrder("ChargePaymentFunction", "RefundPaymentFunction");
  }

  @Test
  void everyTable_isOnDemand_withPointInTimeRecovery_andTtlOnExpiresAt() {
    Map<String, JsonNode> tables = Template.ofType(Template.TABLE);

    assertThat(tables).hasSize(7);
    tables.forEach(
        (id, t) -> {
          assertThat(t.path("BillingMode").asText()).as(id).isEqualTo("PAY_PER_REQUEST");
          assertThat(
                  t.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean())
              .as(id)
              .isTrue();
          assertThat(t.at("/TimeToLiveSpecification/AttributeName").asText())
              .as(id)
              .isEqualTo("expiresAt");
        });
  }

  @Test
  void theOrderViewsTable_hasTheByTenantIndex() {
    JsonNode index =
        Template.resource("OrderViewsTable").at("/Properties/GlobalSecondaryIndexes/0");

    assertThat(index.get("IndexName").asText()).isEqualTo("byTenant");
    assertThat(index.at("/KeySchema/0/AttributeName").asText()).isEqualTo("gsi1pk");
    assertThat(index.at("/KeySchema/1/AttributeName").asText()).isEqualTo("gsi1sk");
  }

  @Test
  void everyConsumerQueue_redrivesToItsDlqAfterThreeReceives() {
    Set<String> dlqs = Dlqs.all();
    Template.ofType(Template.QUEUE)
        .forEach(
            (id, q) -> {
              if (!dlqs.contains(id)) {
                assertThat(q.at("/RedrivePolicy/maxReceiveCount").asInt()).as(id).isEqualTo(3);
                String dlq =
                    Template.target(q.at("/RedrivePolicy/deadLetterTargetArn")).orElseThrow();
                assertThat(dlqs).as(id).contains(dlq);
                JsonNode allowed = Template.resource(dlq).at("/Properties/RedriveAllowPolicy");
                assertThat(allowed.path("redrivePermission").asText()).isEqualTo("byQueue");
                assertThat(allowed.at("/sourceQueueArns/0/Fn::Sub").asText())
                    .as("%s accepts redrive from %s only", dlq, id)
                    .endsWith(":" + q.at("/QueueName/Fn::Sub").asText());
              }
            });
  }

  @Test
  void everyDlq_hasAnAlarmOnItsVisibleMessages_thatNotifiesTheAlarmTopic() {
    Map<String, JsonNode> alarms = Template.ofType(Template.ALARM);
    Set<String> watched = new HashSet<>();
    alarms.forEach(
        (id, alarm) -> {
          if (alarm.path("Namespace").asText().equals("AWS/SQS")) {
            assertThat(alarm.path("MetricName").asText())
                .isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(alarm.path("Threshold").asInt()).isZero();
            assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
            assertThat(Template.target(alarm.at("/AlarmActions/0"))).contains("AlarmTopic");
            JsonNode dimension = alarm.at("/Dimensions/0");
            assertThat(dimension.path("Name").asText()).isEqualTo("QueueName");
            watched.add(Template.target(dimension.get("Value")).orElseThrow());
          }
        });

    assertThat(Dlqs.all()).hasSize(6);
    assertThat(watched).containsAll(Dlqs.all());
  }

  @Test
  void everySqsConsumer_reportsBatchItemFailures_andItsQueueOutlastsItsTimeoutSixTimes() {
    int consumers = 0;
    for (JsonNode m : Template.ofType(Template.MAPPING).values()) {
      String source = Template.target(m.get("EventSourceArn")).orElseThrow();
      if (!Template.type(source).equals(Template.QUEUE)) {
        continue;
      }
      consumers++;
      String function = Template.target(m.get("FunctionName")).orElseThrow();
      assertThat(Template.texts(m.get("FunctionResponseTypes")))
          .contains("ReportBatchItemFailures");
      assertThat(m.path("BatchSize").asInt()).isBetween(1, 10);
      assertThat(m.has("MaximumBatchingWindowInSeconds")).isTrue();
      int visibility = Template.resource(source).at("/Properties/VisibilityTimeout").asInt();
      assertThat(visibility)
          .isGreaterThanOrEqualTo(6 * FUNCTIONS.get(function).path("Timeout").asInt());
    }
    assertThat(consumers).isEqualTo(3);
  }

  @Test
  void theRelay_readsEveryOutboxTable_fromItsStart_onlyNewOutboxEntries_bisectingFailures() {
    Set<String> tables = new HashSet<>();
    JsonNode expectedFilter =
        Repository.json(
            "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"type\": {\"S\": [\"OUTBOX\"]}}}}");
    for (JsonNode m : Template.ofType(Template.MAPPING).values()) {
      String source = Template.target(m.get("EventSourceArn")).orElseThrow();
      if (!Template.type(source).equals(Template.TABLE)) {
        continue;
      }
      tables.add(source);
      assertThat(Template.target(m.get("FunctionName"))).contains("OutboxRelayFunction");
      assertThat(
              Template.resource(source)
                  .at("/Properties/StreamSpecification/StreamViewType")
                  .asText())
          .isEqualTo("NEW_IMAGE");
      assertThat(m.path("StartingPosition").asText()).isEqualTo("TRIM_HORIZON");
      assertThat(m.path("BisectBatchOnFunctionError").asBoolean()).isTrue();
      assertThat(m.path("MaximumRetryAttempts").asInt()).isPositive();
      assertThat(Template.texts(m.get("FunctionResponseTypes")))
          .contains("ReportBatchItemFailures");
      assertThat(Repository.json(m.at("/FilterCriteria/Filters/0/Pattern").asText()))
          .isEqualTo(expectedFilter);
      assertThat(Template.target(m.at("/DestinationConfig/OnFailure/Destination")))
          .contains("OutboxRelayFailureDlq");
    }

    assertThat(tables)
        .containsExactlyInAnyOrder("OrdersTable", "InventoryTable", "PaymentsTable", "UsersTable");
  }

  @Test
  void theStateMachine_isStandard_loggedAndTraced_fromTheDefinitionFile() {
    JsonNode saga = Template.ofType(Template.STATE_MACHINE).get("OrderSaga");

    assertThat(saga.path("Type").asText()).isEqualTo("STANDARD");
    assertThat(saga.path("DefinitionUri").asText()).isEqualTo("statemachines/order-saga.asl.json");
    assertThat(Repository.path(saga.path("DefinitionUri").asText())).isRegularFile();
    assertThat(saga.at("/Logging/Level").asText()).isEqualTo("ALL");
    assertThat(saga.at("/Logging/IncludeExecutionData").asBoolean()).isFalse();
    assertThat(
            Template.target(saga.at("/Logging/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn")))
        .contains("OrderSagaLogs");
    assertThat(saga.at("/Tracing/Enabled").asBoolean()).isTrue();
    assertThat(Template.target(saga.at("/DefinitionSubstitutions/CompensationDlqUrl")))
        .contains("CompensationDlq");
  }
}
