package dev.orderly.localcloud.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;

/** Reports the messages whose body is {@code fail} as batch item failures. */
public final class SqsBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures =
        event.getRecords().stream()
            .filter(message -> message.getBody().equals("fail"))
            .map(message -> new SQSBatchResponse.BatchItemFailure(message.getMessageId()))
            .toList();
    return new SQSBatchResponse(failures);
  }
}
