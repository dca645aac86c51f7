package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Evaluates the {@code States.*} intrinsic functions of JSONPath-mode Amazon States Language, for
 * fields such as {@code "KeyId.$": "States.Array($.Id)"} in Parameters and ResultSelector.
 *
 * <p>Behaviour follows the AWS Step Functions Developer Guide, "Intrinsic functions for JSONPath
 * states in Step Functions"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html), and the Amazon
 * States Language specification (https://states-language.net/spec.html, "Intrinsic Functions").
 * Randomness and identity are injected so that executions replay deterministically in tests.
 *
 * <p>Every failure is an {@link IntrinsicFailureException}: {@code States.IntrinsicFailure} for a
 * bad invocation or argument, {@code States.Runtime} for a path argument that selects nothing.
 */
public final class IntrinsicFunctions {
  private final Map<String, IntrinsicFunction> registry = new HashMap<>();

  /**
   * @param random the source for {@code States.MathRandom} without a seed
   * @param seeded a generator for a given seed, for {@code States.MathRandom(start, end, seed)}
   * @param ids the source of {@code States.UUID} values
   */
  public IntrinsicFunctions(
      RandomGenerator random, LongFunction<RandomGenerator> seeded, Supplier<UUID> ids) {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(seeded, "seeded");
    Objects.requireNonNull(ids, "ids");
    ArrayFunctions.registerInto(registry);
    EncodingFunctions.registerInto(registry);
    JsonFunctions.registerInto(registry);
    new MathFunctions(random, seeded).registerInto(registry);
    new StringFunctions(ids).registerInto(registry);
  }

  /**
   * Production wiring: a secure random source, {@code java.util.Random} for seeds, random UUIDs.
   */
  public static IntrinsicFunctions withDefaults() {
    return new IntrinsicFunctions(new SecureRandom(), Random::new, UUID::randomUUID);
  }

  /**
   * Evaluates one invocation such as {@code States.Format('{}-{}', $.a, $$.Execution.Id)}.
   *
   * @throws IntrinsicFailureException if the invocation is malformed or any function fails
   */
  public JsonNode evaluate(String expression, PathResolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    return call(IntrinsicParser.parse(expression), resolver);
  }

  private JsonNode call(Expression.Call call, PathResolver resolver) {
    IntrinsicFunction function = registry.get(call.name());
    if (function == null) {
      throw IntrinsicFailureException.failure(call.name(), "unknown intrinsic function");
    }
    List<JsonNode> values = new ArrayList<>(call.arguments().size());
    for (Expression argument : call.arguments()) {
      values.add(value(argument, call.name(), resolver));
    }
    return function.apply(new Arguments(call.name(), values, call.arguments()));
  }

  private JsonNode value(Expression argument, String function, PathResolver resolver) {
    if (argument instanceof Expression.Literal) {
      return ((Expression.Literal) argument).value();
    }
    if (argument instanceof Expression.StringLiteral) {
      return JsonValues.NODES.textNode(((Expression.StringLiteral) argument).value());
    }
    if (argument instanceof Expression.Path) {
      try {
        return resolver.resolve(((Expression.Path) argument).path());
      } catch (IntrinsicFailureException e) {
        throw e.within(function);
      }
    }
    return call((Expression.Call) argument, resolver);
  }
}
