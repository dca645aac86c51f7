package dev.orderly.outboxrelay.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The relay's configuration: what is required, the defaults, and the refused values. */
class RelayConfigTest {
  private static Map<String, String> complete() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "eu-west-1");
    env.put("AWS_ACCESS_KEY_ID", "key");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("EVENT_BUS_NAME", "orderly-bus");
    env.put("ORDERS_TABLE", "orders");
    env.put("INVENTORY_TABLE", "inventory");
    env.put("PAYMENTS_TABLE", "payments");
    env.put("USERS_TABLE", "users");
    return env;
  }

  @Test
  void completeEnvironment_givesTheFourTablesAndTheDefaults() {
    RelayConfig config = RelayConfig.from(Environment.of(complete()));

    assertThat(config.eventBusName()).isEqualTo("orderly-bus");
    assertThat(config.tables()).isEqualTo(Set.of("orders", "inventory", "payments", "users"));
    assertThat(config.maxAttempts()).isEqualTo(3);
    assertThat(config.backoffBase()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.backoffCap()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.retention()).isEqualTo(Duration.ofHours(24));
    assertThat(config.events().endpoint()).isEmpty();
  }

  @Test
  void eventBridgeEndpoint_canBeOverriddenAloneForTheLocalCloud() {
    Map<String, String> env = complete();
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
    env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", "http://127.0.0.1:9999");

    RelayConfig config = RelayConfig.from(Environment.of(env));

    assertThat(config.events().endpoint())
        .hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(9999));
    assertThat(config.dynamo().endpoint())
        .hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(4566));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EVENT_BUS_NAME",
        "ORDERS_TABLE",
        "INVENTORY_TABLE",
        "PAYMENTS_TABLE",
        "USERS_TABLE"
      })
  void missingVariable_isRefusedByName(String variable) {
    Map<String, String> env = complete();
    env.remove(variable);

    assertThatThrownBy(() -> RelayConfig.from(Environment.of(env)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(variable);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "RELAY_MAX_ATTEMPTS, 0",
    "RELAY_MAX_ATTEMPTS, x",
    "RELAY_BACKOFF_BASE_MS, -1",
    "RELAY_BACKOFF_CAP_MS, 50",
    "OUTBOX_RETENTION_HOURS, 0"
  })
  void invalidTuning_isRefused(String variable, String value) {
    Map<String, String> env = complete();
    env.put(variable, value);

    assertThatThrownBy(() -> RelayConfig.from(Environment.of(env)))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void oneAttemptAndNoBackoff_areAllowed() {
    Map<String, String> env = complete();
    env.put("RELAY_MAX_ATTEMPTS", "1");
    env.put("RELAY_BACKOFF_BASE_MS", "0");
    env.put("RELAY_BACKOFF_CAP_MS", "0");

    assertThat(RelayConfig.from(Environment.of(env)).maxAttempts()).isEqualTo(1);
  }
}
