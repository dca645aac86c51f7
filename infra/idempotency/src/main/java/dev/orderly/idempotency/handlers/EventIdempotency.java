package dev.orderly.idempotency.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.IdempotencyKeys;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.ResponseCodec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * For EventBridge-triggered functions: deduplicates on the event's business {@code eventId}, so an
 * event that the outbox relay published twice, or that EventBridge redelivered under its retry
 * policy, has its effect once. A duplicate of a delivery still running throws {@link
 * dev.orderly.idempotency.IdempotencyInProgressException}, which fails the invocation so that
 * EventBridge retries it later.
 */
public final class EventIdempotency {
  private final Idempotency idempotency;

  public EventIdempotency(Idempotency idempotency) {
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
  }

  public <R> R handle(
      String eventJson, Context context, ResponseCodec<R> codec, Supplier<R> handler) {
    IdempotencyRequest request =
        IdempotencyRequest.of(
            IdempotencyKeys.eventId(eventJson),
            eventJson == null ? new byte[0] : eventJson.getBytes(StandardCharsets.UTF_8),
            context);
    return idempotency.execute(request, codec, handler);
  }
}
