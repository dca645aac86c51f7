package dev.orderly.localcloud.lambda.internal;

import dev.orderly.localcloud.lambda.FunctionSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A function's environment as Lambda hands it to the runtime: the function's own variables plus
 * those Lambda sets itself (name, memory, version, region, handler, initialisation type, log group,
 * the execution role's credentials...). A function may not set one of Lambda's own to another
 * value: Lambda rejects such a configuration, and here it fails naming the variables.
 */
public final class LambdaVariables {
  private LambdaVariables() {}

  /**
   * The variables of {@code spec} in {@code region}, with {@code credentials} (access key id,
   * secret) standing in for the execution role's.
   */
  public static Map<String, String> of(
      FunctionSpec spec, String region, String accessKeyId, String secretAccessKey) {
    Map<String, String> lambda = new LinkedHashMap<>();
    lambda.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
    lambda.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    lambda.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    lambda.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    lambda.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
    lambda.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
    lambda.put("AWS_REGION", region);
    lambda.put("AWS_DEFAULT_REGION", region);
    lambda.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
    lambda.put("_HANDLER", spec.handler());
    lambda.put("LAMBDA_TASK_ROOT", "/var/task");
    lambda.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
    lambda.put("TZ", ":UTC");
    Map<String, String> conflicts = new TreeMap<>();
    spec.environment()
        .forEach(
            (name, value) -> {
              String own = lambda.get(name);
              if (own != null && !own.equals(value)) {
                conflicts.put(name, value);
              }
            });
    if (!conflicts.isEmpty()) {
      throw new IllegalArgumentException(
          "Function "
              + spec.name()
              + ": Lambda sets these environment variables itself: "
              + conflicts.keySet());
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("AWS_ACCESS_KEY_ID", accessKeyId);
    all.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    all.putAll(spec.environment());
    all.putAll(lambda);
    return all;
  }
}
