package dev.orderly.stepfunctions;

import dev.orderly.stepfunctions.internal.integrations.FunctionName;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Functions registered one by one as the local cloud starts them; safe to register and look up from
 * any thread.
 */
public final class LambdaFunctionRegistry implements LambdaFunctions {
  private final ConcurrentMap<String, LambdaFunction> functions = new ConcurrentHashMap<>();

  /**
   * Registers {@code function} under a name or an unqualified ARN; a second registration of the
   * same name is a wiring mistake and fails.
   */
  public LambdaFunctionRegistry register(String nameOrArn, LambdaFunction function) {
    Objects.requireNonNull(function, "function");
    String name = FunctionName.registrable(nameOrArn);
    if (functions.putIfAbsent(name, function) != null) {
      throw new IllegalStateException("Function " + name + " is already registered");
    }
    return this;
  }

  @Override
  public Optional<LambdaFunction> find(String nameOrArn) {
    return FunctionName.parse(nameOrArn).map(FunctionName::name).map(functions::get);
  }
}
