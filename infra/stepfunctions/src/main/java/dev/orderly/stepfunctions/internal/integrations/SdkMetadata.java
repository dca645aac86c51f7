package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * The {@code SdkHttpMetadata} and {@code SdkResponseMetadata} fields Step Functions adds to the
 * result of its older optimised integrations (Lambda, DynamoDB, SQS), as in the sample result in
 * "Invoke Lambda with Step Functions"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html): the HTTP status, the
 * response headers (first value each, and all values under {@code AllHttpHeaders}) and the request
 * id.
 */
final class SdkMetadata {
  private SdkMetadata() {}

  /** Adds the metadata of a real SDK response. */
  static ObjectNode addTo(ObjectNode result, AwsResponse response) {
    return addTo(
        result,
        response.sdkHttpResponse().statusCode(),
        response.sdkHttpResponse().headers(),
        response.responseMetadata().requestId());
  }

  static ObjectNode addTo(
      ObjectNode result, int status, Map<String, List<String>> headers, String requestId) {
    ObjectNode http = result.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    ObjectNode first = http.putObject("HttpHeaders");
    headers.forEach(
        (name, values) -> {
          ArrayNode list = all.putArray(name);
          values.forEach(list::add);
          if (!values.isEmpty()) {
            first.put(name, values.get(0));
          }
        });
    http.put("HttpStatusCode", status);
    result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    return result;
  }
}
