package dev.orderly.localcloud.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A handler named {@code Class::method}, chosen among the public overloads of that name as the
 * Lambda Java runtime chooses: declared methods before bridges, longer signatures first (a trailing
 * {@code Context} counting one extra), and the first whose parameters form a handler signature —
 * {@code (InputStream, OutputStream, Context)}, {@code (InputStream, OutputStream)}, {@code
 * (OutputStream, Context)}, {@code (InputStream, Context)}, {@code (InputStream)}, {@code
 * (OutputStream)}, {@code (Context)}, {@code (T, Context)}, {@code (T)} or {@code ()}.
 */
final class MethodHandlers {
  private static final Comparator<Method> PRIORITY =
      Comparator.comparing(Method::isBridge)
          .thenComparing(MethodHandlers::weight, Comparator.reverseOrder());

  private MethodHandlers() {}

  /** The call for {@code methodName} on {@code clazz}; empty when no overload is a handler. */
  static Optional<Resolved> resolve(Class<?> clazz, String methodName, Serializers serializers) {
    List<Method> candidates =
        Arrays.stream(clazz.getMethods())
            .filter(m -> m.getName().equals(methodName))
            .sorted(PRIORITY)
            .toList();
    for (Method method : candidates) {
      Optional<HandlerCall> call = callFor(method, serializers);
      if (call.isPresent()) {
        return Optional.of(new Resolved(method, call.get()));
      }
    }
    return Optional.empty();
  }

  /** The method chosen and how to call it. */
  record Resolved(Method method, HandlerCall call) {}

  private static int weight(Method method) {
    Class<?>[] params = method.getParameterTypes();
    boolean lastIsContext = params.length > 0 && params[params.length - 1] == Context.class;
    return params.length + (lastIsContext ? 1 : 0);
  }

  private static Optional<HandlerCall> callFor(Method method, Serializers serializers) {
    Type[] p = method.getGenericParameterTypes();
    Type returns =
        PojoCall.isVoid(method.getGenericReturnType()) ? null : method.getGenericReturnType();
    switch (p.length) {
      case 0:
        return Optional.of(pojo(method, null, returns, false, serializers));
      case 1:
        if (p[0] == InputStream.class) {
          return Optional.of(stream(method, true, false, false));
        } else if (p[0] == OutputStream.class) {
          return Optional.of(stream(method, false, true, false));
        } else if (p[0] == Context.class) {
          return Optional.of(pojo(method, null, returns, true, serializers));
        }
        return Optional.of(pojo(method, p[0], returns, false, serializers));
      case 2:
        if (p[0] == OutputStream.class) {
          return p[1] == Context.class
              ? Optional.of(stream(method, false, true, true))
              : Optional.empty();
        } else if (p[0] == Context.class) {
          return Optional.empty();
        } else if (p[0] == InputStream.class) {
          if (p[1] == OutputStream.class) {
            return Optional.of(stream(method, true, true, false));
          }
          return p[1] == Context.class
              ? Optional.of(stream(method, true, false, true))
              : Optional.empty();
        }
        return p[1] == Context.class
            ? Optional.of(pojo(method, p[0], returns, true, serializers))
            : Optional.empty();
      case 3:
        return p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class
            ? Optional.of(stream(method, true, true, true))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static HandlerCall pojo(
      Method method, Type input, Type output, boolean context, Serializers serializers) {
    return new PojoCall(
        input,
        output,
        serializers,
        (instance, in, ctx) -> {
          Object[] args = new Object[(input != null ? 1 : 0) + (context ? 1 : 0)];
          int i = 0;
          if (input != null) {
            args[i++] = in;
          }
          if (context) {
            args[i] = ctx;
          }
          return invoke(method, instance, args);
        });
  }

  private static HandlerCall stream(Method method, boolean in, boolean out, boolean context) {
    return new StreamCall(
        out,
        (instance, input, output, ctx) -> {
          Object[] args = new Object[(in ? 1 : 0) + (out ? 1 : 0) + (context ? 1 : 0)];
          int i = 0;
          if (in) {
            args[i++] = input;
          }
          if (out) {
            args[i++] = output;
          }
          if (context) {
            args[i] = ctx;
          }
          invoke(method, instance, args);
        });
  }

  private static Object invoke(Method method, Object instance, Object[] args) throws Exception {
    try {
      return method.invoke(instance, args);
    } catch (InvocationTargetException e) {
      throw HandlerCall.rethrow(e.getCause() == null ? e : e.getCause());
    }
  }
}
