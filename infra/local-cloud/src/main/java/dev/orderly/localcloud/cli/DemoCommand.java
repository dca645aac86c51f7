package dev.orderly.localcloud.cli;

import dev.orderly.localcloud.cloud.LocalCloud;
import dev.orderly.localcloud.demo.Demo;
import dev.orderly.localcloud.demo.DemoPlan;
import dev.orderly.localcloud.demo.Outcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code orderly demo}: a local cloud of its own (free ports, so it runs beside {@code up}), then
 * the demo batch; exit status 1 when an invariant failed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Place a batch of orders and check the invariants.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand Orderly root;
  @Mixin CloudOptions options = new CloudOptions();

  @Option(
      names = {"-n", "--orders"},
      defaultValue = "1000",
      description = "How many orders.")
  int orders;

  @Option(
      names = "--concurrency",
      defaultValue = "32",
      description = "Clients placing orders at once.")
  int concurrency;

  @Option(names = "--seed", defaultValue = "42", description = "Fixes the mix of orders.")
  long seed;

  @Option(
      names = "--timeout",
      defaultValue = "PT5M",
      description = "How long to wait for the sagas.")
  Duration timeout;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    // The functions' JSON logs go to a file: the console is for progress and the summary.
    Path functionLog = options.settings(root, true).stateDirectory().resolve("demo-functions.log");
    PrintStream logs;
    try {
      Files.createDirectories(functionLog.getParent());
      logs = new PrintStream(Files.newOutputStream(functionLog), false, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + functionLog, e);
    }
    System.setOut(logs);
    logToFile(logs);
    out.println("function logs → " + functionLog + " (with the local cloud's warnings)");
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    Map<String, String> load = new LinkedHashMap<>(Demo.LOAD_TEST);
    load.putAll(options.parameters);
    options.parameters = load;
    out.printf(
        "POST /orders throttled at %s/s, burst %s; payments functions reserve %s concurrent"
            + " executions each (template parameters PlaceOrderRateLimit, PlaceOrderBurstLimit,"
            + " PaymentsConcurrency; -p overrides)%n",
        load.get("PlaceOrderRateLimit"),
        load.get("PlaceOrderBurstLimit"),
        load.get("PaymentsConcurrency"));
    try (LocalCloud cloud = LocalCloud.start(options.settings(root, true), mail -> {})) {
      out.printf(
          "local cloud ready in %d ms (process start to API ready) at %s%n",
          System.currentTimeMillis() - started, cloud.apiUrl());
      DemoPlan plan = DemoPlan.of(orders, seed);
      Outcome outcome = new Demo(cloud.demoCloud(), out, concurrency, timeout).run(plan);
      out.printf(
          "memory      peak resident %2$s (VmHWM), heap pools' peaks summed %1$d MB%n",
          peakHeapMb(), peakResident());
      return outcome.passed() ? 0 : 1;
    }
  }

  /**
   * java.util.logging's records (a function's failed message, a poller's retry) go to the file too:
   * the console handler would interleave them with the progress line.
   */
  private static void logToFile(PrintStream logs) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    root.addHandler(
        new StreamHandler(logs, new SimpleFormatter()) {
          @Override
          public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
          }
        });
  }

  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  /** VmHWM from /proc (Linux): the process's peak resident set. */
  private static String peakResident() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return (kb / 1024) + " MB";
        }
      }
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }
}
