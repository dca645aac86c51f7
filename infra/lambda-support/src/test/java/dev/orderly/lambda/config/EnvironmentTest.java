package dev.orderly.lambda.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentTest {

  @Test
  void require_returnsTheValue() {
    // given
    Environment env = Environment.of(Map.of("TABLE", "orders"));

    // when
    String value = env.require("TABLE");

    // then
    assertThat(value).isEqualTo("orders");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"", " ", "\t\n"})
  void require_refusesABlankValueNamingTheVariable(String blank) {
    // given
    Environment env = Environment.of(Map.of("TABLE", blank));

    // when / then
    assertThatThrownBy(() -> env.require("TABLE"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("environment variable TABLE is not set");
  }

  @Test
  void require_refusesAMissingVariableNamingIt() {
    // given
    Environment env = Environment.of(Map.of("OTHER", "x"));

    // when / then
    assertThatThrownBy(() -> env.require("TABLE"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("TABLE");
  }

  @Test
  void optional_isEmptyWhenMissingOrBlankAndPresentOtherwise() {
    // given
    Environment env = Environment.of(Map.of("BLANK", "  ", "SET", "value"));

    // when / then
    assertThat(env.optional("MISSING")).isEmpty();
    assertThat(env.optional("BLANK")).isEmpty();
    assertThat(env.optional("SET")).contains("value");
  }

  @Test
  void optionalWithFallback_usesTheFallbackOnlyWhenUnset() {
    // given
    Environment env = Environment.of(Map.of("SET", "value", "BLANK", ""));

    // when / then
    assertThat(env.optional("SET", "fallback")).isEqualTo("value");
    assertThat(env.optional("BLANK", "fallback")).isEqualTo("fallback");
    assertThat(env.optional("MISSING", "fallback")).isEqualTo("fallback");
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "7|7",
        "' 42 '|42",
        "-3|-3",
        "0|0",
        "2147483647|2147483647",
        "-2147483648|-2147483648"
      })
  void integer_parsesTheValue(String raw, int expected) {
    // given
    Environment env = Environment.of(Map.of("N", raw));

    // when
    int value = env.integer("N", 99);

    // then
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void integer_usesTheFallbackWhenUnset() {
    // given
    Environment env = Environment.of(Map.of("BLANK", " "));

    // when / then
    assertThat(env.integer("MISSING", 5)).isEqualTo(5);
    assertThat(env.integer("BLANK", 6)).isEqualTo(6);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"ten", "1.5", "2147483648", "1e3", "0x10", "5ms"})
  void integer_refusesANonIntegerNamingTheVariableAndValue(String raw) {
    // given
    Environment env = Environment.of(Map.of("ORDERLY_N", raw));

    // when / then
    assertThatThrownBy(() -> env.integer("ORDERLY_N", 1))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("environment variable ORDERLY_N must be an integer, was '" + raw + "'");
  }

  @Test
  void millis_readsMillisecondsOrFallsBack() {
    // given
    Environment env = Environment.of(Map.of("T", "1500"));

    // when / then
    assertThat(env.millis("T", Duration.ofSeconds(9))).isEqualTo(Duration.ofMillis(1500));
    assertThat(env.millis("MISSING", Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void millis_refusesANonIntegerNamingTheVariable() {
    // given
    Environment env = Environment.of(Map.of("ORDERLY_T", "1s"));

    // when / then
    assertThatThrownBy(() -> env.millis("ORDERLY_T", Duration.ZERO))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ORDERLY_T")
        .hasMessageContaining("'1s'");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "http://localhost:4566",
        "https://dynamodb.eu-west-1.amazonaws.com",
        " http://h:1 "
      })
  void uri_parsesAUrlWithSchemeAndHost(String raw) {
    // given
    Environment env = Environment.of(Map.of("URL", raw));

    // when
    URI uri = env.uri("URL").orElseThrow();

    // then
    assertThat(uri).isEqualTo(URI.create(raw.trim()));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"localhost:4566", "/just/a/path", "http://", "http://a b", "not a url"})
  void uri_refusesAMalformedUrlNamingTheVariableAndValue(String raw) {
    // given
    Environment env = Environment.of(Map.of("AWS_ENDPOINT_URL", raw));

    // when / then
    assertThatThrownBy(() -> env.uri("AWS_ENDPOINT_URL"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("environment variable AWS_ENDPOINT_URL must be a URL, was '" + raw + "'");
  }

  @Test
  void uri_isEmptyWhenUnset() {
    // given
    Environment env = Environment.of(Map.of());

    // when / then
    assertThat(env.uri("AWS_ENDPOINT_URL")).isEmpty();
  }

  @Test
  void of_copiesTheMapSoLaterChangesAreNotSeen() {
    // given
    Map<String, String> values = new HashMap<>(Map.of("TABLE", "orders"));
    Environment env = Environment.of(values);

    // when
    values.put("TABLE", "changed");

    // then
    assertThat(env.require("TABLE")).isEqualTo("orders");
  }

  @Test
  void system_readsTheProcessEnvironment() {
    // given
    String path = System.getenv("PATH");

    // when
    Environment env = Environment.system();

    // then
    assertThat(env.require("PATH")).isEqualTo(path);
  }

  @Test
  void construct_givesSystemTheScopedEnvironmentOnlyWhileConstructing() throws Exception {
    // given
    Environment orders = Environment.of(Map.of("ORDERS_TABLE", "orders-local"));
    Environment users = Environment.of(Map.of("USERS_TABLE", "users-local"));

    // when: a constructor nested in another, and another thread meanwhile
    Environment[] seen = new Environment[3];
    Environment outer =
        Environment.construct(
            orders,
            () -> {
              seen[0] = Environment.construct(users, Environment::system);
              Thread other = new Thread(() -> seen[1] = Environment.system());
              other.start();
              try {
                other.join();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return Environment.system();
            });
    seen[2] = Environment.system();

    // then
    assertThat(outer.require("ORDERS_TABLE")).isEqualTo("orders-local");
    assertThat(seen[0].optional("ORDERS_TABLE")).isEmpty();
    assertThat(seen[0].require("USERS_TABLE")).isEqualTo("users-local");
    assertThat(seen[1].optional("ORDERS_TABLE")).isEmpty();
    assertThat(seen[2].optional("ORDERS_TABLE")).isEmpty();
    assertThat(seen[2].require("PATH")).isEqualTo(System.getenv("PATH"));
  }

  @Test
  void construct_restoresTheProcessEnvironmentWhenTheConstructorThrows() {
    // given
    Environment given = Environment.of(Map.of("X", "1"));

    // when
    assertThatThrownBy(
            () ->
                Environment.construct(
                    given,
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    // then
    assertThat(Environment.system().optional("X")).isEmpty();
  }
}
