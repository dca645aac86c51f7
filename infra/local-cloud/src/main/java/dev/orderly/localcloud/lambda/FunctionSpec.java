package dev.orderly.localcloud.lambda;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One function as the template declares it: what {@link LocalLambda} needs to run it the way Lambda
 * does. Defaults ({@link #of}) are Lambda's: 128 MB, 3 s, no variables, unreserved concurrency.
 *
 * @param name the function name (letters, digits, {@code -} and {@code _}, at most 64)
 * @param handler {@code fully.qualified.Class::method} or {@code fully.qualified.Class}, as the
 *     template's {@code Handler}
 * @param memoryMb 128–10240, as {@code MemorySize}; reported to the handler, not enforced
 * @param timeout as {@code Timeout}; at most 900 s. Lambda takes whole seconds: a shorter one is
 *     for tests
 * @param environment the function's own variables, as {@code Environment.Variables}
 * @param reservedConcurrency {@code ReservedConcurrentExecutions}, or {@code null} for a function
 *     that shares the account's unreserved concurrency
 */
public record FunctionSpec(
    String name,
    String handler,
    int memoryMb,
    Duration timeout,
    Map<String, String> environment,
    Integer reservedConcurrency) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

  public FunctionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(environment, "environment");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Function name must be 1–64 letters, digits, '-' or '_', was '" + name + "'");
    }
    if (handler.isBlank()) {
      throw new IllegalArgumentException("Function " + name + ": Handler must not be blank");
    }
    if (memoryMb < 128 || memoryMb > 10_240) {
      throw new IllegalArgumentException(
          "Function " + name + ": MemorySize must be 128–10240 MB, was " + memoryMb);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "Function " + name + ": Timeout must be positive and at most 900 s, was " + timeout);
    }
    if (reservedConcurrency != null && reservedConcurrency < 0) {
      throw new IllegalArgumentException(
          "Function "
              + name
              + ": ReservedConcurrentExecutions must not be negative, was "
              + reservedConcurrency);
    }
    environment = Map.copyOf(environment);
  }

  /** A function with Lambda's defaults: 128 MB, 3 s, no variables, unreserved. */
  public static FunctionSpec of(String name, String handler) {
    return new FunctionSpec(name, handler, 128, Duration.ofSeconds(3), Map.of(), null);
  }

  public FunctionSpec withMemoryMb(int memoryMb) {
    return new FunctionSpec(name, handler, memoryMb, timeout, environment, reservedConcurrency);
  }

  public FunctionSpec withTimeout(Duration timeout) {
    return new FunctionSpec(name, handler, memoryMb, timeout, environment, reservedConcurrency);
  }

  public FunctionSpec withEnvironment(Map<String, String> environment) {
    return new FunctionSpec(name, handler, memoryMb, timeout, environment, reservedConcurrency);
  }

  /** The same function with reserved concurrency {@code n} ({@code null}: unreserved). */
  public FunctionSpec withReservedConcurrency(Integer n) {
    return new FunctionSpec(name, handler, memoryMb, timeout, environment, n);
  }
}
