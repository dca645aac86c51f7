package dev.orderly.localcloud.cloud;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.lambda.aws.InJvmEndpoints;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The DynamoDB engine reached without a socket by the functions and services in this JVM: the SDK
 * marshals, checks the CRC32, retries and times out each call as over the network (unsigned: see
 * {@link InJvmEndpoints}), and the engine answers exactly what its HTTP endpoint would; only the
 * loopback connection, its HTTP parsing and its kernel round trips are skipped. Tools outside the
 * JVM still use the endpoint.
 */
final class InJvmTransport implements InJvmEndpoints {
  private final DynamoDbEngine dynamo;
  private final int dynamoPort;

  InJvmTransport(DynamoDbEngine dynamo) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.dynamoPort = dynamo.port();
  }

  @Override
  public boolean serves(SdkHttpRequest request) {
    return request.port() == dynamoPort
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
    Optional<DynamoDbEngine.Response> answer = dynamo.serve(target, body);
    if (answer.isEmpty()) {
      // fault injection lost this response: the write happened, the caller sees a reset connection
      throw new IOException("Connection reset (the engine lost this response on purpose)");
    }
    DynamoDbEngine.Response response = answer.get();
    return HttpExecuteResponse.builder()
        .response(
            SdkHttpResponse.builder()
                .statusCode(response.status())
                .putHeader("Content-Type", DynamoDbEngine.Response.CONTENT_TYPE)
                .putHeader("Content-Length", Integer.toString(response.body().length))
                .putHeader("x-amz-crc32", response.crc32())
                .putHeader("x-amzn-RequestId", response.requestId())
                .build())
        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
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
    // the engine belongs to the local cloud, which closes it
  }
}
