package dev.orderly.localcloud.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A template read for the local cloud: every resource it creates, resolved and typed, keyed by
 * logical id in template order. Resources whose {@code Condition} is false are absent (listed in
 * {@code skippedResources} with their condition).
 *
 * @param parameters every parameter's value; a CommaDelimitedList's members joined by commas
 * @param skippedResources logical id to the false condition that skipped it
 */
public record LocalTemplate(
    Map<String, String> parameters,
    Map<String, FunctionSpec> functions,
    Map<String, HttpApiSpec> httpApis,
    Map<String, TableSpec> tables,
    Map<String, QueueSpec> queues,
    Map<String, EventBusSpec> eventBuses,
    Map<String, RuleSpec> rules,
    Map<String, StateMachineSpec> stateMachines,
    Map<String, EventSourceMappingSpec> eventSourceMappings,
    List<IgnoredResource> ignoredResources,
    Map<String, String> skippedResources,
    Map<String, String> outputs) {
  public LocalTemplate {
    parameters = Copies.map(parameters);
    functions = Copies.map(functions);
    httpApis = Copies.map(httpApis);
    tables = Copies.map(tables);
    queues = Copies.map(queues);
    eventBuses = Copies.map(eventBuses);
    rules = Copies.map(rules);
    stateMachines = Copies.map(stateMachines);
    eventSourceMappings = Copies.map(eventSourceMappings);
    ignoredResources = Copies.list(ignoredResources);
    skippedResources = Copies.map(skippedResources);
    outputs = Copies.map(outputs);
  }

  /** The function of that physical name (what FunctionInvoker is called with), if any. */
  public Optional<FunctionSpec> functionNamed(String name) {
    Objects.requireNonNull(name, "name");
    return functions.values().stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
