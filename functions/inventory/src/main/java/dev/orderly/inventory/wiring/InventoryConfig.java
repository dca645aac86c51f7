package dev.orderly.inventory.wiring;

import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import java.util.Objects;

/**
 * Everything inventory's functions read from their environment, read once: the inventory table
 * ({@code INVENTORY_TABLE}), the shared idempotency table ({@code IDEMPOTENCY_TABLE}) and how to
 * reach DynamoDB.
 */
public record InventoryConfig(String inventoryTable, String idempotencyTable, AwsSettings dynamo) {
  public InventoryConfig {
    Objects.requireNonNull(inventoryTable, "inventoryTable");
    Objects.requireNonNull(idempotencyTable, "idempotencyTable");
    Objects.requireNonNull(dynamo, "dynamo");
  }

  public static InventoryConfig from(Environment env) {
    return new InventoryConfig(
        env.require("INVENTORY_TABLE"),
        env.require("IDEMPOTENCY_TABLE"),
        AwsSettings.from(env, "DYNAMODB"));
  }
}
