package dev.orderly.notifications.wiring;

import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import java.util.Locale;
import java.util.Objects;

/**
 * The notification function's settings, read once: {@code NOTIFICATIONS_TABLE}, {@code
 * IDEMPOTENCY_TABLE}, {@code EMAIL_SENDER} ({@code ses}, the default, or {@code local}) and {@code
 * FROM_ADDRESS} (the SES-verified sender; required for SES, defaulted locally).
 */
public record NotificationsConfig(
    String notificationsTable, String idempotencyTable, Sender sender, String fromAddress) {
  public static final String LOCAL_FROM_ADDRESS = "notifications@orderly.local";

  /** Where mail goes. */
  public enum Sender {
    SES,
    LOCAL
  }

  public NotificationsConfig {
    Objects.requireNonNull(notificationsTable, "notificationsTable");
    Objects.requireNonNull(idempotencyTable, "idempotencyTable");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(fromAddress, "fromAddress");
  }

  public static NotificationsConfig from(Environment env) {
    String kind = env.optional("EMAIL_SENDER", "ses").strip().toLowerCase(Locale.ROOT);
    Sender sender;
    if (kind.equals("ses")) {
      sender = Sender.SES;
    } else if (kind.equals("local")) {
      sender = Sender.LOCAL;
    } else {
      throw new ConfigurationException(
          "environment variable EMAIL_SENDER must be ses or local, was '" + kind + "'");
    }
    return new NotificationsConfig(
        env.require("NOTIFICATIONS_TABLE"),
        env.require("IDEMPOTENCY_TABLE"),
        sender,
        sender == Sender.SES
            ? env.require("FROM_ADDRESS")
            : env.optional("FROM_ADDRESS", LOCAL_FROM_ADDRESS));
  }
}
