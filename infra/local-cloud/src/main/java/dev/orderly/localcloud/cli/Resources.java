package dev.orderly.localcloud.cli;

import dev.orderly.localcloud.cloud.LocalCloud;
import dev.orderly.localcloud.template.LocalTemplate;
import java.io.PrintStream;

/** What {@code up} prints about the running template. */
final class Resources {
  private Resources() {}

  static void print(LocalCloud cloud, PrintStream out) {
    LocalTemplate t = cloud.template();
    out.println("functions (in-process, through the constructors Lambda calls):");
    t.functions()
        .values()
        .forEach(
            f ->
                out.printf(
                    "  %-38s %4d MB %3d s  %s%n",
                    f.name(), f.memorySize(), f.timeoutSeconds(), f.handler()));
    out.println("routes:");
    t.httpApis()
        .values()
        .forEach(
            api ->
                api.routes()
                    .forEach(
                        r ->
                            out.printf(
                                "  %-24s → %s%s%n",
                                r.routeKey(),
                                r.functionName(),
                                r.authorizer().isPresent() ? " (JWT)" : "")));
    out.println("tables:");
    t.tables()
        .values()
        .forEach(
            table ->
                out.printf(
                    "  %-34s%s%n",
                    table.name(), table.stream().map(s -> " stream " + s.viewType()).orElse("")));
    out.println("queues:");
    t.queues()
        .values()
        .forEach(
            q ->
                out.printf(
                    "  %-34s%s%n",
                    q.name(),
                    q.redrive()
                        .map(
                            r ->
                                " → "
                                    + r.deadLetterQueue().name()
                                    + " after "
                                    + r.maxReceiveCount())
                        .orElse("")));
    out.println("rules:");
    t.rules()
        .values()
        .forEach(
            r ->
                out.printf(
                    "  %-34s on %s → %d target(s)%n", r.name(), r.busName(), r.targets().size()));
    out.println("state machines:");
    t.stateMachines().values().forEach(m -> out.printf("  %s%n", m.arn()));
    out.println("event source mappings:");
    t.eventSourceMappings()
        .values()
        .forEach(
            m ->
                out.printf(
                    "  %-34s → %s (batch %d)%n",
                    m.source().name(), m.function().name(), m.batchSize()));
    if (!t.ignoredResources().isEmpty()) {
      out.println("accepted, not emulated locally:");
      t.ignoredResources().forEach(r -> out.printf("  %-34s %s%n", r.logicalId(), r.type()));
    }
  }
}
