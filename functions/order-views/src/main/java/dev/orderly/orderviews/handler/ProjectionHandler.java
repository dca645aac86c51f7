package dev.orderly.orderviews.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orderviews.domain.Projected;
import dev.orderly.orderviews.domain.Projection;
import dev.orderly.orderviews.wiring.DaggerProjectionComponent;
import dev.orderly.orderviews.wiring.ProjectionComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consumes order and user events from SQS into the read model, message by message, reporting only
 * the failed ones (ReportBatchItemFailures). No idempotency record is kept: the projection's
 * version-conditional writes make a duplicate or a reordered event harmless by themselves.
 */
public final class ProjectionHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final Projection projection;
  private final StructuredLog log;

  public ProjectionHandler() {
    this(DaggerProjectionComponent.builder().environment(Environment.system()).build());
  }

  public ProjectionHandler(ProjectionComponent component) {
    this.projection = component.projection();
    this.log = component.log();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : batch.getRecords()) {
      String correlationId = "unknown";
      try {
        ReceivedEvent received = ProjectionEvents.read(message.getBody());
        correlationId = received.correlationId();
        Projected outcome = received.event().map(projection::apply).orElse(Projected.UNCHANGED);
        log.begin(context, correlationId)
            .info(
                received.event().isPresent() ? "event projected" : "event ignored",
                Map.of(
                    "detailType", received.detailType(),
                    "eventId", received.eventId(),
                    "outcome", outcome.name()));
      } catch (RuntimeException failure) {
        Invocation invocation = log.begin(context, correlationId);
        invocation.error(
            "event not projected", failure, Map.of("messageId", "" + message.getMessageId()));
        invocation.metric("ProjectionFailures", 1, "Count");
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
