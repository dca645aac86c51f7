package dev.orderly.notifications.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationsConfigTest {
  private static Map<String, String> base() {
    Map<String, String> env = new HashMap<>();
    env.put("NOTIFICATIONS_TABLE", "notifications");
    env.put("IDEMPOTENCY_TABLE", "idempotency");
    return env;
  }

  @Test
  void ses_isTheDefaultAndNeedsASenderAddress() {
    assertThatThrownBy(() -> NotificationsConfig.from(Environment.of(base())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("environment variable FROM_ADDRESS is not set");

    Map<String, String> env = base();
    env.put("FROM_ADDRESS", "orders@orderly.example");
    assertThat(NotificationsConfig.from(Environment.of(env)))
        .isEqualTo(
            new NotificationsConfig(
                "notifications",
                "idempotency",
                NotificationsConfig.Sender.SES,
                "orders@orderly.example"));
  }

  @Test
  void local_defaultsItsSenderAddress() {
    Map<String, String> env = base();
    env.put("EMAIL_SENDER", " LOCAL ");

    assertThat(NotificationsConfig.from(Environment.of(env)))
        .isEqualTo(
            new NotificationsConfig(
                "notifications",
                "idempotency",
                NotificationsConfig.Sender.LOCAL,
                NotificationsConfig.LOCAL_FROM_ADDRESS));
  }

  @Test
  void anotherSender_isAConfigurationError() {
    Map<String, String> env = base();
    env.put("EMAIL_SENDER", "smtp");

    assertThatThrownBy(() -> NotificationsConfig.from(Environment.of(env)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("environment variable EMAIL_SENDER must be ses or local, was 'smtp'");
  }

  @Test
  void theTablesAreRequired() {
    Map<String, String> env = base();
    env.put("EMAIL_SENDER", "local");
    env.remove("IDEMPOTENCY_TABLE");

    assertThatThrownBy(() -> NotificationsConfig.from(Environment.of(env)))
        .hasMessage("environment variable IDEMPOTENCY_TABLE is not set");
  }
}
