package dev.orderly.idempotency.dynamodb;

import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Kills the "process" before a chosen call is sent (nothing reaches DynamoDB) or after its answer
 * arrives (DynamoDB applied it, the caller never learns), once per arming.
 */
final class Crasher implements ExecutionInterceptor {
  /** Stands for the process dying: nothing catches it on the way out. */
  static final class ProcessDeath extends Error {
    private static final long serialVersionUID = 1L;

    ProcessDeath() {
      super("process died", null, false, false);
    }
  }

  final AtomicReference<String> beforeSending = new AtomicReference<>();
  final AtomicReference<String> afterAnswer = new AtomicReference<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
    if (a.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
        .equals(beforeSending.getAndSet(null))) {
      throw new ProcessDeath();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution c, ExecutionAttributes a) {
    if (a.getAttribute(SdkExecutionAttribute.OPERATION_NAME).equals(afterAnswer.getAndSet(null))) {
      throw new ProcessDeath();
    }
  }
}
