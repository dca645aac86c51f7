package dev.orderly.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code events/schemas/<DetailType>.schema.json}, compiled with networknt's validator (JSON Schema
 * 2020-12, formats asserted). Documents cross over as JSON text, since the validator runs on
 * Jackson 3 and the rest of the tests on Jackson 2.
 */
final class EventSchemas {
  static final Path DIRECTORY = Repository.path("events/schemas");
  static final String SUFFIX = ".schema.json";

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static final Map<String, Schema> BY_TYPE = load();

  private EventSchemas() {}

  private static Map<String, Schema> load() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (Path file : files()) {
      schemas.put(detailType(file), REGISTRY.getSchema(Repository.text(file), InputFormat.JSON));
    }
    return schemas;
  }

  static List<Path> files() {
    return Repository.files(DIRECTORY, SUFFIX);
  }

  static String detailType(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - SUFFIX.length());
  }

  static List<String> detailTypes() {
    return List.copyOf(BY_TYPE.keySet());
  }

  /** The validator's complaints about {@code detail} as a {@code detailType}; empty when valid. */
  static List<String> violations(String detailType, JsonNode detail) {
    Schema schema = BY_TYPE.get(detailType);
    if (schema == null) {
      throw new IllegalArgumentException("no schema for " + detailType);
    }
    return schema.validate(detail.toString(), InputFormat.JSON).stream()
        .map(Error::toString)
        .toList();
  }
}
