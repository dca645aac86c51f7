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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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

  /** Plain property chains ({@code $.a.b}) are walked directly: most paths are, and it is fast. */
  private static final Pattern SIMPLE = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private static final String[] NOT_SIMPLE = new String[0];
  private static final int MAX_CACHED = 10_000;
  private static final Map<String, String[]> PARSED = new ConcurrentHashMap<>();

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
    String[] properties = simple(query);
    if (properties != NOT_SIMPLE) {
      return walk(root, properties, path);
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

  private static String[] simple(String query) {
    String[] parsed = PARSED.get(query);
    if (parsed == null) {
      parsed =
          SIMPLE.matcher(query).matches()
              ? (query.length() == 1 ? new String[0] : query.substring(2).split("\\."))
              : NOT_SIMPLE;
      if (PARSED.size() < MAX_CACHED) {
        PARSED.put(query, parsed);
      }
    }
    return parsed;
  }

  /** As Jayway answers: a missing property, or a property of a non-object, is not found. */
  private static JsonNode walk(JsonNode root, String[] properties, String path) {
    JsonNode node = root;
    for (String property : properties) {
      JsonNode child = node.isObject() ? node.get(property) : null;
      if (child == null) {
        throw IntrinsicFailureException.pathNotFound(path);
      }
      node = child;
    }
    return node;
  }
}
