package dev.orderly.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain events inside the {@code events/} samples: the EventBridge events in SQS message
 * bodies, and the outbox entries in DynamoDB stream records (whose NewImage carries the detail the
 * relay will publish).
 */
final class SampleEvents {
  /** One event: where it was found, and its EventBridge source, detail-type and detail. */
  record SampleEvent(String where, String source, String detailType, JsonNode detail) {
    @Override
    public String toString() {
      return where + " (" + detailType + ")";
    }
  }

  private static final List<SampleEvent> ALL = List.copyOf(read());

  private SampleEvents() {}

  static List<Path> samples() {
    return Repository.files(Repository.path("events"), ".json");
  }

  static List<SampleEvent> all() {
    return ALL;
  }

  private static List<SampleEvent> read() {
    List<SampleEvent> events = new ArrayList<>();
    for (Path file : samples()) {
      JsonNode sample = Repository.json(file);
      JsonNode records = sample.path("Records");
      for (int i = 0; i < records.size(); i++) {
        JsonNode record = records.get(i);
        String where = file.getFileName() + "#" + i;
        if ("aws:sqs".equals(record.path("eventSource").asText())) {
          JsonNode event = Repository.json(record.get("body").asText());
          events.add(
              new SampleEvent(
                  where,
                  event.path("source").asText(),
                  event.path("detail-type").asText(),
                  event.get("detail")));
        } else if ("aws:dynamodb".equals(record.path("eventSource").asText())) {
          JsonNode image = record.at("/dynamodb/NewImage");
          events.add(
              new SampleEvent(
                  where,
                  image.at("/source/S").asText(),
                  image.at("/detailType/S").asText(),
                  Repository.json(image.at("/detail/S").asText())));
        }
      }
    }
    return events;
  }
}
