package dev.orderly.inventory.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orderly.idempotency.IdempotencyKeys;
import dev.orderly.idempotency.IdempotencyPayloadMismatchException;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import dev.orderly.idempotency.dynamodb.BusinessConditionFailedException;
import dev.orderly.idempotency.dynamodb.Effect;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.inventory.domain.InventoryRepository;
import dev.orderly.inventory.domain.ReleaseStock;
import dev.orderly.inventory.domain.Reservation;
import dev.orderly.inventory.domain.ReserveOutcome;
import dev.orderly.inventory.domain.ReserveStock;
import dev.orderly.inventory.domain.SetStock;
import dev.orderly.inventory.domain.StockLevel;
import dev.orderly.inventory.domain.StockLine;
import dev.orderly.lambda.saga.TransientFailure;
import dev.orderly.outbox.OutboxTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The inventory table through the SDK. A reservation is one TransactWriteItems: a conditional
 * decrement per SKU, the reservation item, its StockReserved outbox entry and the completed
 * idempotency record — so stock, reservation, event and deduplication agree, whatever crashes. When
 * the transaction is cancelled for stock, the cancellation reasons say which SKUs were short.
 */
public final class DynamoDbInventoryRepository implements InventoryRepository {
  static final String RESERVE_STEP = "ReserveStock";
  static final String RELEASE_STEP = "ReleaseStock";
  private static final ResponseCodec<String> TEXT = ResponseCodec.text();
  private static final int RELEASE_ATTEMPTS = 3;

  private final DynamoDbClient dynamo;
  private final String table;
  private final OutboxTable outbox;
  private final TransactionalIdempotency idempotency;

