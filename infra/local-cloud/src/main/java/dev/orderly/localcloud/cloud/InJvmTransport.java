package dev.orderly.localcloud.cloud;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.lambda.aws.InJvmEndpoints;
import dev.orderly.localcloud.events.LocalEventBridge;
import dev.orderly.localcloud.http.AwsJsonServer;
import dev.orderly.stepfunctions.StepFunctionsEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The local services reached without a socket by the functions and services in this JVM: the
 * DynamoDB engine from the start, and the AWS JSON-protocol endpoints added as they start (Step
 * Functions, EventBridge). The SDK marshals, retries and times out each call as over the network
 * (unsigned: see {@link InJvmEndpoints}), and each service answers exactly what its HTTP endpoint
 * would; only the loopback connection, its HTTP parsing and its kernel round trips are skipped, and
 * DynamoDB's {@code x-amz-crc32} header, which guards a body on the wire: these bytes never cross
 * one, and the SDK's check of it (skipped without the header) was 2–3% of the demo's CPU. Tools
 * outside the JVM still use the endpoints.
 */
final class InJvmTransport implements InJvmEndpoints {
  /** One endpoint's JSON protocol: {@code X-Amz-Target} and body in, the answer out. */
  @FunctionalInterface
  interface JsonEndpoint {
    /** The answer; empty when it is lost on purpose (fault injection) after taking effect. */
    Optional<Reply> serve(String target, byte[] body);
  }

  /** An answer: status, content type, body and any further headers. */
  record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {}

  private final Map<Integer, JsonEndpoint> endpoints = new ConcurrentHashMap<>();

  InJvmTransport(DynamoDbEngine dynamo) {
    Objects.requireNonNull(dynamo, "dynamo");
    add(
        dynamo.port(),
        (target, body) ->
            dynamo
                .serve(target, body)
                .map(
                    r ->
                        new Reply(
                            r.status(),
                            DynamoDbEngine.Response.CONTENT_TYPE,
                            r.body(),
                            Map.of("x-amzn-RequestId", r.requestId()))));
  }

  /** Serves the loopback endpoint on {@code port} from now on. */
  void add(int port, JsonEndpoint endpoint) {
    endpoints.put(port, Objects.requireNonNull(endpoint, "endpoint"));
  }

  /** Serves Step Functions' endpoint from now on. */
  void add(StepFunctionsEngine stepFunctions) {
    add(
        stepFunctions.port(),
        (target, body) -> {
          StepFunctionsEngine.Response answer = stepFunctions.serve(target, body);
          return Optional.of(
              reply(answer.status(), StepFunctionsEngine.Response.CONTENT_TYPE, answer.body()));
        });
  }

  /** Serves EventBridge's endpoint (started) from now on. */
  void add(LocalEventBridge eventBridge) {
    add(
        eventBridge.endpoint().getPort(),
        (target, body) -> {
          AwsJsonServer.Answer answer = eventBridge.serve(target, body);
          return Optional.of(
              reply(answer.status(), AwsJsonServer.Answer.CONTENT_TYPE, answer.body()));
        });
  }

  /** An answer with a fresh request id, as the endpoints on the JDK's HTTP server send. */
  private static Reply reply(int status, String contentType, byte[] body) {
    return new Reply(
        status, contentType, body, Map.of("x-amzn-RequestId", UUID.randomUUID().toString()));
  }

  @Override
  public boolean serves(SdkHttpRequest request) {
    return endpoints.containsKey(request.port())
        && request.method() == SdkHttpMethod.POST
        && ("127.0.0.1".equals(request.host()) || "localhost".equals(request.host()));
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        return serve(request);
      }

      @Override
      public void abort() {
        // an answer in progress cannot be cut short; the SDK's timer still fails the attempt
      }
    };
  }

  private HttpExecuteResponse serve(HttpExecuteRequest request) throws IOException {
    byte[] body = body(request.contentStreamProvider());
    String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(null);
    JsonEndpoint endpoint = endpoints.get(request.httpRequest().port());
    if (endpoint == null) {
      throw new IOException(
          "Connection refused: nothing served on " + request.httpRequest().port());
    }
    Optional<Reply> answer = endpoint.serve(target, body);
    if (answer.isEmpty()) {
      // fault injection lost this response: the write happened, the caller sees a reset connection
      throw new IOException("Connection reset (the engine lost this response on purpose)");
    }
    Reply reply = answer.get();
    SdkHttpResponse.Builder response =
        SdkHttpResponse.builder()
            .statusCode(reply.status())
            .putHeader("Content-Type", reply.contentType())
            .putHeader("Content-Length", Integer.toString(reply.body().length));
    reply.headers().forEach(response::putHeader);
    return HttpExecuteResponse.builder()
        .response(response.build())
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(reply.body())))
        .build();
  }

  private static byte[] body(Optional<ContentStreamProvider> provider) throws IOException {
    if (provider.isEmpty()) {
      return new byte[0];
    }
    try (InputStream in = provider.get().newStream()) {
      return in.readAllBytes();
    }
  }

  @Override
  public String clientName() {
    return "InJvm";
  }

  @Override
  public void close() {
    // the services belong to the local cloud, which closes them
  }
}
