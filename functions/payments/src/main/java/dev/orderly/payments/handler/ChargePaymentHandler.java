package dev.orderly.payments.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.lambda.saga.AmbiguousFailures;
import dev.orderly.lambda.saga.PaymentDeclined;
import dev.orderly.lambda.saga.TransientFailure;
import dev.orderly.payments.domain.ChargePayment;
import dev.orderly.payments.domain.PaymentService;
import dev.orderly.payments.wiring.ChargePaymentComponent;
import dev.orderly.payments.wiring.DaggerChargePaymentComponent;
import java.util.Map;

/**
 * The saga's ChargePayment task, {@code {chargeId}}: charges once per request id, or fails with
 * {@code dev.orderly.lambda.saga.PaymentDeclined} (caught by the saga, never retried) or {@code
 * dev.orderly.lambda.saga.TransientFailure} (retried by the saga).
 */
public final class ChargePaymentHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final PaymentService service;
  private final StructuredLog log;

  public ChargePaymentHandler() {
    this(DaggerChargePaymentComponent.builder().environment(Environment.system()).build());
  }

  public ChargePaymentHandler(ChargePaymentComponent component) {
    this.service = component.service();
    this.log = component.log();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    ChargePayment command = PaymentTasks.charge(input);
    Invocation invocation = log.begin(context, command.correlationId());
    try {
      String chargeId = AmbiguousFailures.retried(() -> service.charge(command));
      invocation.info("payment charged", Map.of("orderId", command.orderId()));
      return Map.of("chargeId", chargeId);
    } catch (PaymentDeclined declined) {
      invocation.info("payment declined", Map.of("orderId", command.orderId()));
      invocation.metric("PaymentDeclined", 1, "Count");
      throw declined;
    } catch (TransientFailure failure) {
      invocation.warn("payment provider unavailable", Map.of("orderId", command.orderId()));
      invocation.metric("PaymentProviderUnavailable", 1, "Count");
      throw failure;
    }
  }
}
