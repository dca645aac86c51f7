package dev.orderly.orders.persistence;

import dev.orderly.idempotency.IdempotencyKeys;
import dev.orderly.idempotency.IdempotencyPayloadMismatchException;
import dev.orderly.idempotency.IdempotencyRequest;
import dev.orderly.idempotency.Outcome;
import dev.orderly.idempotency.dynamodb.BusinessConditionFailedException;
import dev.orderly.idempotency.dynamodb.Effect;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.lambda.saga.TransientFailure;
import dev.orderly.orders.domain.Decision;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.domain.Order;
import dev.orderly.orders.domain.OrderStore;
import dev.orderly.orders.domain.TaskRequest;
import dev.orderly.orders.domain.TaskResult;
import dev.orderly.orders.domain.Transition;
import dev.orderly.outbox.OutboxEntry;
import dev.orderly.outbox.OutboxTable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Orders in DynamoDB. Every change is one TransactWriteItems: the order item, its outbox entry and,
 * for saga tasks, the completed idempotency record ({@link TransactionalIdempotency}), so a task's
 * effect and its record commit together and a redelivery replays instead of repeating it. A
 * transition is conditional on the status and version it was decided from; when another change got
 * there first, it is decided again against the order as it now is.
 */
public final class DynamoDbOrderStore implements OrderStore {
  /** Decisions re-made after losing a race before giving up with a retryable failure. */
  static final int MAX_ATTEMPTS = 3;

  private final DynamoDbClient dynamo;
  private final String table;
  private final OutboxTable outbox;
  private final TransactionalIdempotency idempotency;
  private final Ids eventIds;

  public DynamoDbOrderStore(
      DynamoDbClient dynamo, String table, TransactionalIdempotency idempotency, Ids eventIds) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.outbox = new OutboxTable(table);
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
  }

  @Override
  public Optional<Order> find(String tenantId, String orderId) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b -> b.tableName(table).key(OrderItems.key(tenantId, orderId)).consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(OrderItems.fromItem(item));
  }

  @Override
  public void create(Order order, String paymentToken, Instant now) {
    dynamo.transactWriteItems(b -> b.transactItems(creation(order, paymentToken, now)));
  }

  /**
   * The writes that place {@code order}: the order item (new, by condition) and its {@code
   * OrderPlaced} outbox entry, for a caller that commits them with more (POST /orders commits them
   * with its Idempotency-Key record).
   */
  public List<TransactWriteItem> creation(Order order, String paymentToken, Instant now) {
    OutboxEntry placed = OrderEvents.placed(order, paymentToken, eventIds.next(), now);
    TransactWriteItem put =
        TransactWriteItem.builder()
            .put(
                Put.builder()
                    .tableName(table)
                    .item(OrderItems.toItem(order))
                    .conditionExpression("attribute_not_exists(pk)")
                    .build())
            .build();
    return List.of(put, outbox.put(placed, now));
  }

  @Override
  public TaskResult transition(TaskRequest request, Transition transition, Instant now) {
    IdempotencyRequest claim =
        IdempotencyRequest.of(
            IdempotencyKeys.sagaStep(request.requestId(), transition.taskName()),
            fingerprint(request, transition));
    for (int attempt = 1; ; attempt++) {
      Outcome<TaskResult> outcome;
      try {
        outcome =
            idempotency.handle(
                claim,
                TaskResults.CODEC,
                () ->
                    effect(transition.decide(find(request), request.orderId(), now), request, now));
      } catch (BusinessConditionFailedException raced) {
        outcome = new Outcome.InProgress<>(claim.key());
      }
      if (outcome instanceof Outcome.Executed<TaskResult> executed) {
        return executed.result();
      }
      if (outcome instanceof Outcome.Replayed<TaskResult> replayed) {
        return replayed.result();
      }
      if (outcome instanceof Outcome.PayloadMismatch<TaskResult>) {
        throw new IdempotencyPayloadMismatchException(claim.key());
      }
      if (attempt == MAX_ATTEMPTS) {
        throw new TransientFailure(
            transition.taskName() + " for order " + request.orderId() + " kept conflicting", null);
      }
    }
  }

  private Optional<Order> find(TaskRequest request) {
    return find(request.tenantId(), request.orderId());
  }

  private Effect<TaskResult> effect(Decision decision, TaskRequest request, Instant now) {
    if (decision instanceof Decision.Apply apply) {
      Order after = apply.after();
      String correlationId =
          request.correlationId().isBlank() ? after.correlationId() : request.correlationId();
      String eventId = eventIds.next();
      OutboxEntry event =
          after.cancellation().isPresent()
              ? OrderEvents.cancelled(after, eventId, correlationId, now)
              : OrderEvents.confirmed(after, eventId, correlationId, now);
      return new Effect<>(
          decision.result(),
          List.of(OrderTransitions.update(table, apply.before(), after), outbox.put(event, now)));
    }
    return new Effect<>(decision.result(), List.of());
  }

  /** What makes two deliveries "the same task": the order, the tenant and what is asked. */
  private static byte[] fingerprint(TaskRequest request, Transition transition) {
    return (request.tenantId() + "\n" + request.orderId() + "\n" + transition)
        .getBytes(StandardCharsets.UTF_8);
  }
}
