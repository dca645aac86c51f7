package dev.orderly.localcloud.lambda.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.localcloud.lambda.FunctionSpec;

/**
 * A function's configuration as GetFunction and ListFunctions describe it: the template's settings,
 * the one version {@code $LATEST}, always {@code Active}. Timeouts are whole seconds, rounded up.
 */
final class FunctionConfigurations {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FunctionConfigurations() {}

  static ObjectNode configuration(FunctionSpec spec, String arn, String accountId) {
    ObjectNode c = JSON.createObjectNode();
    c.put("FunctionName", spec.name());
    c.put("FunctionArn", arn);
    c.put("Runtime", "java17");
    c.put("Role", "arn:aws:iam::" + accountId + ":role/" + spec.name());
    c.put("Handler", spec.handler());
    c.put("CodeSize", 0);
    c.put("Description", "");
    c.put("Timeout", Math.max(1, (spec.timeout().toMillis() + 999) / 1000));
    c.put("MemorySize", spec.memoryMb());
    c.put("Version", "$LATEST");
    ObjectNode variables = c.putObject("Environment").putObject("Variables");
    spec.environment().forEach(variables::put);
    c.put("PackageType", "Zip");
    c.put("State", "Active");
    c.put("LastUpdateStatus", "Successful");
    c.putArray("Architectures").add("x86_64");
    return c;
  }

  /** GetFunction's answer: the configuration, the code's (local) location, the reservation. */
  static ObjectNode function(FunctionSpec spec, String arn, String accountId) {
    ObjectNode f = JSON.createObjectNode();
    f.set("Configuration", configuration(spec, arn, accountId));
    f.putObject("Code").put("RepositoryType", "S3").put("Location", "local://in-process");
    if (spec.reservedConcurrency() != null) {
      f.putObject("Concurrency").put("ReservedConcurrentExecutions", spec.reservedConcurrency());
    }
    return f;
  }
}
