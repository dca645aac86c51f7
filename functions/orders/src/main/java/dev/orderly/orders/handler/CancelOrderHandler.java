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
import dev.orderly.orders.wiring.CancelOrderComponent;
import dev.orderly.orders.wiring.DaggerCancelOrderComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/**
 * The CancelOrder saga task: PENDING to CANCELLED with the saga's reason, emitting {@code
 * OrderCancelled}; a redelivery replays the first answer; a confirmed order refuses with {@link
 * dev.orderly.orders.domain.OrderAlreadyConfirmed}; an order that does not exist is not an error
 * (nothing to undo: {@code orderFound: false}), so the compensation chain goes on. Failures are
 * thrown: the Lambda runtime reports the class name, which the state machine matches.
 */
public final class CancelOrderHandler implements RequestStreamHandler {
  private final CancelOrderComponent component;

  public CancelOrderHandler() {
    this(
        DaggerCancelOrderComponent.builder()
            .environment(Environment.system())
            .clock(Clock.systemUTC())
            .ids(Ids.uuids())
            .build());
  }

  public CancelOrderHandler(CancelOrderComponent component) {
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
      TaskResult result =
          AmbiguousFailures.retried(
              () -> component.orders().cancel(request, TaskPayloads.reason(payload)));
      log.info(
          "CancelOrder done", Map.of("orderId", request.orderId(), "result", result.toString()));
      TaskPayloads.write(result, true, output);
    } catch (RuntimeException refused) {
      log.warn("CancelOrder failed: " + refused.getClass().getSimpleName(), fields);
      throw refused;
    }
  }
}
