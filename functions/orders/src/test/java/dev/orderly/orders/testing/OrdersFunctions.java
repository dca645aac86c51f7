package dev.orderly.orders.testing;

import dev.orderly.dynamodb.DynamoDbEngine;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.wiring.CancelOrderComponent;
import dev.orderly.orders.wiring.ConfirmOrderComponent;
import dev.orderly.orders.wiring.DaggerCancelOrderComponent;
import dev.orderly.orders.wiring.DaggerConfirmOrderComponent;
import dev.orderly.orders.wiring.DaggerGetOrderComponent;
import dev.orderly.orders.wiring.DaggerPlaceOrderComponent;
import dev.orderly.orders.wiring.GetOrderComponent;
import dev.orderly.orders.wiring.PlaceOrderComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The orders functions' real Dagger components, wired to fresh tables on the engine through an
 * {@code Environment} as the local cloud would hand them one, with a fixed clock and ids {@code
 * id-1}, {@code id-2}, ... (an order takes one id, its event the next).
 */
public final class OrdersFunctions {
  public static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  public final OrdersTables tables;
  public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  public final Ids ids = new SequentialIds("id");

  public OrdersFunctions(DynamoDbEngine engine) {
    this.tables = new OrdersTables(engine);
  }

  public PlaceOrderComponent place() {
    return place(ids);
  }

  public PlaceOrderComponent place(Ids orderIds) {
    return DaggerPlaceOrderComponent.builder()
        .environment(tables.environment())
        .clock(clock)
        .ids(orderIds)
        .build();
  }

  public GetOrderComponent get() {
    return DaggerGetOrderComponent.builder()
        .environment(tables.environment())
        .clock(clock)
        .ids(ids)
        .build();
  }

  public ConfirmOrderComponent confirm(Clock at) {
    return DaggerConfirmOrderComponent.builder()
        .environment(tables.environment())
        .clock(at)
        .ids(ids)
        .build();
  }

  public CancelOrderComponent cancel(Clock at) {
    return DaggerCancelOrderComponent.builder()
        .environment(tables.environment())
        .clock(at)
        .ids(ids)
        .build();
  }
}
