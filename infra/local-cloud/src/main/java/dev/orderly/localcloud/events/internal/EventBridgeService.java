package dev.orderly.localcloud.events.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.events.EventBridgeException;
import dev.orderly.localcloud.events.ResourceNotFoundException;
import dev.orderly.localcloud.events.RuleSpec;
import dev.orderly.localcloud.events.TargetSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The buses, their rules and PutEvents: validates and wraps each entry, matches it on its bus and
 * hands every (rule, target) pair to the {@link Dispatcher}. PutEvents returns once events are
 * matched; delivery is asynchronous.
 */
public final class EventBridgeService {
  private static final int MAX_TARGETS = 5;

  private final Arns arns;
  private final Clock clock;
  private final Supplier<String> ids;
  private final TargetRouter router;
  private final Dispatcher dispatcher;
  private final Counters counters;
  private final Map<String, Bus> buses = new LinkedHashMap<>();

  public EventBridgeService(
      Arns arns,
      Clock clock,
      Supplier<String> ids,
      TargetRouter router,
      Dispatcher dispatcher,
      Counters counters) {
    this.arns = arns;
    this.clock = clock;
    this.ids = ids;
    this.router = router;
    this.dispatcher = dispatcher;
    this.counters = counters;
    buses.put("default", new Bus("default", arns.bus("default")));
  }

  public Arns arns() {
    return arns;
  }

  public synchronized Bus createBus(String name) {
    if (name == null || !name.matches("[/.\\-_A-Za-z0-9]{1,256}")) {
      throw EventBridgeException.validation("Event bus name " + name + " is not valid");
    }
    if (buses.containsKey(name)) {
      throw new EventBridgeException(
          "ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
    }
    Bus bus = new Bus(name, arns.bus(name));
    buses.put(name, bus);
    return bus;
  }

  /** A bus by name or ARN ({@code default} when null). */
  public synchronized Bus bus(String nameOrArn) {
    String name = Arns.busName(nameOrArn);
    Bus bus = buses.get(name);
    if (bus == null) {
      throw new ResourceNotFoundException("Event bus " + name + " does not exist.");
    }
    return bus;
  }

  public synchronized List<Bus> buses() {
    return new ArrayList<>(buses.values());
  }

  /** Creates or replaces a rule with exactly these targets. */
  public synchronized Rule putRule(RuleSpec spec) {
    Bus bus = bus(spec.eventBusName());
    Rule rule =
        rule(
            bus,
            spec.name(),
            spec.eventPattern(),
            state(spec.state()),
            null,
            targets(spec.targets()));
    bus.put(rule);
    return rule;
  }

  /** PutRule: creates or updates a rule's pattern and state, keeping its targets. */
  public synchronized Rule putRule(
      String busName, String name, String pattern, String state, String description) {
    Bus bus = bus(busName);
    String ruleState = state(state);
    Rule existing = bus.rule(name);
    Map<String, Target> targets = existing == null ? Map.of() : existing.targets();
    Rule rule = rule(bus, name, pattern, ruleState, description, targets);
    bus.put(rule);
    return rule;
  }

  /** PutTargets: adds or replaces targets (by Id) of an existing rule. */
  public synchronized void putTargets(String busName, String ruleName, List<TargetSpec> specs) {
    Bus bus = bus(busName);
    Rule rule = rule(bus, ruleName);
    Map<String, Target> targets = new LinkedHashMap<>(rule.targets());
    targets.putAll(targets(specs));
    if (targets.size() > MAX_TARGETS) {
      throw new EventBridgeException(
          "LimitExceededException", "Rule " + ruleName + " would have more than 5 targets");
    }
    bus.put(rule.withTargets(targets));
  }

  public Rule rule(Bus bus, String ruleName) {
    Rule rule = bus.rule(ruleName);
    if (rule == null) {
      throw new ResourceNotFoundException(
          "Rule " + ruleName + " does not exist on EventBus " + bus.name() + ".");
    }
    return rule;
  }

  private static String state(String state) {
    String ruleState = state == null ? "ENABLED" : state;
    if (!ruleState.equals("ENABLED") && !ruleState.equals("DISABLED")) {
      throw EventBridgeException.validation(
          "State " + state + " is not supported: ENABLED or DISABLED");
    }
    return ruleState;
  }

  private Rule rule(
      Bus bus,
      String name,
      String pattern,
      String state,
      String description,
      Map<String, Target> targets) {
    if (name == null || !name.matches("[.\\-_A-Za-z0-9]{1,64}")) {
      throw EventBridgeException.validation("Rule name " + name + " is not valid");
    }
    if (pattern == null) {
      throw EventBridgeException.validation(
          "Rule " + name + " needs an EventPattern (ScheduleExpression is not supported)");
    }
    return new Rule(
        name,
        bus.name(),
        arns.rule(bus.name(), name),
        pattern,
        Bus.compile(name, pattern),
        state,
        description,
        targets);
  }

  private Map<String, Target> targets(List<TargetSpec> specs) {
    if (specs.size() > MAX_TARGETS) {
      throw new EventBridgeException(
          "LimitExceededException", "A rule can have at most " + MAX_TARGETS + " targets");
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    for (TargetSpec spec : specs) {
      router.target(spec.arn());
      if (spec.deadLetterArn() != null) {
        router.checkDeadLetter(spec.deadLetterArn());
      }
      if (targets.put(spec.id(), new Target(spec)) != null) {
        throw EventBridgeException.validation("Target Id " + spec.id() + " is used twice");
      }
    }
    return targets;
  }

  /**
   * PutEvents: one result per entry, in order.
   *
   * @throws EventBridgeException when the request as a whole is over the limits
   */
  public List<PutEventsResult> putEvents(List<PutEventsEntry> entries) {
    Envelopes.checkRequest(entries);
    List<PutEventsResult> results = new ArrayList<>();
    for (PutEventsEntry entry : entries) {
      PutEventsResult result = put(entry);
      (result.failed() ? counters.rejected : counters.accepted).incrementAndGet();
      results.add(result);
    }
    return results;
  }

  private PutEventsResult put(PutEventsEntry entry) {
    PutEventsResult problem = Envelopes.problem(entry);
    if (problem != null) {
      return problem;
    }
    Bus bus;
    try {
      bus = bus(entry.eventBusName());
    } catch (ResourceNotFoundException e) {
      return PutEventsResult.failed(e.errorCode(), e.getMessage());
    }
    Instant now = clock.instant();
    String id = ids.get();
    ObjectNode event = Envelopes.envelope(entry, id, now, arns.account(), arns.region());
    List<Rule> matched = bus.match(event.toString());
    if (matched.isEmpty()) {
      counters.unmatched.incrementAndGet();
    }
    for (Rule rule : matched) {
      counters.matched.incrementAndGet();
      RenderContext context = new RenderContext(event, rule.name(), rule.arn(), now);
      rule.targets().values().forEach(target -> dispatcher.dispatch(rule, target, context));
    }
    return PutEventsResult.accepted(id);
  }
}
