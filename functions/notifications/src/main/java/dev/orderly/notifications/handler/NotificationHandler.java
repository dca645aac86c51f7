package dev.orderly.notifications.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.notifications.domain.Handled;
import dev.orderly.notifications.domain.InboundEvent;
import dev.orderly.notifications.wiring.DaggerNotificationComponent;
import dev.orderly.notifications.wiring.NotificationComponent;
import java.util.Map;

/**
 * SQS consumer of the events EventBridge routes to notifications: each message handled once per
 * eventId, failures reported per message ({@code ReportBatchItemFailures}) so that only they are
 * redelivered, and, after the queue's maxReceiveCount of 3, moved to its dead-letter queue.
 */
public final class NotificationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final NotificationComponent component;

  public NotificationHandler() {
    this(DaggerNotificationComponent.builder().environment(Environment.system()).build());
  }

  public NotificationHandler(NotificationComponent component) {
    this.component = component;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return component.batches().process(event, context, message -> handle(message, context));
  }

  private void handle(SQSMessage message, Context context) {
    Map<String, String> ids = Map.of("messageId", message.getMessageId());
    InboundEvent event;
    try {
      event = EventReader.read(message.getBody());
    } catch (MalformedEventException unreadable) {
      component
          .log()
          .begin(context, message.getMessageId())
          .error("unreadable event", unreadable, ids);
      throw unreadable;
    }
    Invocation log = component.log().begin(context, event.metadata().correlationId());
    Map<String, String> fields =
        Map.of("eventId", event.metadata().eventId(), "detailType", event.metadata().detailType());
    try {
      Handled handled = component.notifications().handle(event);
      // the outcome's kind only: addresses are personal data and stay out of the logs
      if (handled instanceof Handled.Sent sent) {
        // SES's message id ties this line to the mail SES accepted
        log.info(
            "event handled",
            Map.of("event", fields, "outcome", "Sent", "sesMessageId", sent.messageId()));
        log.metric("NotificationSent", 1, "Count");
      } else {
        log.info(
            "event handled",
            Map.of("event", fields, "outcome", handled.getClass().getSimpleName()));
      }
    } catch (RuntimeException failure) {
      log.error("event failed; SQS will redeliver it", failure, fields);
      throw failure;
    }
  }
}
