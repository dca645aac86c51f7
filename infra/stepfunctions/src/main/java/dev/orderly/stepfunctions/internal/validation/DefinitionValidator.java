package dev.orderly.stepfunctions.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a definition when it is created, naming the state and field of every problem: what
 * asl-validator checks (StartAt, transitions, Choice rules, terminal states) and what it misses —
 * BackoffRate below 1, an unknown JitterStrategy, {@code States.ALL} that is not alone and last,
 * unreachable states. Parallel branches and Map processors are checked as scopes of their own.
 */
public final class DefinitionValidator {
  private static final Set<String> TYPES =
      Set.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  /** One problem: where, and what. */
  public record Problem(String location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private DefinitionValidator() {}

  public static List<Problem> validate(JsonNode definition) {
    List<Problem> problems = new ArrayList<>();
    scope(definition, "", problems);
    return problems;
  }

  private static void scope(JsonNode machine, String prefix, List<Problem> problems) {
    JsonNode states = machine.get("States");
    String startAt = machine.path("StartAt").asText(null);
    if (states == null || !states.isObject() || states.isEmpty()) {
      problems.add(new Problem(prefix + "States", "must be a non-empty object"));
      return;
    }
    if (startAt == null || !states.has(startAt)) {
      problems.add(new Problem(prefix + "StartAt", "must name a state, was " + startAt));
    }
    Iterator<Map.Entry<String, JsonNode>> fields = states.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      state(entry.getKey(), entry.getValue(), states, prefix, problems);
    }
    if (startAt != null && states.has(startAt)) {
      Set<String> reachable = reachable(startAt, states);
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

  private static void state(
      String name, JsonNode state, JsonNode states, String prefix, List<Problem> problems) {
    String type = state.path("Type").asText(null);
    if (!TYPES.contains(type)) {
      problems.add(new Problem(where(prefix, name, "Type"), "unknown state type " + type));
      return;
    }
    boolean terminalType = type.equals("Succeed") || type.equals("Fail") || type.equals("Choice");
    if (!terminalType) {
      boolean end = state.path("End").asBoolean(false);
      boolean hasNext = state.has("Next");
      if (end == hasNext) {
        problems.add(
            new Problem(
                where(prefix, name, "Next"), "exactly one of Next and End: true is required"));
      }
    }
    target(state, "Next", name, states, prefix, problems);
    if (type.equals("Choice")) {
      JsonNode choices = state.get("Choices");
      if (choices == null || !choices.isArray() || choices.isEmpty()) {
        problems.add(new Problem(where(prefix, name, "Choices"), "must be a non-empty array"));
      } else {
        for (int i = 0; i < choices.size(); i++) {
          String at = "Choices[" + i + "].Next";
          JsonNode next = choices.get(i).get("Next");
          if (next == null) {
            problems.add(new Problem(where(prefix, name, at), "is required"));
          } else if (!states.has(next.asText())) {
            problems.add(new Problem(where(prefix, name, at), "names no state: " + next.asText()));
          }
        }
      }
      target(state, "Default", name, states, prefix, problems);
    }
    retriers(name, state.get("Retry"), prefix, problems);
    catchers(name, state.get("Catch"), states, prefix, problems);
    if (type.equals("Parallel")) {
      JsonNode branches = state.path("Branches");
      for (int i = 0; i < branches.size(); i++) {
        scope(branches.get(i), prefix + name + ".Branches[" + i + "].", problems);
      }
    }
    if (type.equals("Map")) {
      JsonNode processor =
          state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
      if (processor == null) {
        problems.add(new Problem(where(prefix, name, "ItemProcessor"), "is required"));
      } else {
        scope(processor, prefix + name + ".ItemProcessor.", problems);
      }
    }
  }

  private static void target(
      JsonNode node,
      String field,
      String name,
      JsonNode states,
      String prefix,
      List<Problem> problems) {
    if (node.has(field) && !states.has(node.get(field).asText())) {
      problems.add(
          new Problem(where(prefix, name, field), "names no state: " + node.get(field).asText()));
    }
  }

  private static void retriers(String name, JsonNode retry, String prefix, List<Problem> problems) {
    if (retry == null) {
      return;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode retrier = retry.get(i);
      String at = "Retry[" + i + "]";
      errorEquals(name, at, retrier, i == retry.size() - 1, prefix, problems);
      if (retrier.has("BackoffRate") && retrier.get("BackoffRate").asDouble() < 1.0) {
        problems.add(
            new Problem(
                where(prefix, name, at + ".BackoffRate"),
                "must be at least 1.0, was " + retrier.get("BackoffRate").asText()));
      }
      if (retrier.has("MaxAttempts") && retrier.get("MaxAttempts").asInt() < 0) {
        problems.add(new Problem(where(prefix, name, at + ".MaxAttempts"), "must not be negative"));
      }
      if (retrier.has("IntervalSeconds") && retrier.get("IntervalSeconds").asInt() < 1) {
        problems.add(
            new Problem(where(prefix, name, at + ".IntervalSeconds"), "must be at least 1"));
      }
      if (retrier.has("MaxDelaySeconds") && retrier.get("MaxDelaySeconds").asInt() < 1) {
        problems.add(
            new Problem(where(prefix, name, at + ".MaxDelaySeconds"), "must be at least 1"));
      }
      if (retrier.has("JitterStrategy")
          && !Set.of("FULL", "NONE").contains(retrier.get("JitterStrategy").asText())) {
        problems.add(
            new Problem(
                where(prefix, name, at + ".JitterStrategy"),
                "must be FULL or NONE, was " + retrier.get("JitterStrategy").asText()));
      }
    }
  }

  private static void catchers(
      String name, JsonNode catchers, JsonNode states, String prefix, List<Problem> problems) {
    if (catchers == null) {
      return;
    }
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode catcher = catchers.get(i);
      String at = "Catch[" + i + "]";
      errorEquals(name, at, catcher, i == catchers.size() - 1, prefix, problems);
      if (!catcher.has("Next")) {
        problems.add(new Problem(where(prefix, name, at + ".Next"), "is required"));
      } else if (!states.has(catcher.get("Next").asText())) {
        problems.add(
            new Problem(
                where(prefix, name, at + ".Next"),
                "names no state: " + catcher.get("Next").asText()));
      }
    }
  }

  private static void errorEquals(
      String name, String at, JsonNode node, boolean last, String prefix, List<Problem> problems) {
    JsonNode errors = node.get("ErrorEquals");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      problems.add(
          new Problem(where(prefix, name, at + ".ErrorEquals"), "must be a non-empty array"));
      return;
    }
    for (JsonNode error : errors) {
      if (error.asText().equals("States.ALL") && (errors.size() > 1 || !last)) {
        problems.add(
            new Problem(
                where(prefix, name, at + ".ErrorEquals"),
                "States.ALL must appear alone and in the last "
                    + (at.startsWith("Retry") ? "retrier" : "catcher")));
      }
    }
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
