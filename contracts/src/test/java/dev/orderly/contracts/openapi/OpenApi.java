package dev.orderly.contracts.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code openapi/orderly.yaml}: its operations by route, {@code $ref}s resolved, and its schemas
 * compiled as JSON Schema 2020-12 (OpenAPI 3.1's dialect) with formats asserted.
 */
final class OpenApi {
  static final Path FILE = Repository.path("openapi/orderly.yaml");
  static final JsonNode DOCUMENT = Repository.yaml(FILE);
  private static final String IRI = "https://orderly.dev/openapi/orderly.json";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemas(Map.of(IRI, DOCUMENT.toString()))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private OpenApi() {}

  /** Every operation, by route: {@code "POST /orders"}. */
  static Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new LinkedHashMap<>();
    DOCUMENT
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                METHODS.forEach(
                    method -> {
                      JsonNode operation = path.getValue().get(method);
                      if (operation != null) {
                        operations.put(method.toUpperCase() + " " + path.getKey(), operation);
                      }
                    }));
    return operations;
  }

  /** {@code node}, or what its {@code $ref} points at. */
  static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : resolve(DOCUMENT.at(ref.asText().substring(1)));
  }

  /** The schema at a JSON Pointer of the document ({@code /components/schemas/Order}, ...). */
  static Schema schemaAt(String pointer) {
    return REGISTRY.getSchema(SchemaLocation.of(IRI + "#" + pointer));
  }

  static List<String> violations(Schema schema, JsonNode instance) {
    return schema.validate(instance.toString(), InputFormat.JSON).stream()
        .map(Object::toString)
        .toList();
  }
}
