package dev.orderly.localcloud.mappings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A function's answer under {@code ReportBatchItemFailures}, read as Lambda reads it. Success: an
 * empty or null response, or a null or empty {@code batchItemFailures}. Complete failure: invalid
 * JSON, an item without {@code itemIdentifier}, an empty or null identifier, or one that names no
 * record of the batch (docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html and
 * services-ddb-batchfailurereporting.html, "Success and failure conditions").
 */
public sealed interface BatchResponse {
  /** Every record succeeded. */
  record AllSucceeded() implements BatchResponse {}

  /** These identifiers failed (in the order reported); the rest succeeded. */
  record ItemsFailed(List<String> identifiers) implements BatchResponse {}

  /** The response is not a valid batch response: the whole batch failed. */
  record Invalid(String reason) implements BatchResponse {}

  static BatchResponse parse(byte[] payload, Set<String> identifiersInBatch) {
    JsonNode root;
    try {
      root = payload.length == 0 ? null : Json.MAPPER.readTree(payload);
    } catch (IOException e) {
      return new Invalid("the response is not JSON");
    }
    if (root == null || !root.isObject()) {
      return new AllSucceeded();
    }
    JsonNode failures = root.get("batchItemFailures");
    if (failures == null || failures.isNull()) {
      return new AllSucceeded();
    }
    if (!failures.isArray()) {
      return new Invalid("batchItemFailures is not an array");
    }
    List<String> identifiers = new ArrayList<>();
    for (JsonNode item : failures) {
      JsonNode id = item.get("itemIdentifier");
      if (id == null || id.isNull() || !id.isTextual() || id.asText().isEmpty()) {
        return new Invalid("a batch item failure has no itemIdentifier: " + item);
      }
      if (!identifiersInBatch.contains(id.asText())) {
        return new Invalid("itemIdentifier " + id.asText() + " is not in the batch");
      }
      identifiers.add(id.asText());
    }
    return identifiers.isEmpty() ? new AllSucceeded() : new ItemsFailed(identifiers);
  }
}
