package dev.orderly.users.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EmailTest {
  /** A domain of exactly {@code length} characters: 63-character labels, then the rest. */
  private static String domainOf(int length) {
    StringBuilder domain = new StringBuilder();
    while (length - domain.length() > 64) {
      domain.append("a".repeat(63)).append('.');
    }
    int rest = length - domain.length();
    return domain.append("b".repeat(rest - 4)).append(".com").toString();
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("alice@example.com", "alice@example.com"),
        Arguments.of("  alice@example.com\t", "alice@example.com"),
        Arguments.of("Alice.Smith@Example.COM", "Alice.Smith@example.com"),
        Arguments.of("a@b.co", "a@b.co"),
        Arguments.of("o'brien+orders@mail.example.org", "o'brien+orders@mail.example.org"),
        Arguments.of("x!#$%&*/=?^_`{|}~-@example.com", "x!#$%&*/=?^_`{|}~-@example.com"),
        Arguments.of("alice@xn--bcher-kva.example", "alice@xn--bcher-kva.example"),
        Arguments.of("alice@sub-domain.example.com", "alice@sub-domain.example.com"),
        Arguments.of("alice@123.example", "alice@123.example"),
        // RFC 5321 limits, at the boundary
        Arguments.of("l".repeat(64) + "@example.com", "l".repeat(64) + "@example.com"),
        Arguments.of("alice@" + "d".repeat(63) + ".com", "alice@" + "d".repeat(63) + ".com"),
        Arguments.of(
            "l".repeat(64) + "@" + domainOf(254 - 65), "l".repeat(64) + "@" + domainOf(254 - 65)));
  }

  @ParameterizedTest
  @MethodSource
  void accepted(String raw, String normalised) {
    Email email = Email.parse(raw);

    assertThat(email.address()).isEqualTo(normalised);
    assertThat(email.address().length()).isLessThanOrEqualTo(Email.MAX_LENGTH);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("", "must not be blank"),
        Arguments.of("   ", "must not be blank"),
        Arguments.of("l".repeat(64) + "@" + domainOf(254 - 64), "must be at most 254 characters"),
        Arguments.of("l".repeat(65) + "@example.com", "local part must be at most 64 characters"),
        Arguments.of(
            "alice smith@example.com", "must not contain whitespace or control characters"),
        Arguments.of("alice@exa\tmple.com", "must not contain whitespace or control characters"),
        Arguments.of(
            "alice\u00a0@example.com", "must not contain whitespace or control characters"),
        Arguments.of(
            "alice\u0000@example.com", "must not contain whitespace or control characters"),
        Arguments.of("alice.example.com", "must contain exactly one @"),
        Arguments.of("alice@smith@example.com", "must contain exactly one @"),
        Arguments.of("@example.com", "must have a local part before the @"),
        Arguments.of("alice@", "must have a domain after the @"),
        Arguments.of("alice@localhost", "domain must contain a dot"),
        Arguments.of(".alice@example.com", "local part must not start or end with a dot"),
        Arguments.of("alice.@example.com", "local part must not start or end with a dot"),
        Arguments.of("alice..smith@example.com", "local part must not start or end with a dot"),
        Arguments.of("\"alice\"@example.com", "local part may contain only"),
        Arguments.of("alice(work)@example.com", "local part may contain only"),
        Arguments.of("élise@example.com", "local part may contain only"),
        Arguments.of("alice@example..com", "domain labels must be 1 to 63 characters"),
        Arguments.of("alice@.example.com", "domain labels must be 1 to 63 characters"),
        Arguments.of("alice@example.com.", "domain labels must be 1 to 63 characters"),
        Arguments.of(
            "alice@" + "d".repeat(64) + ".com", "domain labels must be 1 to 63 characters"),
        Arguments.of("alice@-example.com", "domain labels may contain only"),
        Arguments.of("alice@example-.com", "domain labels may contain only"),
        Arguments.of("alice@exa_mple.com", "domain labels may contain only"),
        Arguments.of("alice@[192.0.2.1]", "domain labels may contain only"),
        Arguments.of("alice@bücher.example", "domain labels may contain only"));
  }

  @ParameterizedTest
  @MethodSource
  void refused(String raw, String rule) {
    assertThatThrownBy(() -> Email.parse(raw))
        .isInstanceOf(InvalidEmailException.class)
        .hasMessageStartingWith(rule);
  }

  @Test
  void refused_null() {
    assertThatThrownBy(() -> Email.parse(null)).hasMessage("is required");
  }

  @ParameterizedTest
  @CsvSource({
    "Alice.Smith@Example.COM, alice.smith@example.com",
    "alice.smith@example.com, alice.smith@example.com",
    "ALICE@EXAMPLE.COM, alice@example.com"
  })
  void claimKey_isTheWholeAddressLowerCased(String raw, String claimKey) {
    assertThat(Email.parse(raw).claimKey()).isEqualTo(claimKey);
  }

  @Test
  void constructor_refusesAnUnnormalisedDomain() {
    assertThatThrownBy(() -> new Email("alice@Example.com"))
        .isInstanceOf(InvalidEmailException.class)
        .hasMessageStartingWith("domain must be lower-case");
  }

  @Test
  void parts_splitAtTheAt() {
    Email email = Email.parse("Alice@Example.com");

    assertThat(email.localPart()).isEqualTo("Alice");
    assertThat(email.domain()).isEqualTo("example.com");
    assertThat(email).hasToString("Alice@example.com");
  }

  @Test
  void boundaryHelper_buildsDomainsOfTheAskedLength() {
    assertThat(domainOf(189)).hasSize(189);
    assertThat(domainOf(190)).hasSize(190);
  }
}
