package dev.orderly.stepfunctions.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Test wiring: a fixed random source, a recorded seed, a fixed UUID. */
final class Intrinsics {
  static final UUID FIXED_ID = UUID.fromString("ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8");
  static final ObjectMapper MAPPER = new ObjectMapper();

  final List<Long> seeds = new ArrayList<>();
  final IntrinsicFunctions functions =
      new IntrinsicFunctions(
          new Fixed(42),
          seed -> {
            seeds.add(seed);
            return new Fixed(7);
          },
          () -> FIXED_ID);

  JsonNode evaluate(String expression, String inputJson) {
    return functions.evaluate(expression, new JsonPathResolver(json(inputJson), json("{}")));
  }

  JsonNode evaluate(String expression) {
    return evaluate(expression, "{}");
  }

  /**
   * Asserts that {@code expression} fails with {@code States.IntrinsicFailure}, a message that
   * starts with the function's name, and contains {@code detail}.
   */
  void assertFails(String expression, String inputJson, String detail) {
    String function = expression.substring(0, expression.indexOf('('));
    assertThatThrownBy(() -> evaluate(expression, inputJson))
        .isInstanceOfSatisfying(
            IntrinsicFailureException.class,
            e -> assertThat(e.errorName()).isEqualTo("States.IntrinsicFailure"))
        .hasMessageStartingWith(function + ":")
        .hasMessageContaining(detail);
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** Returns {@code origin + offset} for every bounded draw. */
  private static final class Fixed implements RandomGenerator {
    private final long offset;

    Fixed(long offset) {
      this.offset = offset;
    }

    @Override
    public long nextLong() {
      throw new UnsupportedOperationException("only bounded draws are expected");
    }

    @Override
    public long nextLong(long origin, long bound) {
      return Math.min(origin + offset, bound - 1);
    }
  }
}
