package dev.orderly.stepfunctions.internal.validation;

import static dev.orderly.stepfunctions.internal.validation.FieldKind.INTEGER_FROM_0;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.NESTED;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.QUERY_LANGUAGE;
import static dev.orderly.stepfunctions.internal.validation.FieldKind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a definition when it is created, naming the state and field of every problem: what
 * asl-validator 4.0.0 checks of a JSONPath definition (its schema — fields, kinds, ranges, paths,
 * payload templates, Choice rules — and its checks: transitions, terminal states, unique state
 * names, field groups) and what it misses: BackoffRate below 1, an unknown JitterStrategy, {@code
 * States.ALL} that is not alone and last, states unreachable from StartAt. Parallel branches and
 * Map processors are scopes of their own, their states named with the scope as a prefix ({@code
 * P.Branches[0].B}). JSONata definitions are not supported.
 */
public final class DefinitionValidator {
  private static final Pattern STATE_NAME = Pattern.compile(".{1,80}");
  private static final Map<String, FieldKind> MACHINE =
      Fields.of(
          "Comment", STRING,
          "StartAt", NESTED,
          "States", NESTED,
          "Version", STRING,
          "TimeoutSeconds", INTEGER_FROM_0,
          "QueryLanguage", QUERY_LANGUAGE);
  private static final Map<String, FieldKind> PROCESSOR =
      Fields.of("Comment", STRING, "StartAt", NESTED, "States", NESTED, "ProcessorConfig", NESTED);

