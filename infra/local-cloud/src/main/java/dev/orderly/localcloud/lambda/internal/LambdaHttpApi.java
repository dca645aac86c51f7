package dev.orderly.localcloud.lambda.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.orderly.localcloud.lambda.FunctionSpec;
import dev.orderly.localcloud.lambda.LocalLambda;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lambda's REST API, the part the local cloud needs: Invoke ({@code POST
 * /2015-03-31/functions/{FunctionName}/invocations}, RequestResponse, Event and DryRun),
 * ListFunctions ({@code GET /2015-03-31/functions/}, one page), GetFunction and
 * GetFunctionConfiguration. Errors as Lambda writes them: {@code x-amzn-ErrorType} and a JSON body
 * with {@code Type} and {@code message}.
 */
public final class LambdaHttpApi {
  private static final Logger LOG = Logger.getLogger(LambdaHttpApi.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "/2015-03-31/functions";
  private static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
  private static final int MAX_EVENT_PAYLOAD = 256 * 1024;

  private final LocalLambda lambda;

  public LambdaHttpApi(LocalLambda lambda) {
    this.lambda = lambda;
  }

  /** Answers one request and closes the exchange. */
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (ApiError e) {
      sendError(exchange, e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "unexpected failure", e);
      sendError(exchange, new ApiError(500, "ServiceException", "Internal server error"));
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    if (!path.startsWith(PREFIX)) {
      throw unknownOperation(method, path);
    }
    String rest = path.substring(PREFIX.length());
    if (rest.isEmpty() || rest.equals("/")) {
      if (method.equals("GET")) {
        listFunctions(exchange);
        return;
      }
      throw unknownOperation(method, path);
    }
    String[] parts = rest.substring(1).split("/", -1);
    String name = URLDecoder.decode(parts[0].replace("+", "%2B"), StandardCharsets.UTF_8);
    List<String> tail = List.of(parts).subList(1, parts.length);
    if (method.equals("POST") && tail.equals(List.of("invocations"))) {
      new Invocation(lambda, exchange, name).run();
    } else if (method.equals("GET") && tail.isEmpty()) {
      FunctionSpec spec = find(name);
      send(exchange, 200, FunctionConfigurations.function(spec, arn(spec), lambda.accountId()));
    } else if (method.equals("GET") && tail.equals(List.of("configuration"))) {
      FunctionSpec spec = find(name);
      send(
          exchange, 200, FunctionConfigurations.configuration(spec, arn(spec), lambda.accountId()));
    } else {
      throw unknownOperation(method, path);
    }
  }

  private void listFunctions(HttpExchange exchange) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("Functions");
    for (FunctionSpec spec : lambda.functions()) {
      list.add(FunctionConfigurations.configuration(spec, arn(spec), lambda.accountId()));
    }
    send(exchange, 200, body);
  }

  private FunctionSpec find(String name) {
    FunctionRef ref = validName(name);
    return lambda
        .function(name)
        .orElseThrow(
            () ->
                new ApiError(
                    404,
                    "ResourceNotFoundException",
                    "Function not found: " + ref.arn(lambda.region(), lambda.accountId())));
  }

  private String arn(FunctionSpec spec) {
    return lambda.functionArn(spec.name());
  }

  static FunctionRef validName(String name) {
    return FunctionRef.parse(name)
        .orElseThrow(
            () ->
                new ApiError(
                    400,
                    "ValidationException",
                    "1 validation error detected: Value '"
                        + name
                        + "' at 'functionName' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?"
                        + "([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
                        + "([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?"));
  }

  private static ApiError unknownOperation(String method, String path) {
    return new ApiError(404, "UnknownOperationException", "No operation " + method + " " + path);
  }

  /** One Invoke request. */
  private static final class Invocation {
    private final LocalLambda lambda;
    private final HttpExchange exchange;
    private final String name;

