package dev.orderly.users.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserNameTest {
  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("A", "A"),
        Arguments.of("  Alice Smith  ", "Alice Smith"),
        Arguments.of("n".repeat(100), "n".repeat(100)),
        Arguments.of(" " + "n".repeat(100) + " ", "n".repeat(100)),
        Arguments.of("Zoë O'Brien-Łukasiewicz", "Zoë O'Brien-Łukasiewicz"));
  }

  @ParameterizedTest
  @MethodSource
  void accepted(String raw, String value) {
    assertThat(UserName.parse(raw).value()).isEqualTo(value);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(null, "is required"),
        Arguments.of("", "must not be blank"),
        Arguments.of("   ", "must not be blank"),
        Arguments.of("n".repeat(101), "must be at most 100 characters"),
        Arguments.of("Alice\nSmith", "must not contain control characters"),
        Arguments.of("Alice\u0007", "must not contain control characters"));
  }

  @ParameterizedTest
  @MethodSource
  void refused(String raw, String rule) {
    assertThatThrownBy(() -> UserName.parse(raw))
        .isInstanceOf(InvalidNameException.class)
        .hasMessage(rule);
  }

  @ParameterizedTest
  @MethodSource("untrimmed")
  void constructor_refusesUntrimmedNames(String value) {
    assertThatThrownBy(() -> new UserName(value))
        .isInstanceOf(InvalidNameException.class)
        .hasMessage("must not start or end with whitespace");
  }

  static Stream<String> untrimmed() {
    return Stream.of(" Alice", "Alice ", "\tAlice");
  }
}
