package dev.orderly.localcloud.lambda;

import com.sun.net.httpserver.HttpServer;
import dev.orderly.localcloud.http.LoopbackHttpServer;
import dev.orderly.localcloud.lambda.internal.LambdaHttpApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lambda's Invoke API for a {@link LocalLambda} on loopback, so that an SDK {@code LambdaClient}
 * (or the AWS CLI, or a function calling another) reaches the in-process functions with {@code
 * endpointOverride(server.endpoint())}: Invoke (RequestResponse, Event, DryRun), ListFunctions,
 * GetFunction and GetFunctionConfiguration. Closing the server leaves the functions running.
 */
public final class LambdaApiServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  private LambdaApiServer(LocalLambda lambda, int port) {
    try {
      this.server = LoopbackHttpServer.create(port, 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "lambda-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(threads);
    LambdaHttpApi api = new LambdaHttpApi(lambda);
    server.createContext("/", api::handle);
    server.start();
  }

  /** Serves {@code lambda} on loopback at {@code port} (0: any free port). */
  public static LambdaApiServer start(LocalLambda lambda, int port) {
    return new LambdaApiServer(lambda, port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}, for an SDK client's {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
