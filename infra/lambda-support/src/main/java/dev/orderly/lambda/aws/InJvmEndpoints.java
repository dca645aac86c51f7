package dev.orderly.lambda.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Endpoints served inside this JVM, reached without a socket: the local cloud hands one to its
 * in-process functions through their {@link dev.orderly.lambda.config.Environment}. The SDK still
 * marshals, signs, retries and times out every call as it does over the network; only the bytes
 * skip the loopback connection. Requests it does not {@link #serves serve} go over HTTP as usual.
 */
public interface InJvmEndpoints extends SdkHttpClient {
  /** Whether this request's endpoint is served here. */
  boolean serves(SdkHttpRequest request);
}
