package dev.orderly.localcloud.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.orderly.lambda.config.Environment;
import java.util.Map;
import java.util.TreeMap;

/** Reads its environment once, in its constructor, as Orderly's handlers do; greets with it. */
public final class EnvironmentHandler implements RequestHandler<String, Map<String, String>> {
  private final Map<String, String> environment;

  public EnvironmentHandler() {
    this.environment = new TreeMap<>(Environment.system().asMap());
  }

  @Override
  public Map<String, String> handleRequest(String name, Context context) {
    Map<String, String> output = new TreeMap<>(environment);
    output.put("greeting", environment.get("GREETING") + ", " + name);
    return output;
  }
}
