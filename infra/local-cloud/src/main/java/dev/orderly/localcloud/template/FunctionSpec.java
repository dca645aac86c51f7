package dev.orderly.localcloud.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code AWS::Serverless::Function} after Globals are merged and intrinsics resolved. Policies
 * are read (and their references checked) but not kept: the local cloud does not enforce IAM.
 *
 * @param environment the function's environment variables, Globals' merged under its own
 * @param reservedConcurrentExecutions empty when absent (or removed by {@code AWS::NoValue})
 */
public record FunctionSpec(
    String logicalId,
    String name,
    String arn,
    String handler,
    String runtime,
    String codeUri,
    int memorySize,
    int timeoutSeconds,
    Map<String, String> environment,
    OptionalInt reservedConcurrentExecutions,
    List<String> architectures,
    Optional<String> tracing) {
  public FunctionSpec {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(codeUri, "codeUri");
    environment = Copies.map(environment);
    Objects.requireNonNull(reservedConcurrentExecutions, "reservedConcurrentExecutions");
    architectures = Copies.list(architectures);
    Objects.requireNonNull(tracing, "tracing");
  }
}
