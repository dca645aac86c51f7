package dev.orderly.notifications.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.notifications.domain.EmailMessage;
import java.io.IOException;
import java.util.Optional;

/**
 * The JSON of SES API v2 SendEmail, as its API reference describes it
 * (https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html): the request with
 * simple content, the {@code MessageId} of a 200 answer and the fields of an error answer ({@code
 * message}, and the error code, which SES sends in the {@code x-amzn-ErrorType} header).
 */
final class SendEmailJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UTF_8 = "UTF-8";

  private SendEmailJson() {}

  /** The body of {@code POST /v2/email/outbound-emails} for a plain-text mail. */
  static byte[] request(String fromAddress, EmailMessage message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("FromEmailAddress", fromAddress);
    root.putObject("Destination").putArray("ToAddresses").add(message.to());
    ObjectNode simple = root.putObject("Content").putObject("Simple");
    simple.putObject("Subject").put("Data", message.subject()).put("Charset", UTF_8);
    simple.putObject("Body").putObject("Text").put("Data", message.body()).put("Charset", UTF_8);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  /** The message id of a 200 answer; an answer without one is SES failing. */
  static String messageId(int status, byte[] body) {
    String id = read(body).path("MessageId").asText("");
    if (id.isEmpty()) {
      throw new SesUnavailableException(status, "MissingMessageId", null);
    }
    return id;
  }

  /**
   * The error code: the {@code x-amzn-ErrorType} header up to its first colon, else the body's
   * {@code __type} or {@code code} after any {@code #}, else {@code Unknown}.
   */
  static String errorType(String header, byte[] body) {
    String type;
    if (header.isBlank()) {
      JsonNode error = read(body);
      String named = error.path("__type").asText(error.path("code").asText(""));
      type = named.substring(named.indexOf('#') + 1);
    } else {
      type = header.split(":", 2)[0];
    }
    return type.isBlank() ? "Unknown" : type.strip();
  }

  /** SES's explanation ({@code message} or {@code Message}), if the body has one. */
  static Optional<String> errorMessage(byte[] body) {
    JsonNode error = read(body);
    String message = error.path("message").asText(error.path("Message").asText(""));
    return message.isEmpty() ? Optional.empty() : Optional.of(message);
  }

  private static JsonNode read(byte[] body) {
    if (body.length == 0) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.missingNode();
    }
  }
}
