package dev.orderly.localcloud.events;

/** An event bus or rule that does not exist. */
public final class ResourceNotFoundException extends EventBridgeException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message) {
    super("ResourceNotFoundException", message);
  }
}
