package dev.orderly.lambda.aws;

import java.net.URI;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Endpoints served inside this JVM, reached without a socket: the local cloud hands one to its
 * in-process functions through their {@link dev.orderly.lambda.config.Environment}. The SDK still
 * marshals, retries and times out every call as it does over the network, and checks what comes
 * back; only the bytes skip the loopback connection. Requests it does not {@link #serves serve} go
 * over HTTP as usual.
 *
 * <p>Clients built for an endpoint served here send their requests unsigned ({@link
 * AwsClients#build}): the engines behind it verify no signature, and SigV4 (a SHA-256 of every
 * payload, a canonical request and four HMACs) was about a tenth of the local demo's CPU.
 */
public interface InJvmEndpoints extends SdkHttpClient {
  /** Whether this request's endpoint is served here. */
  boolean serves(SdkHttpRequest request);

  /** Whether every request to {@code endpoint} is served here. */
  default boolean serves(URI endpoint) {
    return serves(
        SdkHttpRequest.builder()
            .uri(endpoint)
            .method(software.amazon.awssdk.http.SdkHttpMethod.POST)
            .build());
  }
}
