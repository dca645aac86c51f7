package dev.orderly.localcloud.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * A handler that takes and returns objects ({@code RequestHandler<I, O>}, or a method such as
 * {@code O handle(I, Context)}): the request is read into the input type and the response written
 * from the output type by the runtime's serializers, a void response is {@code null}. A request
 * that cannot be read and a response that cannot be written fail with the runtime's own messages.
 */
final class PojoCall implements HandlerCall {
  static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

  /** Calls the handler on the deserialized input. */
  @FunctionalInterface
  interface Target {
    Object apply(Object instance, Object input, Context context) throws Exception;
  }

  private final Type inputType;
  private final Type outputType;
  private final Serializers serializers;
  private final Target target;

  /**
   * @param inputType {@code null} when the handler takes no input
   * @param outputType {@code null} when it returns nothing
   */
  PojoCall(Type inputType, Type outputType, Serializers serializers, Target target) {
    this.inputType = inputType;
    this.outputType = outputType;
    this.serializers = serializers;
    this.target = target;
  }

  @Override
  public byte[] call(Object instance, byte[] payload, Context context) throws Exception {
    Object input = null;
    if (inputType != null) {
      try {
        input = serializers.forType(inputType).fromJson(new ByteArrayInputStream(payload));
      } catch (RuntimeException | Error e) {
        throw new RuntimeException("An error occurred during JSON parsing", e);
      }
    }
    Object output = target.apply(instance, input, context);
    if (outputType == null) {
      return JSON_NULL.clone();
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      serializers.forType(outputType).toJson(output, out);
      return out.toByteArray();
    } catch (RuntimeException | Error e) {
      throw new RuntimeException("An error occurred during JSON serialization of response", e);
    }
  }

  static boolean isVoid(Type type) {
    return void.class.equals(type) || Void.class.equals(type);
  }
}
