package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Objects;

/**
 * A {@link PathResolver} over Jayway JsonPath working on Jackson trees directly, so values keep
 * their JSON types. Exceptions are not suppressed: a path that selects nothing must fail the call.
 */
public final class JsonPathResolver implements PathResolver {
  private static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .build();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonNode input;
  private final JsonNode context;

  /**
   * @param input the state's effective input, the root of {@code $} paths
   * @param context the context object, the root of {@code $$} paths
   */
  public JsonPathResolver(JsonNode input, JsonNode context) {
    this.input = Objects.requireNonNull(input, "input");
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public JsonNode resolve(String path) {
    JsonNode root = input;
    String query = path;
    if (path.startsWith("$$")) {
      root = context;
      query = path.substring(1);
    }
    try {
      // The provider unwraps scalar nodes to Java values; turn them back into JSON.
      Object result = JsonPath.using(CONFIGURATION).parse(root).read(query);
      if (result == null) {
        return NullNode.getInstance();
      }
      return result instanceof JsonNode ? (JsonNode) result : MAPPER.valueToTree(result);
    } catch (PathNotFoundException e) {
      throw IntrinsicFailureException.pathNotFound(path);
    } catch (InvalidPathException e) {
      throw new IntrinsicFailureException(
          IntrinsicFailureException.INTRINSIC_FAILURE,
          "Invalid JsonPath '" + path + "': " + e.getMessage(),
          e);
    }
  }
}
