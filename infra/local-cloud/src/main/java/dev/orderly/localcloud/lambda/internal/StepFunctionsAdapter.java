package dev.orderly.localcloud.lambda.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import dev.orderly.stepfunctions.LambdaFunction;
import dev.orderly.stepfunctions.LambdaFunctionException;
import java.io.IOException;
import java.util.function.Function;

/**
 * A function as the Step Functions engine calls it: JSON in, JSON out, a function error thrown as a
 * {@link LambdaFunctionException} with the error document's {@code errorType} and {@code
 * errorMessage} (the names Retry and Catch match), a throttle as {@code
 * Lambda.TooManyRequestsException}, as the Lambda service integration reports it.
 */
public final class StepFunctionsAdapter implements LambdaFunction {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<byte[], InvokeResult> invoke;

  public StepFunctionsAdapter(Function<byte[], InvokeResult> invoke) {
    this.invoke = invoke;
  }

  @Override
  public JsonNode invoke(JsonNode payload) {
    InvokeResult result;
    try {
      result = invoke.apply(JSON.writeValueAsBytes(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the payload as JSON", e);
    } catch (TooManyRequestsException e) {
      throw new LambdaFunctionException("Lambda.TooManyRequestsException", e.getMessage());
    }
    JsonNode output = read(result.payload());
    if (result.failed()) {
      throw new LambdaFunctionException(
          output.path("errorType").asText("Lambda.Unknown"),
          output.path("errorMessage").asText(result.payloadUtf8()));
    }
    return output;
  }

  private static JsonNode read(byte[] bytes) {
    if (bytes.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new LambdaFunctionException(
          "Lambda.Unknown", "The function's response is not JSON: " + e.getMessage());
    }
  }
}
