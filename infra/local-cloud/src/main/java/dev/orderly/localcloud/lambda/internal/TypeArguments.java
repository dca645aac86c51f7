package dev.orderly.localcloud.lambda.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The type arguments a class gives a generic interface, found through its superclasses and
 * superinterfaces with type variables substituted on the way ({@code class H extends
 * Base<SQSEvent>} where {@code Base<T> implements RequestHandler<T, Void>} gives {@code SQSEvent,
 * Void}), as the Lambda Java runtime finds a handler's input and output types.
 */
final class TypeArguments {
  private TypeArguments() {}

  /** The arguments {@code clazz} gives {@code iface}; empty when it implements it raw or not. */
  static Optional<Type[]> of(Class<?> clazz, Class<?> iface) {
    return Optional.ofNullable(find(clazz, Map.of(), iface));
  }

  private static Type[] find(Class<?> clazz, Map<TypeVariable<?>, Type> bindings, Class<?> iface) {
    List<Type> supertypes = new ArrayList<>(Arrays.asList(clazz.getGenericInterfaces()));
    if (clazz.getGenericSuperclass() != null) {
      supertypes.add(clazz.getGenericSuperclass());
    }
    for (Type supertype : supertypes) {
      Type[] found = null;
      if (supertype instanceof ParameterizedType parameterized
          && parameterized.getRawType() instanceof Class<?> raw) {
        Type[] args = parameterized.getActualTypeArguments().clone();
        for (int i = 0; i < args.length; i++) {
          args[i] = bindings.getOrDefault(args[i], args[i]);
        }
        if (raw == iface) {
          return args;
        }
        Map<TypeVariable<?>, Type> next = new HashMap<>();
        TypeVariable<?>[] params = raw.getTypeParameters();
        for (int i = 0; i < params.length && i < args.length; i++) {
          next.put(params[i], args[i]);
        }
        found = find(raw, next, iface);
      } else if (supertype instanceof Class<?> raw && raw != iface) {
        found = find(raw, Map.of(), iface);
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
