package dev.orderly.outboxrelay.wiring;

import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The relay's environment, read once: the bus ({@code EVENT_BUS_NAME}); the tables whose streams it
 * serves ({@code ORDERS_TABLE}, {@code INVENTORY_TABLE}, {@code PAYMENTS_TABLE}, {@code
 * USERS_TABLE}); attempts per entry and their jittered backoff ({@code RELAY_MAX_ATTEMPTS}, 3;
 * {@code RELAY_BACKOFF_BASE_MS}, 100; {@code RELAY_BACKOFF_CAP_MS}, 1000); how long a published
 * entry stays before TTL removes it ({@code OUTBOX_RETENTION_HOURS}, 24); and how to reach DynamoDB
 * and EventBridge.
 */
public record RelayConfig(
    String eventBusName,
    Set<String> tables,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffCap,
    Duration retention,
    AwsSettings dynamo,
    AwsSettings events) {
  static final List<String> TABLE_VARIABLES =
      List.of("ORDERS_TABLE", "INVENTORY_TABLE", "PAYMENTS_TABLE", "USERS_TABLE");

  public RelayConfig {
    Objects.requireNonNull(eventBusName, "eventBusName");
    tables = Set.copyOf(tables);
    if (maxAttempts < 1) {
      throw new ConfigurationException("RELAY_MAX_ATTEMPTS must be at least 1: " + maxAttempts);
    }
    if (backoffBase.isNegative() || backoffCap.compareTo(backoffBase) < 0) {
      throw new ConfigurationException("the backoff cap must be at least its non-negative base");
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new ConfigurationException("OUTBOX_RETENTION_HOURS must be positive");
    }
    Objects.requireNonNull(dynamo, "dynamo");
    Objects.requireNonNull(events, "events");
  }

  public static RelayConfig from(Environment env) {
    return new RelayConfig(
        env.require("EVENT_BUS_NAME"),
        Set.copyOf(TABLE_VARIABLES.stream().map(env::require).distinct().toList()),
        env.integer("RELAY_MAX_ATTEMPTS", 3),
        env.millis("RELAY_BACKOFF_BASE_MS", Duration.ofMillis(100)),
        env.millis("RELAY_BACKOFF_CAP_MS", Duration.ofSeconds(1)),
        Duration.ofHours(env.integer("OUTBOX_RETENTION_HOURS", 24)),
        AwsSettings.from(env, "DYNAMODB"),
        AwsSettings.from(env, "EVENTBRIDGE"));
  }
}
