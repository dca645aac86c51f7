package dev.orderly.localcloud.mappings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import software.amazon.event.ruler.Machine;

/**
 * A mapping's {@code FilterCriteria}: the record passes when any pattern matches it, matched by
 * AWS's own engine (event-ruler) against the record as the function would receive it. No patterns:
 * every record passes.
 */
public final class RecordFilter {
  private final Machine machine;
  private final boolean empty;

  public RecordFilter(List<String> patterns) {
    this.machine = Machine.builder().build();
    this.empty = patterns.isEmpty();
    for (int i = 0; i < patterns.size(); i++) {
      try {
        machine.addRule("filter-" + i, patterns.get(i));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "Invalid filter pattern " + patterns.get(i) + ": " + e.getMessage(), e);
      }
    }
  }

  public boolean matches(JsonNode record) {
    return empty || !machine.rulesForJSONEvent(record).isEmpty();
  }
}
