package dev.orderly.localcloud.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * How one kind of handler is called: request bytes in, response bytes out, as the Lambda Java
 * runtime turns every handler into a stream handler. Whatever the handler throws comes out as
 * thrown, unwrapped from reflection.
 */
interface HandlerCall {
  byte[] call(Object instance, byte[] payload, Context context) throws Exception;

  /** Rethrows what a handler threw, as an Exception or an Error. */
  static Exception rethrow(Throwable thrown) {
    if (thrown instanceof Error error) {
      throw error;
    }
    if (thrown instanceof Exception exception) {
      return exception;
    }
    return new java.lang.reflect.UndeclaredThrowableException(thrown);
  }
}
