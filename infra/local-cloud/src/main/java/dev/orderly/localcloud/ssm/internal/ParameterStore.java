package dev.orderly.localcloud.ssm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.localcloud.template.SsmParameters;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The parameters of one file, read again whenever its content changes (checked on every request, so
 * an edit is seen by the next call), plus those written with PutParameter, which win. A value that
 * changes gets the next version and a new LastModifiedDate; a file that no longer parses is logged
 * and the last good content kept.
 *
 * <p>A {@code .json} file is an object of name to value: a string (String), an array of strings
 * (StringList) or {@code {"type": "SecureString", "value": "..."}}. Any other file is Java
 * properties of String parameters.
 */
public final class ParameterStore {
  private static final Logger LOG = Logger.getLogger(ParameterStore.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TYPES = List.of("String", "StringList", "SecureString");

  private final Path file;
  private final Clock clock;
  private final Map<String, Parameter> fromFile = new TreeMap<>();
  private final Map<String, Parameter> written = new TreeMap<>();
  private byte[] lastContent;

  public ParameterStore(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    byte[] content = read();
    apply(parse(content), content);
  }

  /** The current parameters by name, sorted. */
  public synchronized Map<String, Parameter> current() {
    byte[] content = read();
    if (!Arrays.equals(content, lastContent)) {
      try {
        apply(parse(content), content);
      } catch (IllegalArgumentException e) {
        LOG.log(Level.WARNING, "keeping the last good parameters: " + e.getMessage());
        lastContent = content;
      }
    }
    Map<String, Parameter> all = new TreeMap<>(fromFile);
    all.putAll(written);
    return all;
  }

  /** The parameter's current version (a StringList's value comma-separated), if there is one. */
  public Optional<SsmParameters.Parameter> parameter(String name) {
    return Optional.ofNullable(current().get(name))
        .map(p -> new SsmParameters.Parameter(p.type(), p.value(), p.version()));
  }

  /** PutParameter: the new version. */
  public synchronized long put(String name, String type, String value, boolean overwrite) {
    Parameter existing = current().get(name);
    if (existing != null && !overwrite) {
      throw new SsmException(
          "ParameterAlreadyExists",
          "The parameter already exists. To overwrite this request"
              + " value, set the overwrite option in the request to true.",
          400);
    }
    String resolvedType = type != null ? type : existing != null ? existing.type() : null;
    if (resolvedType == null || !TYPES.contains(resolvedType)) {
      throw SsmException.validation("Type must be one of " + TYPES + ": " + type);
    }
    Parameter next =
        existing == null
            ? new Parameter(name, resolvedType, value, 1, clock.instant())
            : existing.next(resolvedType, value, clock.instant());
    written.put(name, next);
    return next.version();
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read parameters from " + file, e);
    }
  }

  private void apply(Map<String, String[]> parsed, byte[] content) {
    lastContent = content;
    fromFile.keySet().retainAll(parsed.keySet());
    parsed.forEach(
        (name, typeAndValue) -> {
          Parameter old = fromFile.get(name);
          if (old == null) {
            fromFile.put(
                name, new Parameter(name, typeAndValue[0], typeAndValue[1], 1, clock.instant()));
          } else if (!old.type().equals(typeAndValue[0]) || !old.value().equals(typeAndValue[1])) {
            fromFile.put(name, old.next(typeAndValue[0], typeAndValue[1], clock.instant()));
          }
        });
  }

  private Map<String, String[]> parse(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    Map<String, String[]> out = new LinkedHashMap<>();
    if (file.getFileName().toString().endsWith(".json")) {
      JsonNode root;
      try {
        root = JSON.readTree(text);
      } catch (IOException e) {
        throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage(), e);
      }
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException(file + " must hold a JSON object");
      }
      root.fields().forEachRemaining(e -> out.put(e.getKey(), entry(e.getKey(), e.getValue())));
    } else {
      Properties properties = new Properties();
      try {
        properties.load(new StringReader(text));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + " is not a properties file: " + e.getMessage(), e);
      }
      properties
          .stringPropertyNames()
          .forEach(name -> out.put(name, new String[] {"String", properties.getProperty(name)}));
    }
    return out;
  }

  private static String[] entry(String name, JsonNode value) {
    if (value.isTextual()) {
      return new String[] {"String", value.asText()};
    }
    if (value.isArray()) {
      StringBuilder joined = new StringBuilder();
      value.forEach(v -> joined.append(joined.length() == 0 ? "" : ",").append(v.asText()));
      return new String[] {"StringList", joined.toString()};
    }
    if (value.isObject() && value.path("value").isTextual()) {
      String type = value.path("type").asText("String");
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException("Unsupported type of " + name + ": " + type);
      }
      return new String[] {type, value.get("value").asText()};
    }
    throw new IllegalArgumentException(
        "Unsupported value of " + name + ": a string, an array of strings or {type, value}");
  }
}
