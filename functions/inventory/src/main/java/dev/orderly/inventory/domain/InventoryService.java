package dev.orderly.inventory.domain;

import dev.orderly.lambda.saga.OutOfStock;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Inventory's use cases. Time and identity come in from outside so that tests pin them; the typed
 * saga errors are raised here, where a reservation's outcome gets its business meaning.
 */
public final class InventoryService {
  private final InventoryRepository repository;
  private final Clock clock;
  private final Supplier<String> ids;

  public InventoryService(InventoryRepository repository, Clock clock, Supplier<String> ids) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * Reserves every line or throws {@link OutOfStock} naming the short SKUs (nothing reserved).
   *
   * @return the reservation id
   * @throws ReservationClosedException when the compensation already ran for this order
   */
  public String reserve(ReserveStock command) {
    ReserveOutcome outcome = repository.reserve(command, ids.get(), ids.get(), clock.instant());
    if (outcome instanceof ReserveOutcome.Reserved reserved) {
      return reserved.reservationId();
    }
    if (outcome instanceof ReserveOutcome.Short shortOf) {
      throw new OutOfStock(shortOf.skus());
    }
    throw new ReservationClosedException(command.orderId());
  }

  /** Releases the order's reservation if it holds stock; true when stock went back now. */
  public boolean release(ReleaseStock command) {
    return repository.release(command, ids.get(), clock.instant());
  }

  public StockLevel setStock(SetStock command) {
    return repository.setStock(command, clock.instant());
  }
}
