package dev.orderly.localcloud.events;

/** A rule's EventPattern is not one event-ruler accepts; raised when the rule is created. */
public final class InvalidEventPatternException extends EventBridgeException {
  private static final long serialVersionUID = 1L;

  public InvalidEventPatternException(String ruleName, String reason) {
    super(
        "InvalidEventPatternException",
        "Event pattern of rule " + ruleName + " is not valid. Reason: " + reason);
  }
}
