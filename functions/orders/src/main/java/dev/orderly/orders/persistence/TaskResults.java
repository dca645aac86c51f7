package dev.orderly.orders.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.idempotency.ResponseCodec;
import dev.orderly.orders.domain.OrderStatus;
import dev.orderly.orders.domain.TaskResult;

/** A saga task's answer as the idempotency record keeps it, for replays. */
final class TaskResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final ResponseCodec<TaskResult> CODEC =
      new ResponseCodec<>() {
        @Override
        public String encode(TaskResult result) {
          return JSON.createObjectNode()
              .put("status", result.status().name())
              .put("orderFound", result.orderFound())
              .toString();
        }

        @Override
        public TaskResult decode(String stored) {
          try {
            JsonNode node = JSON.readTree(stored);
            return new TaskResult(
                OrderStatus.valueOf(node.path("status").asText()),
                node.path("orderFound").asBoolean());
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored task result is not JSON", e);
          }
        }
      };

  private TaskResults() {}
}
