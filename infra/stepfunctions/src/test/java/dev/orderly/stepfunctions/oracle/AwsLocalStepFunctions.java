package dev.orderly.stepfunctions.oracle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The differential oracle for the ASL interpreter: aws-local-stepfunctions 3.0.0 (executions) and
 * asl-validator 4.0.0 (static validation), driven through ONE long-running Node process ({@code
 * oracle/driver.mjs}, which documents the line protocol). Task states never call AWS: they return
 * the scripted {@link TaskOutcome}s; Wait states and Retry pauses take no time.
 *
 * <p>The build installs the oracle (see oracle/package.json and the {@code install-asl-oracles}
 * execution); Surefire passes its directory and the node executable as system properties. A missing
 * node or oracle makes {@link #start()} throw: the comparison is the point of the tests using it.
 *
 * <p>Thread-safe: requests may overlap; answers are matched to requests by id.
 */
public final class AwsLocalStepFunctions implements AutoCloseable {
  /** The Surefire system property holding the oracle directory. */
  public static final String ORACLE_DIR_PROPERTY = "orderly.oracle.stepfunctions";

  /** The Surefire system property holding the node executable. */
  public static final String NODE_PROPERTY = "orderly.node";

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Writer stdin;
  private final Path log;
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Thread reader;

  private AwsLocalStepFunctions(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.reader = new Thread(this::readAnswers, "aws-local-stepfunctions-reader");
    this.reader.setDaemon(true);
  }

  /** Starts the oracle from the Surefire system properties (or the conventional locations). */
  public static AwsLocalStepFunctions start() {
    return start(
        Path.of(System.getProperty(ORACLE_DIR_PROPERTY, defaultOracleDir())),
        System.getProperty(NODE_PROPERTY, "node"));
  }

  /** Starts {@code node --import <oracleDir>/polyfill.mjs <oracleDir>/driver.mjs}. */
  public static AwsLocalStepFunctions start(Path oracleDir, String node) {
    Path dir = oracleDir.toAbsolutePath();
    Path polyfill = dir.resolve("polyfill.mjs");
    Path driver = dir.resolve("driver.mjs");
    for (Path required :
        List.of(
            polyfill,
            driver,
            dir.resolve("node_modules/aws-local-stepfunctions/package.json"),
            dir.resolve("node_modules/asl-validator/package.json"))) {
      if (!Files.isRegularFile(required)) {
        throw new IllegalStateException(
            "the Step Functions oracle is not installed: "
                + required
                + " is missing; run the Maven build of infra/stepfunctions (its install-asl-oracles"
                + " execution runs npm ci in "
                + dir
                + ")");
      }
    }
    Path log = logFile();
    Process process;
    try {
      process =
          new ProcessBuilder(node, "--import", polyfill.toUri().toString(), driver.toString())
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start the Step Functions oracle with node executable '"
              + node
              + "' (set -Dnode.executable or put node on the PATH): "
              + e.getMessage(),
          e);
    }
    AwsLocalStepFunctions oracle = new AwsLocalStepFunctions(process, log);
    oracle.reader.start();
    try {
      oracle.awaitReady();
    } catch (RuntimeException e) {
      oracle.close();
      throw e;
    }
    return oracle;
  }

  /** The id of the one Node process serving every request. */
  public long pid() {
    return process.pid();
  }

  public OracleResult execute(OracleRequest request) {
    return execute(request, DEFAULT_TIMEOUT);
  }

  /** Runs one execution; throws if the oracle does not answer within {@code timeout}. */
  public OracleResult execute(OracleRequest request, Duration timeout) {
    ObjectNode message = JSON.createObjectNode();
    message.set("definition", request.definition());
    message.set("input", request.input());
    ObjectNode scripts = message.putObject("taskResults");
    request
        .taskResults()
        .forEach(
            (key, outcomes) -> {
              ArrayNode array = scripts.putArray(key);
              outcomes.forEach(outcome -> array.add(outcome.toJson()));
            });
    if (request.context() != null) {
      message.set("context", request.context());
    }
    JsonNode answer = call(message, timeout);
    String status = answer.path("status").asText();
    switch (status) {
      case "SUCCEEDED":
        return new OracleResult(
            OracleResult.Status.SUCCEEDED, answer.get("output"), null, null, null);
      case "FAILED":
      case "TIMED_OUT":
        return new OracleResult(
            OracleResult.Status.valueOf(status),
            null,
            textOrNull(answer, "error"),
            textOrNull(answer, "cause"),
            null);
      case "INVALID_DEFINITION":
        return new OracleResult(
            OracleResult.Status.INVALID_DEFINITION,
            null,
            null,
            null,
            textOrNull(answer, "message"));
      default:
        throw new IllegalStateException("the oracle could not run the request: " + answer);
    }
  }

  /** What {@link #bench} measured inside the Node process: runs and their wall time. */
  public record BenchResult(int iterations, double elapsedMs, JsonNode lastOutput) {}

  /**
   * Runs {@code definition} {@code warmup + iterations} times one after another inside the Node
   * process, every Task answering its constant result, and times the last {@code iterations}.
   */
  public BenchResult bench(
      JsonNode definition,
      JsonNode input,
      Map<String, JsonNode> taskResults,
      int warmup,
      int iterations,
      Duration timeout) {
    ObjectNode message = JSON.createObjectNode();
    ObjectNode bench = message.putObject("bench");
    bench.set("definition", definition);
    bench.set("input", input);
    ObjectNode results = bench.putObject("taskResults");
    taskResults.forEach(results::set);
    bench.put("warmup", warmup);
    bench.put("iterations", iterations);
    JsonNode answer = call(message, timeout);
    if (!"BENCH".equals(answer.path("status").asText())) {
      throw new IllegalStateException("the oracle could not run the benchmark: " + answer);
    }
    return new BenchResult(
        answer.get("iterations").asInt(), answer.get("elapsedMs").asDouble(), answer.get("output"));
  }

  /** asl-validator's verdict on {@code definition}. */
  public ValidationResult validate(JsonNode definition) {
    return validate(definition, DEFAULT_TIMEOUT);
  }

  public ValidationResult validate(JsonNode definition, Duration timeout) {
    ObjectNode message = JSON.createObjectNode();
    message.set("validate", definition);
    JsonNode answer = call(message, timeout);
    if (!answer.path("valid").isBoolean()) {
      throw new IllegalStateException("the oracle could not validate the definition: " + answer);
    }
    List<ValidationResult.Problem> problems = new ArrayList<>();
    for (JsonNode error : answer.path("errors")) {
      problems.add(
          new ValidationResult.Problem(
              error.path("code").asText(), error.path("message").asText()));
    }
    return new ValidationResult(answer.get("valid").booleanValue(), problems);
  }

  /** Parses JSON text, for tests that write definitions inline. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + text, e);
    }
  }

  private JsonNode call(ObjectNode message, Duration timeout) {
    long id = ids.incrementAndGet();
    message.put("id", id);
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      String line = JSON.writeValueAsString(message);
      synchronized (stdin) {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
      }
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write to the Step Functions oracle" + exitDescription(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the Step Functions oracle did not answer request " + id + " within " + timeout, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the oracle", e);
    } finally {
      pending.remove(id);
    }
  }

  /** One trivial validation proves node started, the polyfill loaded and both packages import. */
  private void awaitReady() {
    ValidationResult ready =
        validate(json("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"));
    if (!ready.valid()) {
      throw new IllegalStateException("the oracle rejects a trivial definition: " + ready);
    }
  }

  private void readAnswers() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode answer;
        try {
          answer = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          failAll("the oracle wrote a line that is not JSON: " + line);
          continue;
        }
        JsonNode id = answer.get("id");
        CompletableFuture<JsonNode> waiting =
            id != null && id.canConvertToLong() ? pending.get(id.longValue()) : null;
        if (waiting != null) {
          waiting.complete(answer);
        } else if (id == null || id.isNull()) {
          failAll("the oracle answered a request it could not read: " + answer);
        }
        // else: the answer to a request that already timed out.
      }
    } catch (IOException e) {
      // The stream closes when the process ends; pending requests fail below.
    }
    failAll("the Step Functions oracle stopped" + exitDescription());
  }

  private void failAll(String reason) {
    IllegalStateException failure = new IllegalStateException(reason);
    pending.values().forEach(future -> future.completeExceptionally(failure));
  }

  private String exitDescription() {
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        return " (node exited with " + process.exitValue() + "; see " + log + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return " (see " + log + ")";
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Where the build installs the oracle, from the module or from the repository root. */
  private static String defaultOracleDir() {
    Path fromModule = Path.of("oracle");
    return Files.isRegularFile(fromModule.resolve("driver.mjs"))
        ? fromModule.toString()
        : "infra/stepfunctions/oracle";
  }

  private static Path logFile() {
    File dir = new File("target");
    dir.mkdirs();
    return new File(dir, "aws-local-stepfunctions.log").toPath().toAbsolutePath();
  }

  /** Closes the driver's stdin (it exits once in-flight executions finish), then ends it. */
  @Override
  public void close() {
    try {
      synchronized (stdin) {
        stdin.close();
      }
    } catch (IOException ignored) {
      // The process is ended below either way.
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    failAll("the Step Functions oracle was closed");
  }
}
