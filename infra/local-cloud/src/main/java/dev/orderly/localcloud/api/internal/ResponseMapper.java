package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a function's response into the HTTP response, as API Gateway interprets payload format 2.0
 * responses ("Lambda function response for format 2.0" in
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
 *
 * <ul>
 *   <li>an object with {@code statusCode}: its {@code statusCode}, {@code headers}, {@code cookies}
 *       (one {@code set-cookie} each), {@code body} and {@code isBase64Encoded}; a {@code
 *       multiValueHeaders} object (a format 1.0 field) is honoured too;
 *   <li>any other valid JSON: the guide's inference — status 200, {@code content-type:
 *       application/json}, not base64, and the response as the body (a JSON string's value, as in
 *       the guide's {@code 'Hello from Lambda!'} example; anything else as the JSON text).
 * </ul>
 *
 * A response that is not JSON, or an object with {@code statusCode} whose fields have the wrong
 * types, is malformed: {@link MalformedResponseException}.
 */
public final class ResponseMapper {
  private final ObjectMapper json;

  public ResponseMapper(ObjectMapper json) {
    this.json = json;
  }

  public GatewayResponse map(byte[] payload) {
    JsonNode response;
    try {
      response = json.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new MalformedResponseException("the response is not valid JSON");
    } catch (IOException e) {
      throw new MalformedResponseException("the response could not be read");
    }
    if (response == null || response.isMissingNode()) {
      throw new MalformedResponseException("the response is empty");
    }
    if (response.isObject() && response.has("statusCode")) {
      return structured(response);
    }
    byte[] body =
        response.isTextual() ? response.textValue().getBytes(StandardCharsets.UTF_8) : payload;
    return new GatewayResponse.Builder(200).add("content-type", "application/json").body(body);
  }

  private static GatewayResponse structured(JsonNode response) {
    JsonNode status = response.get("statusCode");
    if (!status.isNumber()
        || !status.canConvertToExactIntegral()
        || status.asInt() < 100
        || status.asInt() > 599) {
      throw new MalformedResponseException("statusCode is not an HTTP status: " + status);
    }
    GatewayResponse.Builder builder = new GatewayResponse.Builder(status.asInt());
    JsonNode headers = field(response, "headers");
    if (headers != null) {
      requireObject(headers, "headers");
      for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> header = it.next();
        builder.add(header.getKey().toLowerCase(Locale.ROOT), scalar(header.getValue(), "headers"));
      }
    }
    JsonNode multiValueHeaders = field(response, "multiValueHeaders");
    if (multiValueHeaders != null) {
      requireObject(multiValueHeaders, "multiValueHeaders");
      for (Iterator<Map.Entry<String, JsonNode>> it = multiValueHeaders.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> header = it.next();
        requireArray(header.getValue(), "multiValueHeaders");
        for (JsonNode value : header.getValue()) {
          builder.add(header.getKey().toLowerCase(Locale.ROOT), scalar(value, "multiValueHeaders"));
        }
      }
    }
    JsonNode cookies = field(response, "cookies");
    if (cookies != null) {
      requireArray(cookies, "cookies");
      for (JsonNode cookie : cookies) {
        builder.add("set-cookie", scalar(cookie, "cookies"));
      }
    }
    return builder.body(body(response));
  }

  private static byte[] body(JsonNode response) {
    JsonNode body = field(response, "body");
    if (body == null) {
      return new byte[0];
    }
    if (!body.isTextual()) {
      throw new MalformedResponseException("body is not a string");
    }
    JsonNode base64 = field(response, "isBase64Encoded");
    if (base64 != null && !base64.isBoolean()) {
      throw new MalformedResponseException("isBase64Encoded is not a boolean");
    }
    if (base64 != null && base64.booleanValue()) {
      try {
        return Base64.getDecoder().decode(body.textValue());
      } catch (IllegalArgumentException e) {
        throw new MalformedResponseException("body is not valid base64");
      }
    }
    return body.textValue().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode field(JsonNode response, String name) {
    JsonNode value = response.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private static String scalar(JsonNode value, String field) {
    if (!value.isValueNode() || value.isNull()) {
      throw new MalformedResponseException(field + " holds a value that is not a string");
    }
    return value.asText();
  }

  private static void requireObject(JsonNode value, String field) {
    if (!value.isObject()) {
      throw new MalformedResponseException(field + " is not an object");
    }
  }

  private static void requireArray(JsonNode value, String field) {
    if (!value.isArray()) {
      throw new MalformedResponseException(field + " is not an array");
    }
  }
}
