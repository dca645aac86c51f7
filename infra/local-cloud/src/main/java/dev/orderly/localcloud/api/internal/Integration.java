package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.localcloud.spi.FunctionInvoker;
import dev.orderly.localcloud.spi.FunctionNotFoundException;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Lambda proxy integration: invokes the route's function with the event and maps what comes
 * back. A function error, an unknown function or a malformed response is a 500; Lambda's throttling
 * a 429; no answer within the integration timeout (API Gateway's is 30 s) a 503, and the invocation
 * is interrupted.
 */
final class Integration {
  private static final Logger LOG = Logger.getLogger(Integration.class.getName());

  private final FunctionInvoker functions;
  private final ExecutorService threads;
  private final Duration timeout;
  private final ResponseMapper mapper;
  private final ObjectMapper json;

  Integration(
      FunctionInvoker functions,
      ExecutorService threads,
      Duration timeout,
      ResponseMapper mapper,
      ObjectMapper json) {
    this.functions = functions;
    this.threads = threads;
    this.timeout = timeout;
    this.mapper = mapper;
    this.json = json;
  }

  GatewayResponse call(String functionName, byte[] event, AccessLogEntry log) {
    long start = System.nanoTime();
    try {
      return map(invoke(functionName, event), log);
    } catch (TooManyRequestsException e) {
      log.integrationError(e.getMessage());
      return GatewayResponse.tooManyRequests();
    } catch (FunctionNotFoundException | MalformedResponseException e) {
      log.integrationError(e.getMessage());
      return GatewayResponse.internalServerError();
    } catch (TimeoutException e) {
      log.integrationError("The integration timed out after " + timeout.toMillis() + " ms");
      return GatewayResponse.serviceUnavailable();
    } catch (RejectedExecutionException e) {
      log.integrationError("The API is shutting down");
      return GatewayResponse.serviceUnavailable();
    } finally {
      log.integrationLatencyMs(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
  }

  private InvokeResult invoke(String functionName, byte[] event) throws TimeoutException {
    Future<InvokeResult> future = threads.submit(() -> functions.invoke(functionName, event));
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RejectedExecutionException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("The function invoker failed", e.getCause());
    }
  }

  private GatewayResponse map(InvokeResult result, AccessLogEntry log) {
    if (result.failed()) {
      log.integrationError(errorMessage(result));
      return GatewayResponse.internalServerError();
    }
    try {
      return mapper.map(result.payload());
    } catch (MalformedResponseException e) {
      LOG.log(Level.WARNING, e.getMessage());
      throw e;
    }
  }

  private String errorMessage(InvokeResult result) {
    try {
      JsonNode error = json.readTree(result.payload());
      if (error != null && error.path("errorMessage").isTextual()) {
        return result.functionError() + ": " + error.get("errorMessage").textValue();
      }
    } catch (IOException e) {
      // not the runtime's error document
    }
    return result.functionError();
  }
}
