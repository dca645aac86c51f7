package dev.orderly.localcloud.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;

/** Handlers whose input type is given through a generic superclass, and one that never gives it. */
public final class GenericHandlers {
  private GenericHandlers() {}

  /** A base that leaves the input type to its subclasses. */
  public abstract static class Counting<T> implements RequestHandler<T, Integer> {
    @Override
    public Integer handleRequest(T input, Context context) {
      return count(input);
    }

    abstract int count(T input);
  }

  /** Counts a list of numbers: the runtime must read the input as {@code List<Integer>}. */
  public static final class Sum extends Counting<List<Integer>> {
    @Override
    int count(List<Integer> input) {
      return input.stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** Never says what its input is. */
  public static final class Unbound<T> extends Counting<T> {
    @Override
    int count(T input) {
      return 0;
    }
  }

  /** Has no constructor the runtime can call. */
  public static final class NeedsArgs implements RequestHandler<String, String> {
    private final String prefix;

    public NeedsArgs(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public String handleRequest(String input, Context context) {
      return prefix + input;
    }
  }
}
