package dev.orderly.dynamodb;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one engine on a free port for a test class and stops it afterwards. Register it as a
 * static field ({@code @RegisterExtension static DynamoDbEngineExtension dynamo = new
 * DynamoDbEngineExtension();}) and use {@link #engine()}, or declare a {@link DynamoDbEngine}
 * parameter.
 */
public final class DynamoDbEngineExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final DynamoDbEngine.Builder builder;
  private DynamoDbEngine engine;

  public DynamoDbEngineExtension() {
    this(DynamoDbEngine.builder());
  }

  /** Uses the given options (a clock, say); the port is always a free one. */
  public DynamoDbEngineExtension(DynamoDbEngine.Builder builder) {
    this.builder = builder.port(0);
  }

  public DynamoDbEngine engine() {
    if (engine == null) {
      throw new IllegalStateException("the engine starts before all tests of the class");
    }
    return engine;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    engine = builder.build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DynamoDbEngine.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return engine();
  }
}
