package dev.orderly.lambda.config;

import dev.orderly.lambda.aws.InJvmEndpoints;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A function's environment variables, read in one place. In AWS they come from the process ({@link
 * #system()}); the local cloud hands each in-process function its own map, resolved from the
 * template. Every missing or malformed value fails at start-up with the variable's name.
 */
public final class Environment {
  private static final ThreadLocal<Environment> SCOPED = new ThreadLocal<>();
  private final Map<String, String> values;
  private final InJvmEndpoints transport;

  private Environment(Map<String, String> values, InJvmEndpoints transport) {
    this.values = Map.copyOf(values);
    this.transport = transport;
  }

  public static Environment of(Map<String, String> values) {
    return new Environment(Objects.requireNonNull(values, "values"), null);
  }

  /**
   * Variables plus the endpoints the function's AWS clients reach inside this JVM: how the local
   * cloud serves its own services to in-process functions without a socket per call.
   */
  public static Environment of(Map<String, String> values, InJvmEndpoints transport) {
    return new Environment(
        Objects.requireNonNull(values, "values"), Objects.requireNonNull(transport, "transport"));
  }

  /** The HTTP client given with {@link #of(Map, InJvmEndpoints)}; empty in AWS. */
  public Optional<InJvmEndpoints> transport() {
    return Optional.ofNullable(transport);
  }

  /**
   * The function's environment: the process environment (the one place that reads it), unless the
   * calling thread is inside {@link #construct} — how the local cloud hands each in-process
   * function its own variables through the no-arg constructor Lambda itself calls.
   */
  public static Environment system() {
    Environment scoped = SCOPED.get();
    return scoped != null ? scoped : new Environment(System.getenv(), null);
  }

  /**
   * Runs {@code constructor} (a handler's no-arg constructor) with {@link #system()} answering
   * {@code environment} on this thread, and returns what it built. Handlers read their environment
   * while they are constructed, so each keeps its own for its life.
   */
  public static <T> T construct(Environment environment, Supplier<T> constructor) {
    Objects.requireNonNull(environment, "environment");
    Environment outer = SCOPED.get();
    SCOPED.set(environment);
    try {
      return constructor.get();
    } finally {
      if (outer == null) {
        SCOPED.remove();
      } else {
        SCOPED.set(outer);
      }
    }
  }

  /** The variables, for handing to a process or printing (never log the values of secrets). */
  public Map<String, String> asMap() {
    return values;
  }

  public String require(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new ConfigurationException("environment variable " + name + " is not set");
    }
    return value;
  }

  public Optional<String> optional(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  public String optional(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  public int integer(String name, int fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get().trim());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          "environment variable " + name + " must be an integer, was '" + value.get() + "'");
    }
  }

  public Duration millis(String name, Duration fallback) {
    return optional(name).isEmpty() ? fallback : Duration.ofMillis(integer(name, 0));
  }

  public Optional<URI> uri(String name) {
    return optional(name)
        .map(
            value -> {
              try {
                URI uri = URI.create(value.trim());
                if (uri.getScheme() == null || uri.getHost() == null) {
                  throw new IllegalArgumentException("no scheme or host");
                }
                return uri;
              } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                    "environment variable " + name + " must be a URL, was '" + value + "'");
              }
            });
  }
}
