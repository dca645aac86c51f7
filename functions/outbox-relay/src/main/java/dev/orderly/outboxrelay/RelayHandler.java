package dev.orderly.outboxrelay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.outboxrelay.wiring.DaggerRelayComponent;
import dev.orderly.outboxrelay.wiring.RelayComponent;
import java.time.Clock;
import java.util.Map;

/**
 * Publishes the outbox entries the services' tables wrote, from their DynamoDB streams to
 * EventBridge (ReportBatchItemFailures: a failed entry makes Lambda retry from it). Stream records
 * of other items are ignored. A failure of the whole call (EventBridge unreachable) fails the
 * invocation, and Lambda retries the batch.
 */
public final class RelayHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final OutboxRelays relays;
  private final StructuredLog log;

  public RelayHandler() {
    this(
        DaggerRelayComponent.builder()
            .environment(Environment.system())
            .clock(Clock.systemUTC())
            .build());
  }

  public RelayHandler(RelayComponent component) {
    this.relays = component.relays();
    this.log = component.log();
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent batch, Context context) {
    Invocation invocation = log.begin(context, "stream-batch");
    int records = batch.getRecords() == null ? 0 : batch.getRecords().size();
    try {
      StreamsEventResponse response = relays.relay(batch);
      int failures = response.getBatchItemFailures().size();
      invocation.info("batch relayed", Map.of("records", records, "failures", failures));
      invocation.metric("RelayedBatchFailures", failures, "Count");
      return response;
    } catch (RuntimeException failure) {
      invocation.error("batch not relayed", failure, Map.of("records", records));
      throw failure;
    }
  }
}
