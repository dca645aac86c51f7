package dev.orderly.lambda.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON request body by hand, collecting every problem as a {@link FieldViolation} named by
 * its path ({@code lines[1].quantity}) rather than stopping at the first; {@link #throwIfInvalid()}
 * then refuses the request with all of them. Unknown fields are violations too: the contract is the
 * OpenAPI document, not whatever a client sends.
 */
public final class JsonFields {
  private final JsonNode body;
  private final String prefix;
  private final List<FieldViolation> violations;

  private JsonFields(JsonNode body, String prefix, List<FieldViolation> violations) {
    this.body = body;
    this.prefix = prefix;
    this.violations = violations;
  }

  public static JsonFields of(ObjectNode body) {
    return new JsonFields(body, "", new ArrayList<>());
  }

  private String path(String name) {
    return prefix + name;
  }

  public void violation(String name, String message) {
    violations.add(new FieldViolation(path(name), message));
  }

  /** Every field not in {@code allowed} is a violation. */
  public JsonFields allowOnly(Set<String> allowed) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        violation(name, "is not a known field");
      }
    }
    return this;
  }

  public Optional<String> optionalText(String name, int maxLength) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      violation(name, "must be a string");
      return Optional.empty();
    }
    String text = value.textValue().strip();
    if (text.isEmpty()) {
      violation(name, "must not be blank");
      return Optional.empty();
    }
    // Characters as JSON Schema's maxLength counts them: code points, not UTF-16 units.
    if (text.codePointCount(0, text.length()) > maxLength) {
      violation(name, "must be at most " + maxLength + " characters");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** A required string; null when it is missing or invalid (the violation is recorded). */
  public String requiredText(String name, int maxLength) {
    if (!body.hasNonNull(name)) {
      violation(name, "is required");
      return null;
    }
    return optionalText(name, maxLength).orElse(null);
  }

  /** A required integer within [min, max]; {@code min - 1} when missing or invalid. */
  public long requiredLong(String name, long min, long max) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      violation(name, "is required");
      return min - 1;
    }
    if (!value.isIntegralNumber()) {
      violation(name, "must be an integer");
      return min - 1;
    }
    // An integer beyond the long range is an integer out of range, not a non-integer.
    long number = value.longValue();
    if (!value.canConvertToLong() || number < min || number > max) {
      violation(name, "must be between " + min + " and " + max);
      return min - 1;
    }
    return number;
  }

  /**
   * A required array of objects with {@code min}..{@code max} elements, each read by its own {@code
   * JsonFields} (violations named {@code name[i].field}); empty when invalid.
   */
  public List<JsonFields> objects(String name, int min, int max) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      violation(name, "is required");
      return List.of();
    }
    if (!value.isArray()) {
      violation(name, "must be an array");
      return List.of();
    }
    if (value.size() < min || value.size() > max) {
      violation(name, "must have between " + min + " and " + max + " items");
      return List.of();
    }
    List<JsonFields> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isObject()) {
        violations.add(new FieldViolation(path(name) + "[" + i + "]", "must be an object"));
        continue;
      }
      items.add(new JsonFields(item, path(name) + "[" + i + "].", violations));
    }
    return items;
  }

  public boolean valid() {
    return violations.isEmpty();
  }

  public void throwIfInvalid() {
    if (!violations.isEmpty()) {
      throw ApiException.invalid(violations);
    }
  }
}
