package dev.orderly.notifications.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailMessageTest {
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(null, "s", "b", "to must be one email address"),
        Arguments.of("", "s", "b", "to must be one email address"),
        Arguments.of("alice", "s", "b", "to must be one email address"),
        Arguments.of("@example.com", "s", "b", "to must be one email address"),
        Arguments.of("a@b.co, c@d.co", "s", "b", "to must be one email address"),
        Arguments.of("a@b.co", " ", "b", "subject must not be blank"),
        Arguments.of("a@b.co", "s".repeat(201), "b", "subject must be at most 200 characters"),
        Arguments.of(
            "a@b.co", "Hi\r\nBcc: x@evil.example", "b", "subject must not contain control"),
        Arguments.of("a@b.co", "s", " ", "body must not be blank"));
  }

  @ParameterizedTest
  @MethodSource
  void refused(String to, String subject, String body, String message) {
    assertThatThrownBy(() -> new EmailMessage(to, subject, body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void accepted_atTheSubjectLimit() {
    assertThatCode(() -> new EmailMessage("a@b.co", "s".repeat(200), "body\nlines"))
        .doesNotThrowAnyException();
  }
}
