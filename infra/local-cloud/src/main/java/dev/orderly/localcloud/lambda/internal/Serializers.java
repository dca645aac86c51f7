package dev.orderly.localcloud.lambda.internal;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lambda Java runtime's choice of serializer for a handler's input and output type: the
 * event-aware serializer of aws-lambda-java-serialization for the classes of aws-lambda-java-events
 * ({@code SQSEvent}, {@code APIGatewayV2HTTPEvent}, {@code DynamodbEvent}, {@code ScheduledEvent},
 * ...), the runtime's Jackson serializer for every other type ({@code String}, {@code Map}, POJOs).
 * Serializers are cached per type, as the runtime caches them.
 */
public final class Serializers {
  private final ClassLoader classLoader;
  private final Map<Type, PojoSerializer<Object>> cache = new ConcurrentHashMap<>();

  public Serializers(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  public PojoSerializer<Object> forType(Type type) {
    return cache.computeIfAbsent(type, this::create);
  }

  @SuppressWarnings("unchecked")
  private PojoSerializer<Object> create(Type type) {
    if (type instanceof Class<?> clazz
        && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
      return LambdaEventSerializers.serializerFor((Class<Object>) clazz, classLoader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }
}
