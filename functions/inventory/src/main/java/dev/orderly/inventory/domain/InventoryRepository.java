package dev.orderly.inventory.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where stock and reservations live. Reserving and releasing are exactly-once per request id: each
 * commits its stock changes, the reservation, its event and its idempotency record together or not
 * at all, and a repeated request answers what the first one did.
 */
public interface InventoryRepository {

  /** Holds every line of the order or none; {@code eventId} names the StockReserved event. */
  ReserveOutcome reserve(ReserveStock command, String reservationId, String eventId, Instant now);

  /**
   * Gives back what the order's reservation holds and says whether anything was released; with no
   * reservation, closes the order to later reservations and answers false.
   */
  boolean release(ReleaseStock command, String eventId, Instant now);

  StockLevel setStock(SetStock command, Instant now);

  Optional<StockLevel> stock(String tenantId, String sku);

  Optional<Reservation> reservation(String tenantId, String orderId);
}