    Invocation(LocalLambda lambda, HttpExchange exchange, String name) {
      this.lambda = lambda;
      this.exchange = exchange;
      this.name = name;
    }

    void run() throws IOException {
      String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
      type = type == null ? "RequestResponse" : type;
      if (!List.of("RequestResponse", "Event", "DryRun").contains(type)) {
        throw new ApiError(
            400,
            "ValidationException",
            "1 validation error detected: Value '"
                + type
                + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum"
                + " value set: [Event, RequestResponse, DryRun]");
      }
      String qualified = qualified();
      FunctionRef ref = validName(qualified);
      FunctionSpec spec =
          lambda
              .function(qualified)
              .orElseThrow(
                  () ->
                      new ApiError(
                          404,
                          "ResourceNotFoundException",
                          "Function not found: " + ref.arn(lambda.region(), lambda.accountId())));
      byte[] payload = payload(type.equals("Event") ? MAX_EVENT_PAYLOAD : MAX_SYNC_PAYLOAD);
      if (type.equals("DryRun")) {
        sendEmpty(exchange, 204);
      } else if (type.equals("Event")) {
        lambda
            .invokeAsync(qualified, payload)
            .whenComplete(
                (result, failure) -> {
                  if (failure != null) {
                    LOG.log(
                        Level.WARNING, "Event invocation of " + spec.name() + " failed", failure);
                  }
                });
        sendEmpty(exchange, 202);
      } else {
        InvokeResult result;
        try {
          result = lambda.invoke(qualified, payload);
        } catch (TooManyRequestsException e) {
          throw new ApiError(
              429,
              "TooManyRequestsException",
              "Rate Exceeded.",
              spec.reservedConcurrency() != null
                  ? "ReservedFunctionConcurrentInvocationLimitExceeded"
                  : "ConcurrentInvocationLimitExceeded");
        }
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        if (result.failed()) {
          exchange.getResponseHeaders().set("X-Amz-Function-Error", result.functionError());
        }
        send(exchange, 200, "application/json", result.payload());
      }
    }

    /** FunctionName with the Qualifier parameter applied, as Invoke combines them. */
    private String qualified() {
      String query = exchange.getRequestURI().getRawQuery();
      if (query == null) {
        return name;
      }
      for (String pair : query.split("&")) {
        if (pair.startsWith("Qualifier=")) {
          String qualifier =
              URLDecoder.decode(pair.substring("Qualifier=".length()), StandardCharsets.UTF_8);
          FunctionRef ref = validName(name);
          if (ref.qualifier() == null) {
            return name + ":" + qualifier;
          }
          if (!ref.qualifier().equals(qualifier)) {
            throw new ApiError(
                400,
                "InvalidParameterValueException",
                "The derived qualifier from the function name does not match the specified"
                    + " qualifier.");
          }
        }
      }
      return name;
    }

    private byte[] payload(int max) throws IOException {
      byte[] bytes = exchange.getRequestBody().readNBytes(max + 1);
      if (bytes.length > max) {
        throw new ApiError(
            413,
            "RequestTooLargeException",
            "Request must be smaller than " + max + " bytes for the InvokeFunction operation");
      }
      if (bytes.length == 0) {
        return "{}".getBytes(StandardCharsets.UTF_8);
      }
      try {
        JSON.readTree(bytes);
      } catch (JsonProcessingException e) {
        throw new ApiError(
            400,
            "InvalidRequestContentException",
            "Could not parse request body into json: " + e.getOriginalMessage());
      }
      return bytes;
    }
  }

  private static void sendError(HttpExchange exchange, ApiError error) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    if (error.reason() != null) {
      body.put("Reason", error.reason());
    }
    body.put("Type", error.status() >= 500 ? "Service" : "User");
    body.put("message", error.getMessage());
    exchange.getResponseHeaders().set("x-amzn-ErrorType", error.code());
    send(exchange, error.status(), body);
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void sendEmpty(HttpExchange exchange, int status) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, -1);
  }
}
