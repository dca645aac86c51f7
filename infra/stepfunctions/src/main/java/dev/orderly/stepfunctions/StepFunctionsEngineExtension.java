package dev.orderly.stepfunctions;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Step Functions engine on a free port for a test class and stops it afterwards.
 * Register it as a static field ({@code @RegisterExtension static StepFunctionsEngineExtension sfn
 * = new StepFunctionsEngineExtension(StepFunctionsEngine.builder().tasks(...));}) and use {@link
 * #engine()}, or declare a {@link StepFunctionsEngine} parameter.
 */
public final class StepFunctionsEngineExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final StepFunctionsEngine.Builder builder;
  private StepFunctionsEngine engine;

  /** Uses the given options (tasks, a scheduler, ...); the port is always a free one. */
  public StepFunctionsEngineExtension(StepFunctionsEngine.Builder builder) {
    this.builder = builder.port(0);
  }

  public StepFunctionsEngine engine() {
    if (engine == null) {
      throw new IllegalStateException("the engine starts before all tests of the class");
    }
    return engine;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    engine = builder.start();
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
    return parameter.getParameter().getType() == StepFunctionsEngine.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return engine();
  }
}
