package dev.orderly.payments.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.lambda.saga.AmbiguousFailures;
import dev.orderly.payments.domain.PaymentService;
import dev.orderly.payments.domain.RefundPayment;
import dev.orderly.payments.wiring.DaggerRefundPaymentComponent;
import dev.orderly.payments.wiring.RefundPaymentComponent;
import java.util.Map;

/**
 * The saga's RefundPayment compensation, {@code {refunded: bool}}: refunds the order's charge once,
 * and succeeds as a no-op when ChargePayment never charged.
 */
public final class RefundPaymentHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final PaymentService service;
  private final StructuredLog log;

  public RefundPaymentHandler() {
    this(DaggerRefundPaymentComponent.builder().environment(Environment.system()).build());
  }

  public RefundPaymentHandler(RefundPaymentComponent component) {
    this.service = component.service();
    this.log = component.log();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    RefundPayment command = PaymentTasks.refund(input);
    Invocation invocation = log.begin(context, command.correlationId());
    boolean refunded = AmbiguousFailures.retried(() -> service.refund(command));
    invocation.info("payment refund", Map.of("orderId", command.orderId(), "refunded", refunded));
    return Map.of("refunded", refunded);
  }
}
