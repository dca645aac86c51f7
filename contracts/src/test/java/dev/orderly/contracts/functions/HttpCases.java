package dev.orderly.contracts.functions;

import static dev.orderly.contracts.functions.Samples.request;
import static dev.orderly.contracts.functions.Samples.withBody;
import static dev.orderly.contracts.functions.Samples.withHeader;
import static dev.orderly.contracts.functions.Samples.withPathParameter;
import static dev.orderly.contracts.functions.Samples.withQuery;
import static dev.orderly.contracts.functions.Samples.withoutHeader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Requests to every HTTP route, from its sample and a few variations (malformed body, validation
 * failure, unknown id, missing or reused Idempotency-Key, missing or stale If-Match, ...), each
 * with the status, and for a problem the code, the API answers. Each runs on a fresh local cloud,
 * seeding what it needs through the services' own handlers.
 */
public final class HttpCases {
  /** One request: its name, the function it goes to, what it answers, how it is made. */
  public record HttpCase(
      String name, String function, int status, String code, Function<Seeds, ObjectNode> request) {
    @Override
    public String toString() {
      return name;
    }

    /** Runs the request on a fresh local cloud and answers the response. */
    public APIGatewayV2HTTPResponse run() {
      try (LocalCloud cloud = new LocalCloud()) {
        Invocations invocations = new Invocations(cloud);
        ObjectNode event = request.apply(new Seeds(invocations));
        return invocations.http(function, event);
      }
    }
  }

  static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
  private static final String PLACE = "PlaceOrderFunction.json";
  private static final String REGISTER = "RegisterUserFunction.json";
  private static final String UPDATE = "UpdateUserFunction.json";
  private static final String LIST = "ListOrdersFunction.json";

  private HttpCases() {}

  public static List<HttpCase> all() {
    return List.of(
        ok("place order", "PlaceOrderFunction", 201, s -> request(PLACE)),
        problem(
            "place order: malformed body",
            "PlaceOrderFunction",
            400,
            "MALFORMED_BODY",
            s -> withBody(request(PLACE), "{\"customerId\":")),
        problem(
            "place order: quantity 0",
            "PlaceOrderFunction",
            400,
            "VALIDATION_FAILED",
            s -> withBody(request(PLACE), placeBody(0))),
        problem(
            "place order: no Idempotency-Key",
            "PlaceOrderFunction",
            400,
            "IDEMPOTENCY_KEY_MISSING",
            s -> withoutHeader(request(PLACE), "idempotency-key")),
        problem(
            "place order: Idempotency-Key reused",
            "PlaceOrderFunction",
            422,
            "IDEMPOTENCY_KEY_REUSED",
            s -> {
              s.order();
              return withBody(request(PLACE), placeBody(3));
            }),
        problem(
            "place order: text/plain",
            "PlaceOrderFunction",
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            s -> withHeader(request(PLACE), "content-type", "text/plain")),
        problem(
            "place order: body too large",
            "PlaceOrderFunction",
            413,
            "PAYLOAD_TOO_LARGE",
            s -> withBody(request(PLACE), "{\"pad\":\"" + "x".repeat(70_000) + "\"}")),
        ok(
            "get order",
            "GetOrderFunction",
            200,
            s -> {
              s.order();
              return request("GetOrderFunction.json");
            }),
        problem(
            "get order: unknown id",
            "GetOrderFunction",
            404,
            "NOT_FOUND",
            s -> withPathParameter(request("GetOrderFunction.json"), "id", UNKNOWN_ID)),
        ok(
            "list orders",
            "ListOrdersFunction",
            200,
            s -> {
              s.view();
              return request(LIST);
            }),
        ok("list orders: none yet", "ListOrdersFunction", 200, s -> request(LIST)),
        problem(
            "list orders: limit 0",
            "ListOrdersFunction",
            400,
            "VALIDATION_FAILED",
            s -> withQuery(request(LIST), "limit", "0")),
        problem(
            "list orders: forged cursor",
            "ListOrdersFunction",
            400,
            "INVALID_CURSOR",
            s -> withQuery(request(LIST), "cursor", "bm90LWEtY3Vyc29y")),
        ok("put stock", "PutStockFunction", 200, s -> request("PutStockFunction.json")),
        problem(
            "put stock: negative",
            "PutStockFunction",
            400,
            "VALIDATION_FAILED",
            s -> withBody(request("PutStockFunction.json"), "{\"available\":-1}")),
        problem(
            "put stock: malformed body",
            "PutStockFunction",
            400,
            "MALFORMED_BODY",
            s -> withBody(request("PutStockFunction.json"), "[120]")),
        ok("register user", "RegisterUserFunction", 201, s -> request(REGISTER)),
        problem(
            "register user: email taken",
            "RegisterUserFunction",
            409,
            "EMAIL_ALREADY_EXISTS",
            s -> {
              s.user();
              return withHeader(
                  request(REGISTER), "idempotency-key", "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a");
            }),
        problem(
            "register user: invalid email",
            "RegisterUserFunction",
            400,
            "VALIDATION_FAILED",
            s -> withBody(request(REGISTER), "{\"email\":\"ada\",\"name\":\"Ada Lovelace\"}")),
        ok(
            "get user",
            "GetUserFunction",
            200,
            s -> withPathParameter(request("GetUserFunction.json"), "id", s.user())),
        problem(
            "get user: unknown id",
            "GetUserFunction",
            404,
            "NOT_FOUND",
            s -> withPathParameter(request("GetUserFunction.json"), "id", UNKNOWN_ID)),
        ok(
            "update user",
            "UpdateUserFunction",
            200,
            s -> withPathParameter(request(UPDATE), "id", s.user())),
        problem(
            "update user: no If-Match",
            "UpdateUserFunction",
            428,
            "PRECONDITION_REQUIRED",
            s -> withoutHeader(withPathParameter(request(UPDATE), "id", s.user()), "if-match")),
        problem(
            "update user: stale If-Match",
            "UpdateUserFunction",
            412,
            "VERSION_MISMATCH",
            s ->
                withHeader(
                    withPathParameter(request(UPDATE), "id", s.user()), "if-match", "\"7\"")),
        problem(
            "update user: unknown id",
            "UpdateUserFunction",
            404,
            "NOT_FOUND",
            s -> withPathParameter(request(UPDATE), "id", UNKNOWN_ID)),
        problem(
            "update user: malformed body",
            "UpdateUserFunction",
            400,
            "MALFORMED_BODY",
            s -> withBody(withPathParameter(request(UPDATE), "id", s.user()), "{\"name\"")));
  }

  private static HttpCase ok(
      String name, String function, int status, Function<Seeds, ObjectNode> request) {
    return new HttpCase(name, function, status, null, request);
  }

  private static HttpCase problem(
      String name, String function, int status, String code, Function<Seeds, ObjectNode> request) {
    return new HttpCase(name, function, status, code, request);
  }

  private static String placeBody(int quantity) {
    return "{\"customerId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"currency\":\"EUR\","
        + "\"paymentToken\":\"tok_ok\",\"lines\":[{\"sku\":\"SKU-RED-MUG\",\"quantity\":"
        + quantity
        + ",\"unitPrice\":1250}]}";
  }
}
