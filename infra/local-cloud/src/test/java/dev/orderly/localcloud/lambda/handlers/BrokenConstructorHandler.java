package dev.orderly.localcloud.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.orderly.lambda.config.Environment;
import java.util.Map;

/** Fails to start without {@code TABLE}, as a handler whose configuration is missing. */
public final class BrokenConstructorHandler implements RequestHandler<Map<String, String>, String> {
  private final String table;

  public BrokenConstructorHandler() {
    this.table = Environment.system().require("TABLE");
  }

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    return table;
  }
}
