package dev.orderly.payments.wiring;

import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import dev.orderly.payments.provider.ResilienceSettings;
import java.util.Objects;
import java.util.Set;

/**
 * Everything payments' functions read from their environment, read once: the payments table ({@code
 * PAYMENTS_TABLE}), the shared idempotency table ({@code IDEMPOTENCY_TABLE}), the provider ({@code
 * PAYMENT_PROVIDER}: {@code local} is the only one so far), its retry and circuit breaker, and how
 * to reach DynamoDB.
 */
public record PaymentsConfig(
    String paymentsTable,
    String idempotencyTable,
    String provider,
    ResilienceSettings resilience,
    AwsSettings dynamo) {
  static final Set<String> PROVIDERS = Set.of("local");

  public PaymentsConfig {
    Objects.requireNonNull(paymentsTable, "paymentsTable");
    Objects.requireNonNull(idempotencyTable, "idempotencyTable");
    if (!PROVIDERS.contains(provider)) {
      throw new ConfigurationException(
          "environment variable PAYMENT_PROVIDER must be one of "
              + PROVIDERS
              + ", was "
              + provider);
    }
    Objects.requireNonNull(resilience, "resilience");
    Objects.requireNonNull(dynamo, "dynamo");
  }

  public static PaymentsConfig from(Environment env) {
    ResilienceSettings resilience;
    try {
      resilience = ResilienceSettings.from(env);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("payment provider settings: " + e.getMessage());
    }
    return new PaymentsConfig(
        env.require("PAYMENTS_TABLE"),
        env.require("IDEMPOTENCY_TABLE"),
        env.require("PAYMENT_PROVIDER"),
        resilience,
        AwsSettings.from(env, "DYNAMODB"));
  }
}
