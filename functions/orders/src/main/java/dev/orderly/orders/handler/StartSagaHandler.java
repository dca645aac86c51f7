package dev.orderly.orders.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderly.lambda.config.Environment;
import dev.orderly.orders.saga.MalformedOrderPlaced;
import dev.orderly.orders.saga.OrderPlacedMessage;
import dev.orderly.orders.wiring.DaggerStartSagaComponent;
import dev.orderly.orders.wiring.StartSagaComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the order saga for each {@code OrderPlaced} event on the saga queue (EventBridge rule to
 * SQS), execution name = order id. Answers with a partial batch response (the event source mapping
 * sets {@code ReportBatchItemFailures}): a message that fails, transiently (Step Functions
 * unreachable) or for good (not an OrderPlaced event), returns to the queue alone, and after the
 * queue's maxReceiveCount goes to its dead-letter queue. An execution that already exists counts as
 * started.
 */
public final class StartSagaHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final StartSagaComponent component;

  public StartSagaHandler() {
    this(DaggerStartSagaComponent.builder().environment(Environment.system()).build());
  }

  public StartSagaHandler(StartSagaComponent component) {
    this.component = component;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      Map<String, String> ids = Map.of("messageId", String.valueOf(message.getMessageId()));
      try {
        OrderPlacedMessage placed = OrderPlacedMessage.parse(message.getBody());
        var started = component.starter().start(placed);
        component
            .log()
            .begin(context, placed.correlationId())
            .info(
                "saga " + started,
                Map.of("orderId", placed.orderId(), "messageId", message.getMessageId()));
      } catch (MalformedOrderPlaced malformed) {
        component.log().begin(context, "unknown").warn(malformed.getMessage(), ids);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      } catch (RuntimeException failed) {
        component.log().begin(context, "unknown").error("saga not started", failed, ids);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
