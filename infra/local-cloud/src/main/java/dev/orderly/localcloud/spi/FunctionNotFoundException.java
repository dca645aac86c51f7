package dev.orderly.localcloud.spi;

/** Lambda's {@code ResourceNotFoundException}: no function has that name. */
public final class FunctionNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FunctionNotFoundException(String functionNameOrArn) {
    super("Function not found: " + functionNameOrArn);
  }
}
