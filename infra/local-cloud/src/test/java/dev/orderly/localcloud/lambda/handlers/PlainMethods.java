package dev.orderly.localcloud.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.List;
import java.util.Map;

/** Handlers named by method ({@code Class::method}) rather than by interface. */
public final class PlainMethods {
  public String greet(Map<String, String> input, Context context) {
    return "hello " + input.get("name") + " from " + context.getFunctionName();
  }

  /** The overload the runtime passes over: the one with a Context counts as longer. */
  public String greet(Map<String, String> input) {
    return "the shorter overload " + input;
  }

  public static int sum(List<Integer> numbers) {
    return numbers.stream().mapToInt(Integer::intValue).sum();
  }

  public void nothing() {}
}
