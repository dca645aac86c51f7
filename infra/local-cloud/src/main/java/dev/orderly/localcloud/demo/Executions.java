package dev.orderly.localcloud.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;

/** The saga's executions as the Step Functions API reports them: one per order, with times. */
final class Executions {
  /** One execution: its name (the order id), status, start and stop. */
  record Execution(String name, String status, Instant start, Instant stop) {
    Duration duration() {
      return stop == null ? null : Duration.between(start, stop);
    }
  }

  private final List<Execution> all;

  private Executions(List<Execution> all) {
    this.all = List.copyOf(all);
  }

  static Executions read(SfnClient sfn, String stateMachineArn) {
    List<Execution> all = new ArrayList<>();
    for (ExecutionListItem item : listed(sfn, stateMachineArn)) {
      Instant stop = item.stopDate();
      if (stop == null) {
        DescribeExecutionResponse described =
            sfn.describeExecution(b -> b.executionArn(item.executionArn()));
        stop = described.stopDate();
      }
      all.add(new Execution(item.name(), item.statusAsString(), item.startDate(), stop));
    }
    return new Executions(all);
  }

  /**
   * How many executions are in each status ({@code RUNNING}, {@code SUCCEEDED}, {@code FAILED},
   * ...): one listing, no per-execution reads, cheap enough to poll for progress.
   */
  static Map<String, Long> countByStatus(SfnClient sfn, String stateMachineArn) {
    Map<String, Long> counts = new HashMap<>();
    for (ExecutionListItem item : listed(sfn, stateMachineArn)) {
      counts.merge(item.statusAsString(), 1L, Long::sum);
    }
    return counts;
  }

  private static Iterable<ExecutionListItem> listed(SfnClient sfn, String stateMachineArn) {
    return sfn.listExecutionsPaginator(
            ListExecutionsRequest.builder()
                .stateMachineArn(stateMachineArn)
                .maxResults(1000)
                .build())
        .executions();
  }

  List<Execution> all() {
    return all;
  }

  Map<String, Long> countByName() {
    Map<String, Long> counts = new HashMap<>();
    all.forEach(e -> counts.merge(e.name(), 1L, Long::sum));
    return counts;
  }

  /** The {@code p} quantile (nearest rank) of finished executions' durations. */
  Duration percentile(double p) {
    List<Duration> durations =
        all.stream().map(Execution::duration).filter(d -> d != null).sorted().toList();
    return nearestRank(durations, p);
  }

  /** When the last of these orders' sagas ended; empty if one has not ended. */
  java.util.Optional<Instant> lastStop(List<Demo.Placed> placed) {
    Map<String, Instant> stops = new HashMap<>();
    all.forEach(e -> stops.put(e.name(), e.stop()));
    Instant last = null;
    for (Demo.Placed order : placed) {
      Instant stop = stops.get(order.orderId());
      if (stop == null) {
        return java.util.Optional.empty();
      }
      last = last == null || stop.isAfter(last) ? stop : last;
    }
    return java.util.Optional.ofNullable(last);
  }

  /** From the client sending POST /orders to the end of the order's saga. */
  Duration endToEndPercentile(List<Demo.Placed> placed, double p) {
    Map<String, Instant> stops = new HashMap<>();
    all.forEach(e -> stops.put(e.name(), e.stop()));
    List<Duration> durations =
        placed.stream()
            .filter(o -> stops.get(o.orderId()) != null)
            .map(o -> Duration.between(o.sentAt(), stops.get(o.orderId())))
            .sorted(Comparator.naturalOrder())
            .toList();
    return nearestRank(durations, p);
  }

  private static Duration nearestRank(List<Duration> sorted, double p) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
