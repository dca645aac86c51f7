package dev.orderly.lambda.config;

/** A function's configuration is missing or malformed: it cannot start. */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
