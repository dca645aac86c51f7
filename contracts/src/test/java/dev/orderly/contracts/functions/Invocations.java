package dev.orderly.contracts.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.orders.domain.Ids;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One invocation of a function of the template on a payload, read as the Lambda Java runtime reads
 * it: an API Gateway v2 event, an SQS or a DynamoDB stream event through
 * aws-lambda-java-serialization, a saga task payload as a JSON map.
 */
public final class Invocations {
  private static final ClassLoader LOADER = Invocations.class.getClassLoader();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The orders functions' id source: the samples' order id first, then random ones. */
  public static final String SAMPLE_ORDER_ID = "0b7d3c1e-2f4a-4d5b-8c6d-7e8f9a0b1c2d";

  private final LocalCloud cloud;
  private final Ids ids;

  public Invocations(LocalCloud cloud) {
    this.cloud = cloud;
    AtomicBoolean first = new AtomicBoolean(true);
    this.ids = () -> first.getAndSet(false) ? SAMPLE_ORDER_ID : UUID.randomUUID().toString();
  }

  /** Runs {@code functionId} on {@code payload} (a sample's text) and answers what it returned. */
  @SuppressWarnings("unchecked")
  public Object invoke(String functionId, String payload) {
    Object handler = Functions.handler(cloud, functionId, ids);
    LocalContext context = LocalContext.builder(functionId).memoryMb(1024).build();
    if (handler instanceof RequestStreamHandler stream) {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      try {
        stream.handleRequest(
            new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), output, context);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return JSON.convertValue(
          parse(output.toString(StandardCharsets.UTF_8)),
          new TypeReference<Map<String, Object>>() {});
    }
    return ((RequestHandler<Object, Object>) handler).handleRequest(read(payload), context);
  }

  /** An HTTP function on an API Gateway v2 event. */
  public APIGatewayV2HTTPResponse http(String functionId, JsonNode event) {
    return (APIGatewayV2HTTPResponse) invoke(functionId, event.toString());
  }

  static Object read(String payload) {
    JsonNode json = parse(payload);
    if (json.has("routeKey")) {
      return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LOADER)
          .fromJson(payload);
    }
    String source = json.at("/Records/0/eventSource").asText();
    if (source.equals("aws:sqs")) {
      return LambdaEventSerializers.serializerFor(SQSEvent.class, LOADER).fromJson(payload);
    }
    if (source.equals("aws:dynamodb")) {
      return LambdaEventSerializers.serializerFor(DynamodbEvent.class, LOADER).fromJson(payload);
    }
    return JSON.convertValue(json, new TypeReference<Map<String, Object>>() {});
  }

  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + text, e);
    }
  }
}
