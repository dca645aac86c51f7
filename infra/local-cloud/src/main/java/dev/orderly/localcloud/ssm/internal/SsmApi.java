package dev.orderly.localcloud.ssm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The SSM parameter actions on a {@link ParameterStore}: GetParameter, GetParameters,
 * GetParametersByPath and PutParameter, answered as SSM's JSON 1.1 protocol does.
 */
public final class SsmApi {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PREFIX = "AmazonSSM.";

  private final ParameterStore store;
  private final String arnPrefix;

  public SsmApi(ParameterStore store, String region, String accountId) {
    this.store = store;
    this.arnPrefix = "arn:aws:ssm:" + region + ":" + accountId + ":parameter";
  }

  public ObjectNode dispatch(String target, ObjectNode body) {
    String action =
        target != null && target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : "";
    switch (action) {
      case "GetParameter":
        return getParameter(body);
      case "GetParameters":
        return getParameters(body);
      case "GetParametersByPath":
        return getParametersByPath(body);
      case "PutParameter":
        return putParameter(body);
      default:
        throw new SsmException(
            "UnknownOperationException", "Unsupported operation: " + target, 400);
    }
  }

  private ObjectNode getParameter(ObjectNode body) {
    String name = required(body, "Name");
    Parameter parameter = store.current().get(name);
    if (parameter == null) {
      throw SsmException.notFound(name);
    }
    ObjectNode out = NODES.objectNode();
    out.set("Parameter", write(parameter, body.path("WithDecryption").asBoolean(false)));
    return out;
  }

  private ObjectNode getParameters(ObjectNode body) {
    JsonNode names = body.get("Names");
    if (names == null || !names.isArray() || names.isEmpty() || names.size() > 10) {
      throw SsmException.validation("Names must hold 1 to 10 parameter names");
    }
    boolean decrypt = body.path("WithDecryption").asBoolean(false);
    Map<String, Parameter> current = store.current();
    ObjectNode out = NODES.objectNode();
    ArrayNode found = out.putArray("Parameters");
    ArrayNode invalid = out.putArray("InvalidParameters");
    for (JsonNode name : names) {
      Parameter parameter = current.get(name.asText());
      if (parameter == null) {
        invalid.add(name.asText());
      } else {
        found.add(write(parameter, decrypt));
      }
    }
    return out;
  }

  private ObjectNode getParametersByPath(ObjectNode body) {
    String path = required(body, "Path");
    if (!path.startsWith("/")) {
      throw SsmException.validation("The parameter path must begin with /: " + path);
    }
    if (body.has("ParameterFilters")) {
      throw SsmException.validation("ParameterFilters are not supported by the local SSM");
    }
    String prefix = path.endsWith("/") ? path : path + "/";
    boolean recursive = body.path("Recursive").asBoolean(false);
    boolean decrypt = body.path("WithDecryption").asBoolean(false);
    int max = body.path("MaxResults").asInt(10);
    if (max < 1 || max > 10) {
      throw SsmException.validation("MaxResults must be 1..10: " + max);
    }
    String after =
        body.hasNonNull("NextToken") ? decodeToken(body.get("NextToken").asText()) : null;
    List<Parameter> matching = new ArrayList<>();
    for (Parameter parameter : store.current().values()) {
      String name = parameter.name();
      if (name.startsWith(prefix)
          && (recursive || name.indexOf('/', prefix.length()) < 0)
          && (after == null || name.compareTo(after) > 0)) {
        matching.add(parameter);
      }
    }
    ObjectNode out = NODES.objectNode();
    ArrayNode page = out.putArray("Parameters");
    matching.stream().limit(max).forEach(p -> page.add(write(p, decrypt)));
    if (matching.size() > max) {
      out.put("NextToken", encodeToken(matching.get(max - 1).name()));
    }
    return out;
  }

  private ObjectNode putParameter(ObjectNode body) {
    String name = required(body, "Name");
    String value = required(body, "Value");
    String type = body.hasNonNull("Type") ? body.get("Type").asText() : null;
    long version = store.put(name, type, value, body.path("Overwrite").asBoolean(false));
    ObjectNode out = NODES.objectNode();
    out.put("Version", version);
    out.put("Tier", "Standard");
    return out;
  }

  private ObjectNode write(Parameter parameter, boolean decrypt) {
    ObjectNode node = NODES.objectNode();
    node.put("Name", parameter.name());
    node.put("Type", parameter.type());
    boolean encrypted = parameter.type().equals("SecureString") && !decrypt;
    node.put("Value", encrypted ? ciphertext(parameter.value()) : parameter.value());
    node.put("Version", parameter.version());
    node.put("LastModifiedDate", parameter.lastModified().toEpochMilli() / 1000.0);
    String name = parameter.name();
    node.put("ARN", arnPrefix + (name.startsWith("/") ? name : "/" + name));
    node.put("DataType", "text");
    return node;
  }

  /** What SSM returns for a SecureString read without decryption: an opaque blob, not the value. */
  private static String ciphertext(String value) {
    return Base64.getEncoder()
        .encodeToString(("local-kms:" + value).getBytes(StandardCharsets.UTF_8));
  }

  private static String encodeToken(String name) {
    return Base64.getUrlEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SsmException("InvalidNextToken", "The specified token is not valid.", 400);
    }
  }

  private static String required(JsonNode body, String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull() || node.asText().isEmpty()) {
      throw SsmException.validation("1 validation error detected: " + member + " is required");
    }
    return node.asText();
  }
}
