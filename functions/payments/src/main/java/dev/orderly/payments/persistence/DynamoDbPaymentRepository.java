package dev.orderly.payments.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orderly.idempotency.IdempotencyKeys;
import dev.orderly.idempotency.IdempotencyPayloadMismatchException;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.ResponseCodec;
import dev.orderly.idempotency.dynamodb.BusinessConditionFailedException;
import dev.orderly.idempotency.dynamodb.Effect;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.lambda.saga.TransientFailure;
import dev.orderly.outbox.OutboxTable;
import dev.orderly.payments.domain.Charge;
import dev.orderly.payments.domain.ChargeOutcome;
import dev.orderly.payments.domain.ChargePayment;
import dev.orderly.payments.domain.ChargeVoidedException;
import dev.orderly.payments.domain.PaymentRepository;
import dev.orderly.payments.domain.RefundPayment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The payments table through the SDK. Recording a charge is one TransactWriteItems: the charge
 * item, its PaymentCharged outbox entry and the completed idempotency record. The order's charge
 * item is read first, so a repeated delivery answers the recorded charge without asking the
 * provider again; two deliveries racing past that read are still charged once, because the provider
 * is idempotent on the request id and only one transaction can create the item.
 */
public final class DynamoDbPaymentRepository implements PaymentRepository {
  static final String CHARGE_STEP = "ChargePayment";
  static final String REFUND_STEP = "RefundPayment";
  private static final ResponseCodec<String> TEXT = ResponseCodec.text();
  private static final int REFUND_ATTEMPTS = 3;

  private final DynamoDbClient dynamo;
  private final String table;
  private final OutboxTable outbox;
  private final TransactionalIdempotency idempotency;

  public DynamoDbPaymentRepository(
      DynamoDbClient dynamo, String table, TransactionalIdempotency idempotency) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.outbox = new OutboxTable(table);
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
  }

  @Override
  public ChargeOutcome charge(
      ChargePayment command, Supplier<String> charge, String eventId, Instant now) {
    String key = IdempotencyKeys.sagaStep(command.requestId(), CHARGE_STEP);
    AtomicReference<String> made = new AtomicReference<>();
    try {
      return new ChargeOutcome.Charged(
          once(
              key,
              command.fingerprint(),
              () -> {
                Optional<Charge> existing = find(command.tenantId(), command.orderId());
                if (existing.isPresent()) {
                  return new Effect<>(recorded(existing.get()), List.of());
                }
                made.set(charge.get());
                return new Effect<>(made.get(), chargeWrites(command, made.get(), eventId, now));
              }));
    } catch (BusinessConditionFailedException raced) {
      Charge winner = find(command.tenantId(), command.orderId()).orElseThrow();
      return winner.status() == Charge.Status.VOIDED
          ? new ChargeOutcome.LostToRefund(made.get())
          : new ChargeOutcome.Charged(winner.chargeId());
    }
  }

  private static String recorded(Charge existing) {
    if (existing.status() == Charge.Status.VOIDED) {
      throw new ChargeVoidedException(existing.orderId());
    }
    return existing.chargeId();
  }

  private List<TransactWriteItem> chargeWrites(
      ChargePayment command, String chargeId, String eventId, Instant now) {
    Charge charge =
        new Charge(
            command.tenantId(),
            command.orderId(),
            chargeId,
            command.amount(),
            command.currency(),
            Charge.Status.CHARGED);
    return List.of(
        ChargeItems.create(table, charge, command.customerId(), command.requestId(), now),
        outbox.put(PaymentEvents.charged(charge, eventId, command.correlationId(), now), now));
  }

  @Override
  public boolean refund(
      RefundPayment command, Function<Charge, String> refund, String eventId, Instant now) {
    String key = IdempotencyKeys.sagaStep(command.requestId(), REFUND_STEP);
    for (int attempt = 1; attempt <= REFUND_ATTEMPTS; attempt++) {
      try {
        return Boolean.parseBoolean(
            once(key, command.fingerprint(), () -> refundEffect(command, refund, eventId, now)));
      } catch (BusinessConditionFailedException changedMeanwhile) {
        // the charge item changed between the read and the write: decide again on what is there
      }
    }
    throw new TransientFailure(
        "the payment of order " + command.orderId() + " kept changing during refund", null);
  }

  private Effect<String> refundEffect(
      RefundPayment command, Function<Charge, String> refund, String eventId, Instant now) {
    Optional<Charge> found = find(command.tenantId(), command.orderId());
    if (found.isEmpty()) {
      Charge voided = Charge.voided(command.tenantId(), command.orderId());
      return new Effect<>(
          "false", List.of(ChargeItems.create(table, voided, null, command.requestId(), now)));
    }
    Charge charge = found.get();
    if (charge.status() != Charge.Status.CHARGED) {
      return new Effect<>(Boolean.toString(charge.status() == Charge.Status.REFUNDED), List.of());
    }
    String refundId = refund.apply(charge);
    Charge refunded =
        new Charge(
            charge.tenantId(),
            charge.orderId(),
            charge.chargeId(),
            charge.amount(),
            charge.currency(),
            Charge.Status.REFUNDED);
    return new Effect<>(
        "true",
        List.of(
            ChargeItems.refund(table, charge, refundId, now),
            outbox.put(
                PaymentEvents.refunded(refunded, eventId, command.correlationId(), now), now)));
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
  public Optional<Charge> find(String tenantId, String orderId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName(table).key(ChargeItems.key(tenantId, orderId)).consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ChargeItems.fromItem(item));
  }
}
