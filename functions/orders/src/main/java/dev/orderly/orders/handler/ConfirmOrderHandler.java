package dev.orderly.orders.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.saga.AmbiguousFailures;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.TaskRequest;
import dev.orderly.orders.domain.TaskResult;
import dev.orderly.orders.wiring.ConfirmOrderComponent;
import dev.orderly.orders.wiring.DaggerConfirmOrderComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/**
 * The ConfirmOrder saga task: PENDING to CONFIRMED, emitting {@code OrderConfirmed}; a redelivery
 * replays the first answer; a cancelled order refuses with {@link
 * dev.orderly.orders.domain.OrderAlreadyCancelled}, an unknown one with {@link
 * dev.orderly.orders.domain.OrderNotFound}. Failures are thrown: the Lambda runtime reports the
 * class name, which the state machine matches.
 */
public final class ConfirmOrderHandler implements RequestStreamHandler {
  private final ConfirmOrderComponent component;

  public ConfirmOrderHandler() {
    this(
        DaggerConfirmOrderComponent.builder()
            .environment(Environment.system())
            .clock(Clock.systemUTC())
            .ids(Ids.uuids())
            .build());
  }

  public ConfirmOrderHandler(ConfirmOrderComponent component) {
    this.component = component;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode payload = TaskPayloads.read(input);
    TaskRequest request = TaskPayloads.request(payload);
    Invocation log = component.log().begin(context, request.correlationId());
    Map<String, String> fields =
        Map.of("orderId", request.orderId(), "requestId", request.requestId());
    try {
      TaskResult result = AmbiguousFailures.retried(() -> component.orders().confirm(request));
      log.info(
          "ConfirmOrder done", Map.of("orderId", request.orderId(), "result", result.toString()));
      TaskPayloads.write(result, false, output);
    } catch (RuntimeException refused) {
      log.warn("ConfirmOrder failed: " + refused.getClass().getSimpleName(), fields);
      throw refused;
    }
  }
}
