package dev.orderly.contracts.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code events/} samples: which function of the template each targets (the file name up to the
 * first {@code -}), and HTTP samples as editable requests for the variations tests send.
 */
public final class Samples {
  private Samples() {}

  public static List<Path> all() {
    return Repository.files(Repository.path("events"), ".json");
  }

  public static String functionId(Path sample) {
    String name = sample.getFileName().toString().replace(".json", "");
    int dash = name.indexOf('-');
    return dash < 0 ? name : name.substring(0, dash);
  }

  public static Path named(String fileName) {
    return Repository.path("events/" + fileName);
  }

  public static String text(String fileName) {
    return Repository.text(named(fileName));
  }

  /** An HTTP sample, copied so that a test can change it. */
  public static ObjectNode request(String fileName) {
    return (ObjectNode) Repository.json(named(fileName)).deepCopy();
  }

  /** Points the request at another path parameter value (and the raw path with it). */
  public static ObjectNode withPathParameter(ObjectNode request, String name, String value) {
    ObjectNode parameters = (ObjectNode) request.get("pathParameters");
    String old = parameters.get(name).asText();
    parameters.put(name, value);
    request.put("rawPath", request.get("rawPath").asText().replace(old, value));
    return request;
  }

  public static ObjectNode withBody(ObjectNode request, String body) {
    request.put("body", body);
    ((ObjectNode) request.get("headers"))
        .put(
            "content-length",
            String.valueOf(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    return request;
  }

  public static ObjectNode withHeader(ObjectNode request, String name, String value) {
    ((ObjectNode) request.get("headers")).put(name, value);
    return request;
  }

  public static ObjectNode withoutHeader(ObjectNode request, String name) {
    ((ObjectNode) request.get("headers")).remove(name);
    return request;
  }

  public static ObjectNode withQuery(ObjectNode request, String name, String value) {
    ObjectNode query = request.withObject("/queryStringParameters");
    query.put(name, value);
    StringBuilder raw = new StringBuilder();
    query
        .fields()
        .forEachRemaining(
            q ->
                raw.append(raw.length() == 0 ? "" : "&")
                    .append(q.getKey())
                    .append('=')
                    .append(q.getValue().asText()));
    request.put("rawQueryString", raw.toString());
    return request;
  }

  static JsonNode json(String fileName) {
    return Repository.json(named(fileName));
  }
}
