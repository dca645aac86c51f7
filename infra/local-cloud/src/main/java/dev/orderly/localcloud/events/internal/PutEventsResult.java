package dev.orderly.localcloud.events.internal;

/** One PutEvents result entry: an EventId, or an ErrorCode and ErrorMessage. */
public record PutEventsResult(String eventId, String errorCode, String errorMessage) {
  static PutEventsResult accepted(String eventId) {
    return new PutEventsResult(eventId, null, null);
  }

  static PutEventsResult failed(String errorCode, String errorMessage) {
    return new PutEventsResult(null, errorCode, errorMessage);
  }

  public boolean failed() {
    return errorCode != null;
  }
}
