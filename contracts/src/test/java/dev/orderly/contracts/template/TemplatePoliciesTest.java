package dev.orderly.contracts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.template.Template.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Least privilege: no statement grants every resource (save the state machine's log delivery, whose
 * actions AWS scopes to no resource), the SAM policy templates used are the resource-scoped ones,
 * each function may touch the tables its environment names, and the state machine may invoke
 * exactly the functions its definition calls.
 */
class TemplatePoliciesTest {
  /**
   * CloudWatch Logs' log-delivery actions, which support no resource-level permission: the only
   * actions a statement may grant on {@code *} (Step Functions logging needs them).
   */
  static final Set<String> UNSCOPABLE_LOG_DELIVERY =
      Set.of(
          "logs:CreateLogDelivery",
          "logs:GetLogDelivery",
          "logs:UpdateLogDelivery",
          "logs:DeleteLogDelivery",
          "logs:ListLogDeliveries",
          "logs:PutResourcePolicy",
          "logs:DescribeResourcePolicies",
          "logs:DescribeLogGroups");

  /** SAM policy templates whose every statement names the resource given as its parameter. */
  static final Map<String, String> SCOPED_POLICY_TEMPLATES =
      Map.of(
          "SQSPollerPolicy", "QueueName",
          "SQSSendMessagePolicy", "QueueName",
          "LambdaInvokePolicy", "FunctionName",
          "StepFunctionsExecutionPolicy", "StateMachineName",
          "EventBridgePutEventsPolicy", "EventBusName");

  @Test
  void noStatement_grantsEveryResource_butTheLogDeliveryActions() {
    List<String> wildcards = new ArrayList<>();
    for (Statement s : Template.statements()) {
      boolean everything =
          s.resources().stream().anyMatch(r -> r.isTextual() && r.asText().equals("*"));
      if (everything && !UNSCOPABLE_LOG_DELIVERY.containsAll(s.actions())) {
        wildcards.add(s.holder() + " " + s.statement());
      }
    }

    assertThat(Template.statements()).hasSizeGreaterThan(30);
    assertThat(wildcards).isEmpty();
  }

  @Test
  void everyStatement_allows_namesItsActions_andHasAResource() {
    for (Statement s : Template.statements()) {
      assertThat(s.statement().path("Effect").asText()).as("%s", s).isEqualTo("Allow");
      assertThat(s.actions()).as("%s", s).isNotEmpty().noneMatch(a -> a.contains("*"));
      assertThat(s.resources()).as("%s", s).isNotEmpty();
    }
  }

  @Test
  void everyPolicyTemplate_isAResourceScopedOne_givenAReference() {
    List<String> used = new ArrayList<>();
    Template.resources()
        .forEach(
            resource ->
                resource
                    .path("Properties")
                    .path("Policies")
                    .forEach(
                        policy -> {
                          if (!policy.has("Statement")) {
                            String name = policy.fieldNames().next();
                            used.add(name);
                            assertThat(SCOPED_POLICY_TEMPLATES).containsKey(name);
                            JsonNode parameter =
                                policy.get(name).get(SCOPED_POLICY_TEMPLATES.get(name));
                            assertThat(Template.target(parameter)).as("%s", policy).isPresent();
                          }
                        }));

    assertThat(used).isNotEmpty();
  }

  @Test
  void everyFunction_mayUseTheTablesItsEnvironmentNames_andNoOther() {
    Template.functions()
        .forEach(
            (id, function) -> {
              Set<String> named = new HashSet<>();
              function
                  .path("Environment")
                  .path("Variables")
                  .fields()
                  .forEachRemaining(
                      v -> {
                        if (v.getKey().endsWith("_TABLE")) {
                          Template.target(v.getValue()).ifPresent(named::add);
                        }
                      });
              Set<String> granted = new HashSet<>();
              for (Statement s : Template.statements()) {
                if (s.holder().equals(id)) {
                  s.resources().forEach(r -> granted.addAll(tablesIn(r)));
                }
              }
              granted.remove("IdempotencyTable");
              assertThat(granted).as("tables %s may use", id).isEqualTo(named);
            });
  }

  @Test
  void theStateMachine_mayInvokeExactlyTheFunctionsItsDefinitionCalls() {
    JsonNode saga = Template.ofType(Template.STATE_MACHINE).get("OrderSaga");
    Set<String> invokable = new HashSet<>();
    saga.path("Policies")
        .forEach(
            p -> {
              if (p.has("LambdaInvokePolicy")) {
                invokable.add(
                    Template.target(p.at("/LambdaInvokePolicy/FunctionName")).orElseThrow());
              }
            });
    Set<String> called = new HashSet<>();
    saga.path("DefinitionSubstitutions")
        .forEach(
            v ->
                Template.target(v)
                    .filter(id -> Template.type(id).equals(Template.FUNCTION))
                    .ifPresent(called::add));

    assertThat(invokable).hasSize(6).isEqualTo(called);
  }

  /** The tables a Resource value names: GetAtt of their Arn or StreamArn, or a Sub on them. */
  private static Set<String> tablesIn(JsonNode resource) {
    Set<String> tables = new HashSet<>();
    References.in(wrap(resource)).stream()
        .map(References.Reference::name)
        .filter(name -> Template.resources().has(name))
        .filter(name -> Template.type(name).equals(Template.TABLE))
        .forEach(tables::add);
    return tables;
  }

  private static JsonNode wrap(JsonNode value) {
    com.fasterxml.jackson.databind.node.ObjectNode root =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    root.set("Value", value);
    return root;
  }
}
