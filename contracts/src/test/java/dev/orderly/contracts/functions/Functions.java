package dev.orderly.contracts.functions;

import dev.orderly.inventory.handler.PutStockHandler;
import dev.orderly.inventory.handler.ReleaseStockHandler;
import dev.orderly.inventory.handler.ReserveStockHandler;
import dev.orderly.inventory.wiring.DaggerPutStockComponent;
import dev.orderly.inventory.wiring.DaggerReleaseStockComponent;
import dev.orderly.inventory.wiring.DaggerReserveStockComponent;
import dev.orderly.lambda.config.Environment;
import dev.orderly.notifications.handler.NotificationHandler;
import dev.orderly.notifications.wiring.DaggerNotificationComponent;
import dev.orderly.orders.domain.Ids;
import dev.orderly.orders.handler.CancelOrderHandler;
import dev.orderly.orders.handler.ConfirmOrderHandler;
import dev.orderly.orders.handler.GetOrderHandler;
import dev.orderly.orders.handler.PlaceOrderHandler;
import dev.orderly.orders.handler.StartSagaHandler;
import dev.orderly.orders.wiring.DaggerCancelOrderComponent;
import dev.orderly.orders.wiring.DaggerConfirmOrderComponent;
import dev.orderly.orders.wiring.DaggerGetOrderComponent;
import dev.orderly.orders.wiring.DaggerPlaceOrderComponent;
import dev.orderly.orders.wiring.DaggerStartSagaComponent;
import dev.orderly.orderviews.handler.ListOrdersHandler;
import dev.orderly.orderviews.handler.ProjectionHandler;
import dev.orderly.orderviews.wiring.DaggerListOrdersComponent;
import dev.orderly.orderviews.wiring.DaggerProjectionComponent;
import dev.orderly.outboxrelay.RelayHandler;
import dev.orderly.outboxrelay.wiring.DaggerRelayComponent;
import dev.orderly.payments.handler.ChargePaymentHandler;
import dev.orderly.payments.handler.RefundPaymentHandler;
import dev.orderly.payments.wiring.DaggerChargePaymentComponent;
import dev.orderly.payments.wiring.DaggerRefundPaymentComponent;
import dev.orderly.users.handler.GetUserHandler;
import dev.orderly.users.handler.RegisterUserHandler;
import dev.orderly.users.handler.UpdateUserHandler;
import dev.orderly.users.wiring.DaggerGetUserComponent;
import dev.orderly.users.wiring.DaggerRegisterUserComponent;
import dev.orderly.users.wiring.DaggerUpdateUserComponent;
import java.time.Clock;

/**
 * Each function of the template built as the local cloud builds it: the template's {@code Handler}
 * class through its own Dagger component, from the environment the template gives the function.
 * Only the orders functions take an id source: the first order id is the one the samples use, so
 * the samples that follow {@code PlaceOrderFunction} find their order.
 */
public final class Functions {
  private Functions() {}

  /**
   * The handler the template names for {@code functionId}, wired to {@code cloud}: a {@code
   * RequestHandler} or a {@code RequestStreamHandler}.
   */
  public static Object handler(LocalCloud cloud, String functionId, Ids ids) {
    String handler =
        LocalCloud.TEMPLATE
            .at("/Resources/" + functionId + "/Properties/Handler")
            .asText()
            .replace("::handleRequest", "");
    Environment env = cloud.environment(functionId);
    Clock clock = Clock.systemUTC();
    switch (handler.substring(handler.lastIndexOf('.') + 1)) {
      case "PlaceOrderHandler":
        return new PlaceOrderHandler(
            DaggerPlaceOrderComponent.builder().environment(env).clock(clock).ids(ids).build());
      case "GetOrderHandler":
        return new GetOrderHandler(
            DaggerGetOrderComponent.builder().environment(env).clock(clock).ids(ids).build());
      case "ConfirmOrderHandler":
        return new ConfirmOrderHandler(
            DaggerConfirmOrderComponent.builder().environment(env).clock(clock).ids(ids).build());
      case "CancelOrderHandler":
        return new CancelOrderHandler(
            DaggerCancelOrderComponent.builder().environment(env).clock(clock).ids(ids).build());
      case "StartSagaHandler":
        return new StartSagaHandler(DaggerStartSagaComponent.builder().environment(env).build());
      case "ReserveStockHandler":
        return new ReserveStockHandler(
            DaggerReserveStockComponent.builder().environment(env).build());
      case "ReleaseStockHandler":
        return new ReleaseStockHandler(
            DaggerReleaseStockComponent.builder().environment(env).build());
      case "PutStockHandler":
        return new PutStockHandler(DaggerPutStockComponent.builder().environment(env).build());
      case "ChargePaymentHandler":
        return new ChargePaymentHandler(
            DaggerChargePaymentComponent.builder().environment(env).build());
      case "RefundPaymentHandler":
        return new RefundPaymentHandler(
            DaggerRefundPaymentComponent.builder().environment(env).build());
      case "RegisterUserHandler":
        return new RegisterUserHandler(
            DaggerRegisterUserComponent.builder()
                .environment(env)
                .sourcesModule(new dev.orderly.users.wiring.SourcesModule(clock))
                .build());
      case "GetUserHandler":
        return new GetUserHandler(
            DaggerGetUserComponent.builder()
                .environment(env)
                .sourcesModule(new dev.orderly.users.wiring.SourcesModule(clock))
                .build());
      case "UpdateUserHandler":
        return new UpdateUserHandler(
            DaggerUpdateUserComponent.builder()
                .environment(env)
                .sourcesModule(new dev.orderly.users.wiring.SourcesModule(clock))
                .build());
      case "NotificationHandler":
        return new NotificationHandler(
            DaggerNotificationComponent.builder()
                .environment(env)
                .sourcesModule(new dev.orderly.notifications.wiring.SourcesModule(clock))
                .build());
      case "ProjectionHandler":
        return new ProjectionHandler(DaggerProjectionComponent.builder().environment(env).build());
      case "ListOrdersHandler":
        return new ListOrdersHandler(DaggerListOrdersComponent.builder().environment(env).build());
      case "RelayHandler":
        return new RelayHandler(
            DaggerRelayComponent.builder().environment(env).clock(clock).build());
      default:
        throw new IllegalStateException("no wiring for " + handler + " of " + functionId);
    }
  }
}
