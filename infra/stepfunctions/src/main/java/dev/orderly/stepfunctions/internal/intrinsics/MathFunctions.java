package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

/** The math intrinsics: MathRandom and MathAdd. */
final class MathFunctions {
  private final RandomGenerator unseeded;
  private final LongFunction<RandomGenerator> seeded;

  MathFunctions(RandomGenerator unseeded, LongFunction<RandomGenerator> seeded) {
    this.unseeded = unseeded;
    this.seeded = seeded;
  }

  void registerInto(Map<String, IntrinsicFunction> registry) {
    registry.put("States.MathRandom", this::random);
    registry.put("States.MathAdd", MathFunctions::add);
  }

  /** A random integer from the start (inclusive) to the end (exclusive), seeded if asked. */
  private JsonNode random(Arguments args) {
    args.expectCount(2, 3);
    long start = int32(args, 0);
    long end = int32(args, 1);
    if (start >= end) {
      throw args.fail("the start (" + start + ") must be less than the end (" + end + ")");
    }
    RandomGenerator generator = args.size() == 3 ? seeded.apply(int32(args, 2)) : unseeded;
    return JsonValues.integer(generator.nextLong(start, end));
  }

  private static JsonNode add(Arguments args) {
    args.expectCount(2);
    return JsonValues.integer(int32(args, 0) + int32(args, 1));
  }

  /**
   * "You must specify integer values in the range of -2147483648 and 2147483647"; a fraction is
   * rounded to the nearest integer.
   */
  private static long int32(Arguments args, int index) {
    long value = args.roundedInteger(index);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw args.fail(
          "argument " + (index + 1) + " (" + value + ") is outside -2147483648..2147483647");
    }
    return value;
  }
}
