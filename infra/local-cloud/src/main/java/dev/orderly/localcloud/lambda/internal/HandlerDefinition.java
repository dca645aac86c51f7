package dev.orderly.localcloud.lambda.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderly.lambda.config.Environment;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * A function's {@code Handler} resolved as the Lambda Java runtime resolves it: {@code
 * Class::method} picks among the method's overloads ({@link MethodHandlers}); a bare {@code Class}
 * must be a {@code RequestStreamHandler} or a {@code RequestHandler<I, O>} with concrete types.
 * Resolved when the function is registered, so a wrong handler fails at start-up, not at the first
 * invoke as in Lambda; the class is initialised, and the instance built, only at a cold start.
 */
public final class HandlerDefinition {
  private final Class<?> clazz;
  private final Constructor<?> constructor;
  private final HandlerCall call;

  private HandlerDefinition(Class<?> clazz, Constructor<?> constructor, HandlerCall call) {
    this.clazz = clazz;
    this.constructor = constructor;
    this.call = call;
  }

  /**
   * Resolves {@code handler} from {@code loader}.
   *
   * @throws IllegalArgumentException naming what is wrong with the handler
   */
  public static HandlerDefinition resolve(
      String handler, ClassLoader loader, Serializers serializers) {
    int separator = handler.indexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String methodName = separator < 0 ? null : handler.substring(separator + 2);
    if (className.isBlank() || (methodName != null && methodName.isBlank())) {
      throw new IllegalArgumentException("Invalid handler: `" + handler + "'");
    }
    Class<?> clazz;
    try {
      clazz = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("Class not found: " + className, e);
    }
    if (methodName != null) {
      MethodHandlers.Resolved resolved =
          MethodHandlers.resolve(clazz, methodName, serializers)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "No public method named "
                              + methodName
                              + " with appropriate method signature found on class "
                              + className));
      boolean isStatic = Modifier.isStatic(resolved.method().getModifiers());
      return new HandlerDefinition(clazz, isStatic ? null : constructor(clazz), resolved.call());
    }
    if (RequestStreamHandler.class.isAssignableFrom(clazz)) {
      return new HandlerDefinition(
          clazz,
          constructor(clazz),
          new StreamCall(
              true,
              (instance, in, out, ctx) ->
                  ((RequestStreamHandler) instance).handleRequest(in, out, ctx)));
    }
    if (RequestHandler.class.isAssignableFrom(clazz)) {
      Type[] types =
          TypeArguments.of(clazz, RequestHandler.class)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Class "
                              + className
                              + " does not implement RequestHandler with concrete type parameters"));
      Type input = concrete(className, types[0]);
      Type output = concrete(className, types[1]);
      return new HandlerDefinition(
          clazz,
          constructor(clazz),
          new PojoCall(
              input,
              PojoCall.isVoid(output) ? null : output,
              serializers,
              HandlerDefinition::apply));
    }
    throw new IllegalArgumentException(
        "Class does not implement an appropriate handler interface: " + className);
  }

  /**
   * Builds an execution environment's handler: initialises the class and runs its public no-arg
   * constructor with {@code environment} as {@link Environment#system()}. A static method handler
   * has no instance ({@code null}).
   *
   * @throws InitFailure when the class initialiser or the constructor throws
   */
  Object instantiate(Environment environment) {
    return Environment.construct(
        environment,
        () -> {
          try {
            Class.forName(clazz.getName(), true, clazz.getClassLoader());
          } catch (ClassNotFoundException | LinkageError e) {
            throw InitFailure.classFailed(clazz.getName(), e);
          }
          if (constructor == null) {
            return null;
          }
          try {
            return constructor.newInstance();
          } catch (InvocationTargetException e) {
            throw InitFailure.constructorThrew(e.getCause() == null ? e : e.getCause());
          } catch (ReflectiveOperationException e) {
            throw InitFailure.constructorThrew(e);
          }
        });
  }

  HandlerCall call() {
    return call;
  }

  @SuppressWarnings("unchecked")
  private static Object apply(
      Object instance, Object input, com.amazonaws.services.lambda.runtime.Context context) {
    return ((RequestHandler<Object, Object>) instance).handleRequest(input, context);
  }

  private static Constructor<?> constructor(Class<?> clazz) {
    if (!Modifier.isPublic(clazz.getModifiers())) {
      throw new IllegalArgumentException("Class " + clazz.getName() + " is not public");
    }
    if (Modifier.isAbstract(clazz.getModifiers())) {
      throw new IllegalArgumentException(
          "Class " + clazz.getName() + " cannot be instantiated because it is abstract");
    }
    try {
      return clazz.getConstructor();
    } catch (NoSuchMethodException e) {
      if (clazz.getEnclosingClass() != null && !Modifier.isStatic(clazz.getModifiers())) {
        throw new IllegalArgumentException(
            "Class "
                + clazz.getName()
                + " cannot be instantiated because it is a non-static inner class",
            e);
      }
      throw new IllegalArgumentException(
          "Class " + clazz.getName() + " has no public zero-argument constructor", e);
    }
  }

  /** A type the serializers can read: a type variable stands for its bound, as Jackson reads it. */
  private static Type concrete(String className, Type type) {
    if (type instanceof TypeVariable<?> variable) {
      Type bound = variable.getBounds()[0];
      if (Object.class.equals(bound)) {
        throw new IllegalArgumentException(
            "Class "
                + className
                + " does not implement RequestHandler with concrete type parameters: parameter "
                + variable
                + " has no upper bound.");
      }
      return bound;
    }
    return type;
  }
}
