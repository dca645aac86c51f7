package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.stepfunctions.LambdaFunction;
import dev.orderly.stepfunctions.LambdaFunctionException;
import dev.orderly.stepfunctions.LambdaFunctions;
import dev.orderly.stepfunctions.internal.StatesException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lambda invoked two ways, as "Invoke Lambda with Step Functions" describes
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html): a function ARN as the
 * Resource takes the state's input as the payload and returns the function's output; {@code
 * arn:aws:states:::lambda:invoke} takes {@code FunctionName} and {@code Payload} and nests the
 * output, parsed from JSON, in Invoke's response ({@code ExecutedVersion}, {@code Payload}, {@code
 * SdkHttpMetadata}, {@code SdkResponseMetadata}, {@code StatusCode} 200).
 *
 * <p>A function error fails the task with the error type as the error name and Lambda's error
 * document as the cause, {@code {"errorMessage": ..., "errorType": ..., "stackTrace": []}} (see
 * "AWS Lambda function errors in Java",
 * https://docs.aws.amazon.com/lambda/latest/dg/java-exceptions.html). Lambda's own errors are named
 * {@code Lambda.ErrorName} ("Handle transient Lambda service exceptions",
 * https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html): a missing
 * function is {@code Lambda.ResourceNotFoundException}.
 */
final class LambdaIntegration {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> INVOKE_PARAMETERS =
      Set.of("FunctionName", "Payload", "Qualifier", "InvocationType", "ClientContext", "LogType");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final LambdaFunctions functions;
  private final String region;
  private final String accountId;
  private final Clock clock;
  private final Supplier<String> requestIds;

  LambdaIntegration(
      LambdaFunctions functions,
      String region,
      String accountId,
      Clock clock,
      Supplier<String> requestIds) {
    this.functions = functions;
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
    this.requestIds = requestIds;
  }

  /** A function ARN as the Resource: the input is the payload, the output is the result. */
  JsonNode invokeArn(String functionArn, JsonNode input) {
    return run(functionArn, input, requestIds.get());
  }

  /** {@code arn:aws:states:::lambda:invoke}. */
  JsonNode invoke(JsonNode input) {
    Parameters parameters = Parameters.of(input, INVOKE_PARAMETERS);
    String requestId = requestIds.get();
    String functionName = qualified(parameters, requestId);
    String invocationType = parameters.optionalText("InvocationType").orElse("RequestResponse");
    if (!invocationType.equals("RequestResponse")) {
      throw parameters.invalid(
          "InvocationType " + invocationType + " is not supported in-process; use RequestResponse");
    }
    String logType = parameters.optionalText("LogType").orElse("None");
    if (!logType.equals("None")) {
      throw parameters.invalid("LogType " + logType + " is not supported in-process; use None");
    }
    JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : NODES.objectNode();
    JsonNode output = run(functionName, payload, requestId);
    String executedVersion = FunctionName.parse(functionName).orElseThrow().executedVersion();
    ObjectNode result = NODES.objectNode();
    result.put("ExecutedVersion", executedVersion);
    result.set("Payload", output);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Length", List.of(Integer.toString(byteLength(output))));
    headers.put("Content-Type", List.of("application/json"));
    headers.put("Date", List.of(HTTP_DATE.format(clock.instant())));
    headers.put("X-Amz-Executed-Version", List.of(executedVersion));
    headers.put("x-amzn-RequestId", List.of(requestId));
    SdkMetadata.addTo(result, 200, headers, requestId);
    result.put("StatusCode", 200);
    return result;
  }

  /** FunctionName with the Qualifier parameter applied, as Invoke combines them. */
  private String qualified(Parameters parameters, String requestId) {
    String functionName = parameters.text("FunctionName");
    if (!parameters.has("Qualifier")) {
      return functionName;
    }
    String qualifier = parameters.text("Qualifier");
    FunctionName parsed = parse(functionName, requestId);
    if (parsed.qualifier() == null) {
      return functionName + ":" + qualifier;
    }
    if (!parsed.qualifier().equals(qualifier)) {
      throw new StatesException(
          "Lambda.InvalidParameterValueException",
          "The derived qualifier from the function name does not match the specified qualifier."
              + serviceSuffix(400, requestId));
    }
    return functionName;
  }

  private JsonNode run(String functionName, JsonNode payload, String requestId) {
    FunctionName parsed = parse(functionName, requestId);
    LambdaFunction function =
        functions
            .find(functionName)
            .orElseThrow(
                () ->
                    new StatesException(
                        "Lambda.ResourceNotFoundException",
                        "Function not found: "
                            + parsed.arn(region, accountId)
                            + serviceSuffix(404, requestId)));
    try {
      JsonNode output = function.invoke(payload);
      return output == null ? NullNode.getInstance() : output;
    } catch (RuntimeException thrown) {
      LambdaFunctionException error = LambdaFunctionException.of(thrown);
      throw new StatesException(error.errorType(), errorDocument(error));
    }
  }

  private static FunctionName parse(String functionName, String requestId) {
    return FunctionName.parse(functionName)
        .orElseThrow(
            () ->
                new StatesException(
                    "Lambda.ValidationException",
                    "1 validation error detected: Value '"
                        + functionName
                        + "' at 'functionName' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?"
                        + "([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
                        + "([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?"
                        + serviceSuffix(400, requestId)));
  }

  /** Lambda's error document for a function error, the cause Step Functions reports. */
  static String errorDocument(LambdaFunctionException error) {
    ObjectNode document = NODES.objectNode();
    document.put("errorMessage", error.errorMessage());
    document.put("errorType", error.errorType());
    document.putArray("stackTrace");
    return document.toString();
  }

  private static String serviceSuffix(int status, String requestId) {
    return " (Service: Lambda, Status Code: " + status + ", Request ID: " + requestId + ")";
  }

  private static int byteLength(JsonNode output) {
    return output.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
