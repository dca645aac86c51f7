package dev.orderly.localcloud.events;

/**
 * How the bus starts a Step Functions execution for a state-machine target ({@code StartExecution},
 * name generated). Throw {@link TargetDeliveryException} to classify a failure.
 */
@FunctionalInterface
public interface StateMachineStarter {
  void startExecution(String stateMachineArn, String input);
}