  public DynamoDbInventoryRepository(
      DynamoDbClient dynamo, String table, TransactionalIdempotency idempotency) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.outbox = new OutboxTable(table);
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
  }

  @Override
  public ReserveOutcome reserve(
      ReserveStock command, String reservationId, String eventId, Instant now) {
    List<TransactWriteItem> writes = new ArrayList<>();
    for (StockLine line : command.lines()) {
      writes.add(StockItems.take(table, command.tenantId(), line, now));
    }
    Reservation reservation =
        new Reservation(
            command.tenantId(),
            command.orderId(),
            reservationId,
            Reservation.Status.RESERVED,
            command.lines());
    writes.add(ReservationItems.create(table, reservation, command.requestId(), now));
    writes.add(
        outbox.put(
            StockEvents.reserved(
                command.tenantId(),
                command.orderId(),
                command.lines(),
                eventId,
                command.correlationId(),
                now),
            now));
    String key = IdempotencyKeys.sagaStep(command.requestId(), RESERVE_STEP);
    try {
      return new ReserveOutcome.Reserved(
          once(key, command.fingerprint(), () -> new Effect<>(reservationId, writes)));
    } catch (BusinessConditionFailedException refused) {
      return whyNotReserved(command, refused.reasons());
    }
  }

  /** The order already has a reservation, or some SKUs are short (or unknown). */
  private static ReserveOutcome whyNotReserved(
      ReserveStock command, List<CancellationReason> reasons) {
    int lines = command.lines().size();
    CancellationReason reservation = reasons.get(lines);
    if (failed(reservation)) {
      if (!reservation.hasItem()) {
        throw new IllegalStateException("reservation write refused without the existing item");
      }
      Reservation existing = ReservationItems.fromItem(reservation.item());
      return existing.holdsStock()
          ? new ReserveOutcome.Reserved(existing.reservationId())
          : new ReserveOutcome.Closed();
    }
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      if (failed(reasons.get(i))) {
        skus.add(command.lines().get(i).sku());
      }
    }
    if (skus.isEmpty()) {
      throw new IllegalStateException(
          "reservation of " + command.orderId() + " refused: " + reasons);
    }
    return new ReserveOutcome.Short(skus);
  }

  private static boolean failed(CancellationReason reason) {
    return reason.code() != null && !"None".equals(reason.code());
  }

  @Override
  public boolean release(ReleaseStock command, String eventId, Instant now) {
    String key = IdempotencyKeys.sagaStep(command.requestId(), RELEASE_STEP);
    for (int attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
      try {
        return Boolean.parseBoolean(
            once(key, command.fingerprint(), () -> releaseEffect(command, eventId, now)));
      } catch (BusinessConditionFailedException changedMeanwhile) {
        // the reservation changed between the read and the write: decide again on what is there
      }
    }
    throw new TransientFailure(
        "the reservation of order " + command.orderId() + " kept changing during release", null);
  }

  private Effect<String> releaseEffect(ReleaseStock command, String eventId, Instant now) {
    Optional<Reservation> found = reservation(command.tenantId(), command.orderId());
    if (found.isEmpty()) {
      Reservation closed = Reservation.closed(command.tenantId(), command.orderId());
      return new Effect<>(
          "false", List.of(ReservationItems.create(table, closed, command.requestId(), now)));
    }
    Reservation reservation = found.get();
    if (!reservation.holdsStock()) {
      return new Effect<>(
          Boolean.toString(reservation.status() == Reservation.Status.RELEASED), List.of());
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    for (StockLine line : reservation.lines()) {
      writes.add(StockItems.giveBack(table, command.tenantId(), line, now));
    }
    writes.add(ReservationItems.release(table, reservation, now));
    writes.add(
        outbox.put(
            StockEvents.released(
                command.tenantId(),
                command.orderId(),
                reservation.lines(),
                eventId,
                command.correlationId(),
                now),
            now));
    return new Effect<>("true", writes);
  }

  /** Commits the effect with its idempotency record, or answers what the first delivery did. */
  private String once(String key, String fingerprint, Supplier<Effect<String>> effect) {
    Outcome<String> outcome =
        idempotency.handle(IdempotencyRequest.of(key, fingerprint.getBytes(UTF_8)), TEXT, effect);
    if (outcome instanceof Outcome.Executed<String> executed) {
      return executed.result();
    }
    if (outcome instanceof Outcome.Replayed<String> replayed) {
      return replayed.result();
    }
    if (outcome instanceof Outcome.InProgress<String>) {
      throw new TransientFailure("a concurrent delivery of " + key + " is running", null);
    }
    throw new IdempotencyPayloadMismatchException(key);
  }

  @Override
  public StockLevel setStock(SetStock command, Instant now) {
    Map<String, AttributeValue> item =
        dynamo
            .updateItem(
                b ->
                    b.tableName(table)
                        .key(InventoryKeys.stock(command.tenantId(), command.sku()))
                        .updateExpression(
                            "SET available = :available,"
                                + " reserved = if_not_exists(reserved, :zero),"
                                + " version = if_not_exists(version, :zero) + :one,"
                                + " tenantId = :tenant, sku = :sku, updatedAt = :now")
                        .expressionAttributeValues(
                            Map.of(
                                ":available",
                                AttributeValue.fromN(Integer.toString(command.available())),
                                ":zero",
                                AttributeValue.fromN("0"),
                                ":one",
                                AttributeValue.fromN("1"),
                                ":tenant",
                                AttributeValue.fromS(command.tenantId()),
                                ":sku",
                                AttributeValue.fromS(command.sku()),
                                ":now",
                                AttributeValue.fromS(now.toString())))
                        .returnValues(ReturnValue.ALL_NEW))
            .attributes();
    return StockItems.fromItem(item);
  }

  @Override
  public Optional<StockLevel> stock(String tenantId, String sku) {
    return read(InventoryKeys.stock(tenantId, sku)).map(StockItems::fromItem);
  }

  @Override
  public Optional<Reservation> reservation(String tenantId, String orderId) {
    return read(InventoryKeys.reservation(tenantId, orderId)).map(ReservationItems::fromItem);
  }

  private Optional<Map<String, AttributeValue>> read(Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}
