package dev.orderly.contracts.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a sample needs to find before it runs, written through the services' own handlers from the
 * samples: stock put, an order placed, a user registered, a payment charged, a view projected.
 */
public final class Seeds {
  private final Invocations run;

  public Seeds(Invocations run) {
    this.run = run;
  }

  /** Places the sample order (its id is {@link Invocations#SAMPLE_ORDER_ID}). */
  public APIGatewayV2HTTPResponse order() {
    return succeeded(run.http("PlaceOrderFunction", Samples.request("PlaceOrderFunction.json")));
  }

  public void stock(String sku, int available) {
    ObjectNode request = Samples.request("PutStockFunction.json");
    Samples.withPathParameter(request, "sku", sku);
    Samples.withBody(request, "{\"available\":" + available + "}");
    succeeded(run.http("PutStockFunction", request));
  }

  /** Stock for every line of the sample order. */
  public void stockForTheSampleOrder() {
    stock("SKU-RED-MUG", 120);
    stock("SKU-TEA-100G", 120);
  }

  /** Registers the sample user and answers the id the service gave it. */
  public String user() {
    APIGatewayV2HTTPResponse registered =
        succeeded(run.http("RegisterUserFunction", Samples.request("RegisterUserFunction.json")));
    return Invocations.parse(registered.getBody()).get("userId").asText();
  }

  public void reservation() {
    stockForTheSampleOrder();
    run.invoke("ReserveStockFunction", Samples.text("ReserveStockFunction.json"));
  }

  public void charge() {
    run.invoke("ChargePaymentFunction", Samples.text("ChargePaymentFunction.json"));
  }

  /** Notifications learn a customer's address from UserRegistered before mailing about orders. */
  public static final String CUSTOMER_SAMPLE = "NotificationFunction-user-registered.json";

  public void customerAddress() {
    run.invoke("NotificationFunction", Samples.text(CUSTOMER_SAMPLE));
  }

  public void view() {
    run.invoke("ProjectionFunction", Samples.text("ProjectionFunction.json"));
  }

  private static APIGatewayV2HTTPResponse succeeded(APIGatewayV2HTTPResponse response) {
    if (response.getStatusCode() / 100 != 2) {
      throw new IllegalStateException("seeding failed: " + response);
    }
    return response;
  }
}
