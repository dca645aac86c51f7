package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.InvalidEventPatternException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.Patterns;

/**
 * One event bus: its rules and an event-ruler {@link Machine} holding their patterns, so one match
 * call finds every rule an event satisfies. Rules change under a write lock, events match under a
 * read lock.
 */
public final class Bus {
  private final String name;
  private final String arn;
  private final Machine machine = Machine.builder().build();
  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  Bus(String name, String arn) {
    this.name = name;
    this.arn = arn;
  }

  public String name() {
    return name;
  }

  public String arn() {
    return arn;
  }

  /**
   * Compiles an EventPattern with event-ruler's {@link JsonRuleCompiler} (the compiler EventBridge
   * patterns use: {@code $or}, prefix, suffix, anything-but, numeric, exists, cidr, wildcard…).
   *
   * @throws InvalidEventPatternException with event-ruler's reason
   */
  static List<Map<String, List<Patterns>>> compile(String ruleName, String pattern) {
    String problem = JsonRuleCompiler.check(pattern);
    if (problem != null) {
      throw new InvalidEventPatternException(ruleName, problem);
    }
    try {
      return JsonRuleCompiler.compile(pattern);
    } catch (IOException | RuntimeException e) {
      throw new InvalidEventPatternException(ruleName, String.valueOf(e.getMessage()));
    }
  }

  /** Adds or replaces a rule (by name). */
  void put(Rule rule) {
    lock.writeLock().lock();
    try {
      Rule previous = rules.put(rule.name(), rule);
      if (previous != null) {
        previous.compiled().forEach(pattern -> machine.deletePatternRule(previous.name(), pattern));
      }
      rule.compiled().forEach(pattern -> machine.addPatternRule(rule.name(), pattern));
    } finally {
      lock.writeLock().unlock();
    }
  }

  Rule rule(String ruleName) {
    lock.readLock().lock();
    try {
      return rules.get(ruleName);
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<Rule> rules() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(rules.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The enabled rules {@code eventJson} (a full event envelope) matches, in rule order. */
  List<Rule> match(String eventJson) {
    lock.readLock().lock();
    try {
      Set<String> names = new LinkedHashSet<>(machine.rulesForJSONEvent(eventJson));
      List<Rule> matched = new ArrayList<>();
      for (Rule rule : rules.values()) {
        if (names.contains(rule.name()) && rule.enabled()) {
          matched.add(rule);
        }
      }
      return matched;
    } catch (Exception e) {
      throw new IllegalStateException("event-ruler could not read the event: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }
}
