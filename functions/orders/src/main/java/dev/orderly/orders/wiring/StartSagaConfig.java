package dev.orderly.orders.wiring;

import dev.orderly.lambda.config.Environment;

/**
 * The saga starter's configuration: the order saga's state machine ({@code STATE_MACHINE_ARN}). It
 * touches no table, so it needs none of {@link OrdersConfig}'s variables.
 */
public record StartSagaConfig(String stateMachineArn) {
  public static StartSagaConfig from(Environment env) {
    return new StartSagaConfig(env.require("STATE_MACHINE_ARN"));
  }
}
