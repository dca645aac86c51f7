package dev.orderly.lambda.log;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A PrintStream to log into, read back as its lines, each parsed as one JSON object. */
public final class CapturedOutput {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, UTF_8);

  public PrintStream stream() {
    return stream;
  }

  public String text() {
    return bytes.toString(UTF_8);
  }

  public List<String> lines() {
    return text().lines().toList();
  }

  /** Every line as JSON; fails if a line is not exactly one JSON object. */
  public List<JsonNode> json() {
    List<JsonNode> documents = new ArrayList<>();
    for (String line : lines()) {
      JsonNode node = parse(line);
      if (!node.isObject()) {
        throw new AssertionError("not a JSON object: " + line);
      }
      documents.add(node);
    }
    return documents;
  }

  /** The one line written, as JSON. */
  public JsonNode only() {
    List<JsonNode> documents = json();
    if (documents.size() != 1) {
      throw new AssertionError("expected one line, got " + lines());
    }
    return documents.get(0);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
