package dev.orderly.orders.saga;

import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * Starts the order saga for a placed order: one Standard execution named after the order, whose
 * input is the OrderPlaced detail. Step Functions keeps names unique per state machine, which makes
 * the start idempotent without a record of our own: a redelivery while the execution runs gets the
 * same execution back, and one after it ended gets ExecutionAlreadyExists, which means the saga was
 * already started.
 */
public final class SagaStarter {
  /** How a start ended; both are success for the message. */
  public enum Started {
    STARTED,
    ALREADY_STARTED
  }

  private final SfnClient sfn;
  private final String stateMachineArn;

  public SagaStarter(SfnClient sfn, String stateMachineArn) {
    this.sfn = Objects.requireNonNull(sfn, "sfn");
    this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
  }

  public Started start(OrderPlacedMessage message) {
    try {
      sfn.startExecution(
          b ->
              b.stateMachineArn(stateMachineArn)
                  .name(message.orderId())
                  .input(message.detailJson()));
      return Started.STARTED;
    } catch (ExecutionAlreadyExistsException already) {
      return Started.ALREADY_STARTED;
    }
  }
}
