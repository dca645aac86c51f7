package dev.orderly.localcloud.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A handler that reads and writes bytes itself ({@code RequestStreamHandler}, or a method taking an
 * {@code InputStream} and/or an {@code OutputStream}): the response is what it wrote, {@code null}
 * when it takes no output stream.
 */
final class StreamCall implements HandlerCall {
  /** Calls the handler on the streams. */
  @FunctionalInterface
  interface Target {
    void apply(Object instance, InputStream in, OutputStream out, Context context) throws Exception;
  }

  private final boolean writesOutput;
  private final Target target;

  StreamCall(boolean writesOutput, Target target) {
    this.writesOutput = writesOutput;
    this.target = target;
  }

  @Override
  public byte[] call(Object instance, byte[] payload, Context context) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    target.apply(instance, new ByteArrayInputStream(payload), out, context);
    return writesOutput ? out.toByteArray() : PojoCall.JSON_NULL.clone();
  }
}
