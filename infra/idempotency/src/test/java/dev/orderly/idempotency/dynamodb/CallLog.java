package dev.orderly.idempotency.dynamodb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every DynamoDB call the SDK makes, as "PutItem" or "PutItem failed". */
final class CallLog implements ExecutionInterceptor {
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " failed");
  }

  List<String> drain() {
    List<String> copy = List.copyOf(calls);
    calls.clear();
    return copy;
  }
}
