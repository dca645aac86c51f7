package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Conditions section, each evaluated once, on demand. Conditions may refer only to parameters,
 * pseudo parameters and other conditions; a cycle among them fails.
 */
final class Conditions {
  private final Map<String, JsonNode> definitions = new LinkedHashMap<>();
  private final Map<String, Boolean> values = new HashMap<>();
  private final Set<String> evaluating = new LinkedHashSet<>();
  private final Intrinsics intrinsics;

  /** Resolves Ref of a parameter or pseudo parameter, failing for anything else. */
  interface ParameterRef {
    JsonNode ref(String name, Where where);
  }

  Conditions(JsonNode section, ParameterRef parameters) {
    Props props = Props.of(section, Where.of("Conditions"));
    for (String name : props.keys()) {
      definitions.put(
          name,
          props.node(name).orElseThrow(() -> Where.of("Conditions").at(name).fail("is empty")));
    }
    this.intrinsics = new Intrinsics(new ParametersOnly(parameters, this));
  }

  boolean contains(String name) {
    return definitions.containsKey(name);
  }

  boolean value(String name, Where where) {
    Boolean known = values.get(name);
    if (known != null) {
      return known;
    }
    if (!definitions.containsKey(name)) {
      throw where.fail("condition " + name + " is not defined in Conditions");
    }
    if (!evaluating.add(name)) {
      List<String> cycle = new ArrayList<>(evaluating);
      cycle.add(name);
      throw Where.of("Conditions").fail("circular condition: " + String.join(" -> ", cycle));
    }
    boolean value = intrinsics.condition(definitions.get(name), Where.of("Condition " + name));
    evaluating.remove(name);
    values.put(name, value);
    return value;
  }

  /** Every condition evaluated, so that a broken one fails even if nothing uses it. */
  void evaluateAll() {
    definitions.keySet().forEach(name -> value(name, Where.of("Conditions")));
  }

  private static final class ParametersOnly implements Intrinsics.Symbols {
    private final ParameterRef delegate;
    private final Conditions conditions;

    ParametersOnly(ParameterRef delegate, Conditions conditions) {
      this.delegate = delegate;
      this.conditions = conditions;
    }

    @Override
    public JsonNode ref(String name, Where where) {
      return delegate.ref(name, where);
    }

    @Override
    public String getAtt(String logicalId, String attribute, Where where) {
      throw where.fail("a condition cannot use Fn::GetAtt (" + logicalId + "." + attribute + ")");
    }

    @Override
    public boolean condition(String name, Where where) {
      return conditions.value(name, where);
    }
  }
}
