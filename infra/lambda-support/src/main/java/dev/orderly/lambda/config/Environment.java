package dev.orderly.lambda.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function's environment variables, read in one place. In AWS they come from the process ({@link
 * #system()}); the local cloud hands each in-process function its own map, resolved from the
 * template. Every missing or malformed value fails at start-up with the variable's name.
 */
public final class Environment {
  private final Map<String, String> values;

  private Environment(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Environment of(Map<String, String> values) {
    return new Environment(Objects.requireNonNull(values, "values"));
  }

  /** The process environment: the one place that reads it. */
  public static Environment system() {
    return new Environment(System.getenv());
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