  /** One problem: where, and what. */
  public record Problem(String location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private final List<Problem> problems = new ArrayList<>();

  /** Every state's scoped names by its bare name, to find names used more than once. */
  private final Map<String, List<String>> names = new LinkedHashMap<>();

  private DefinitionValidator() {}

  public static List<Problem> validate(JsonNode definition) {
    DefinitionValidator validator = new DefinitionValidator();
    Reporter machine =
        (field, message) ->
            validator.problems.add(new Problem(field == null ? "Definition" : field, message));
    if (!definition.isObject()) {
      machine.subject("must be a JSON object");
    } else if (definition.path("QueryLanguage").asText().equals("JSONata")) {
      machine.report("QueryLanguage", "JSONata is not supported, only JSONPath");
    } else {
      Fields.check(machine, definition, MACHINE, "a state machine");
      validator.scope(definition, "", machine);
      validator.uniqueNames();
    }
    return validator.problems;
  }

  /** A state machine, Parallel branch or Map processor: {@code r} reports on its fields. */
  private void scope(JsonNode machine, String prefix, Reporter r) {
    JsonNode states = machine.get("States");
    JsonNode startAt = machine.get("StartAt");
    if (startAt == null) {
      r.report("StartAt", "is required");
    } else if (!startAt.isTextual()) {
      r.report("StartAt", "must be a string");
    }
    if (states == null || !states.isObject() || states.isEmpty()) {
      r.report("States", "must be a non-empty object");
      return;
    }
    if (startAt != null && startAt.isTextual() && !states.has(startAt.textValue())) {
      r.report("StartAt", "must name a state, was " + startAt.textValue());
    }
    boolean terminal = false;
    Iterator<Map.Entry<String, JsonNode>> fields = states.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      JsonNode state = entry.getValue();
      terminal |=
          Set.of("Succeed", "Fail").contains(state.path("Type").asText())
              || state.path("End").asBoolean();
      state(entry.getKey(), state, states, prefix);
    }
    if (!terminal) {
      r.report("States", "has no terminal state (End: true, Succeed or Fail)");
    }
    if (startAt != null && startAt.isTextual() && states.has(startAt.textValue())) {
      Set<String> reachable = reachable(startAt.textValue(), states);
      states
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!reachable.contains(name)) {
                  problems.add(
                      new Problem(where(prefix, name, null), "is unreachable from StartAt"));
                }
              });
    }
  }

  private void state(String name, JsonNode state, JsonNode states, String prefix) {
    Reporter r = (field, message) -> problems.add(new Problem(where(prefix, name, field), message));
    names.computeIfAbsent(name, n -> new ArrayList<>()).add(prefix + name);
    if (!STATE_NAME.matcher(name).matches()) {
      r.subject("name must be 1 to 80 characters on one line");
    }
    if (!state.isObject()) {
      r.subject("must be an object");
      return;
    }
    if (state.path("QueryLanguage").asText().equals("JSONata")) {
      r.report("QueryLanguage", "JSONata is not supported, only JSONPath");
      return;
    }
    JsonNode type = state.get("Type");
    if (type == null) {
      r.report("Type", "is required");
      return;
    }
    if (!StateFields.TYPES.contains(type.asText()) || !type.isTextual()) {
      r.report("Type", "unknown state type " + FieldKind.shown(type));
      return;
    }
    StateFields.check(type.textValue(), state, r);
    target(r, state, "Next", states);
    target(r, state, "Default", states);
    ChoiceRuleChecks.choices(r, state.get("Choices"), states::has);
    ErrorHandlers.retriers(r, state.get("Retry"));
    ErrorHandlers.catchers(r, state.get("Catch"), states::has);
    if (type.textValue().equals("Parallel")) {
      branches(r, state.get("Branches"), prefix + name);
    }
    if (type.textValue().equals("Map")) {
      for (String field : List.of("ItemProcessor", "Iterator")) {
        JsonNode processor = state.get(field);
        if (processor != null && processor.isObject()) {
          Reporter at = r.in(field);
          Fields.check(at, processor, PROCESSOR, null);
          if (field.equals("ItemProcessor")) {
            processorConfig(at, processor.get("ProcessorConfig"));
          }
          scope(processor, prefix + name + "." + field + ".", at);
        }
      }
    }
  }

  private void branches(Reporter r, JsonNode branches, String scopedName) {
    if (branches == null) {
      return;
    }
    if (!branches.isArray()) {
      r.report("Branches", "must be an array");
      return;
    }
    for (int i = 0; i < branches.size(); i++) {
      String field = "Branches[" + i + "]";
      JsonNode branch = branches.get(i);
      if (!branch.isObject()) {
        r.report(field, "must be an object");
        continue;
      }
      Fields.check(r.in(field), branch, MACHINE, "a branch");
      scope(branch, scopedName + "." + field + ".", r.in(field));
    }
  }

  private static void processorConfig(Reporter r, JsonNode config) {
    if (config == null) {
      return;
    }
    if (!config.isObject()) {
      r.report("ProcessorConfig", "must be an object");
      return;
    }
    String mode = config.path("Mode").asText(null);
    if (!"INLINE".equals(mode) && !"DISTRIBUTED".equals(mode)) {
      r.report("ProcessorConfig.Mode", "must be INLINE or DISTRIBUTED");
    } else if (mode.equals("DISTRIBUTED")
        && !Set.of("EXPRESS", "STANDARD").contains(config.path("ExecutionType").asText())) {
      r.report("ProcessorConfig.ExecutionType", "must be EXPRESS or STANDARD in DISTRIBUTED mode");
    }
  }

  private static void target(Reporter r, JsonNode state, String field, JsonNode states) {
    JsonNode target = state.get(field);
    if (target != null && target.isTextual() && !states.has(target.textValue())) {
      r.report(field, "names no state: " + target.textValue());
    }
  }

  /** State names are unique across the definition, branches and processors included. */
  private void uniqueNames() {
    names.forEach(
        (name, scoped) -> {
          for (String again : scoped.subList(1, scoped.size())) {
            problems.add(
                new Problem(
                    where("", again, null),
                    "has the same name as state '" + scoped.get(0) + "'; names must be unique"));
          }
        });
  }

  private static Set<String> reachable(String start, JsonNode states) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String name = queue.poll();
      JsonNode state = states.get(name);
      if (state == null || !seen.add(name)) {
        continue;
      }
      addTarget(queue, state.get("Next"));
      addTarget(queue, state.get("Default"));
      state.path("Choices").forEach(choice -> addTarget(queue, choice.get("Next")));
      state.path("Catch").forEach(catcher -> addTarget(queue, catcher.get("Next")));
    }
    return seen;
  }

  private static void addTarget(Deque<String> queue, JsonNode target) {
    if (target != null && target.isTextual()) {
      queue.add(target.asText());
    }
  }

  private static String where(String prefix, String state, String field) {
    return "State '" + prefix + state + "'" + (field == null ? "" : ", field '" + field + "'");
  }
}
