package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.StateMachineStarter;
import dev.orderly.localcloud.events.TargetDeliveryException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionLimitExceededException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** Starts state-machine targets through an {@link SfnClient}, failures classified. */
public final class SfnStarter implements StateMachineStarter {
  private final SfnClient sfn;

  public SfnStarter(SfnClient sfn) {
    this.sfn = sfn;
  }

  @Override
  public void startExecution(String stateMachineArn, String input) {
    try {
      sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).input(input));
    } catch (StateMachineDoesNotExistException e) {
      throw new TargetDeliveryException("NO_RESOURCE", e.getMessage(), false, e);
    } catch (InvalidExecutionInputException e) {
      throw new TargetDeliveryException("INVALID_PARAMETER", e.getMessage(), false, e);
    } catch (ExecutionLimitExceededException e) {
      throw new TargetDeliveryException("THROTTLING", e.getMessage(), true, e);
    } catch (SfnException e) {
      throw new TargetDeliveryException("SDK_CLIENT_ERROR", e.getMessage(), true, e);
    } catch (SdkClientException e) {
      throw new TargetDeliveryException("CONNECTION_FAILURE", e.getMessage(), true, e);
    }
  }
}
