package dev.orderly.idempotency;

/** Turns a handler's result into the text stored in the record, and back for a replay. */
public interface ResponseCodec<R> {
  String encode(R response);

  R decode(String stored);

  /**
   * Adjusts a replayed result before it is returned, given the record it came from (Powertools'
   * response hook): to mark a response as replayed, say. Returns it unchanged by default.
   */
  default R replayed(R stored, IdempotencyRecord record) {
    return stored;
  }

  /** For handlers whose result is already text (a JSON body, say). */
  static ResponseCodec<String> text() {
    return new ResponseCodec<>() {
      @Override
      public String encode(String response) {
        return response;
      }

      @Override
      public String decode(String stored) {
        return stored;
      }
    };
  }
}
