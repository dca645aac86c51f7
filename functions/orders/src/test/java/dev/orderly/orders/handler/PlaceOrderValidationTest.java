package dev.orderly.orders.handler;

import static dev.orderly.orders.testing.Problems.assertProblem;
import static dev.orderly.orders.testing.Problems.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.orders.domain.OrderLimits;
import dev.orderly.orders.testing.OrdersFunctions;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The body rules of POST /orders at every boundary, each row one change to the sample event's valid
 * body: accepted rows place the order; refused rows are a 400 problem naming the field, and write
 * nothing.
 */
class PlaceOrderValidationTest {
  @RegisterExtension static DynamoDbEngineExtension engine = new DynamoDbEngineExtension();

  private static final AtomicInteger KEYS = new AtomicInteger();
  private final LocalContext context = LocalContext.of("orders-place-order", "test-request");
  private OrdersFunctions functions;
  private PlaceOrderHandler handler;

  @BeforeEach
  void setUp() {
    functions = new OrdersFunctions(engine.engine());
    handler = new PlaceOrderHandler(functions.place());
  }

  private static ObjectNode sampleBody() {
    return (ObjectNode) json(PlaceOrderHandlerTest.event("apigw_place_order.json").getBody());
  }

  private static ObjectNode line(ObjectNode body, int i) {
    return (ObjectNode) body.withArray("lines").get(i);
  }

  private static ArrayNode lines(ObjectNode body, int count, int quantity, long unitPrice) {
    ArrayNode lines = body.putArray("lines");
    for (int i = 0; i < count; i++) {
      lines
          .addObject()
          .put("sku", "SKU-" + i)
          .put("quantity", quantity)
          .put("unitPrice", unitPrice);
    }
    return lines;
  }

  private static Arguments row(String name, Consumer<ObjectNode> change, Object expected) {
    return arguments(name, change, expected);
  }

  static Stream<Arguments> accepted() {
    long max = OrderLimits.MAX_UNIT_PRICE;
    return Stream.of(
        row("1 line", b -> lines(b, 1, 1, 1), 1L),
        row("50 lines", b -> lines(b, 50, 1, 1), 50L),
        row("quantity 1", b -> lines(b, 1, 1, 7), 7L),
        row("quantity 1000", b -> lines(b, 1, 1000, 7), 7_000L),
        row("unitPrice 1", b -> lines(b, 1, 3, 1), 3L),
        row("unitPrice max", b -> lines(b, 1, 1, max), max),
        row("largest order", b -> lines(b, 50, 1000, max), 50L * 1000 * max),
        row("JPY", b -> b.put("currency", "JPY"), 2_599L),
        row("64-char sku", b -> line(b, 0).put("sku", "S".repeat(64)), 2_599L));
  }

  static Stream<Arguments> refused() {
    long max = OrderLimits.MAX_UNIT_PRICE;
    return Stream.of(
        row("0 lines", b -> b.putArray("lines"), "lines"),
        row("51 lines", b -> lines(b, 51, 1, 1), "lines"),
        row("lines missing", b -> b.remove("lines"), "lines"),
        row("lines not an array", b -> b.put("lines", "SKU-1"), "lines"),
        row("line not an object", b -> b.putArray("lines").add(5), "lines[0]"),
        row("quantity 0", b -> line(b, 0).put("quantity", 0), "lines[0].quantity"),
        row("quantity 1001", b -> line(b, 0).put("quantity", 1001), "lines[0].quantity"),
        row("quantity -1", b -> line(b, 0).put("quantity", -1), "lines[0].quantity"),
        row("quantity 1.5", b -> line(b, 0).put("quantity", 1.5), "lines[0].quantity"),
        row("quantity missing", b -> line(b, 1).remove("quantity"), "lines[1].quantity"),
        row("unitPrice 0", b -> line(b, 0).put("unitPrice", 0), "lines[0].unitPrice"),
        row("unitPrice max + 1", b -> line(b, 0).put("unitPrice", max + 1), "lines[0].unitPrice"),
        row(
            "unitPrice beyond a long",
            b -> line(b, 0).put("unitPrice", new BigInteger("9223372036854775808")),
            "lines[0].unitPrice"),
        row(
            "unitPrice Long.MAX_VALUE",
            b -> line(b, 0).put("unitPrice", Long.MAX_VALUE),
            "lines[0].unitPrice"),
        row("unitPrice 12.5", b -> line(b, 0).put("unitPrice", 12.5), "lines[0].unitPrice"),
        row("unitPrice as text", b -> line(b, 0).put("unitPrice", "1250"), "lines[0].unitPrice"),
        row("currency lower case", b -> b.put("currency", "eur"), "currency"),
        row("currency unknown", b -> b.put("currency", "ABC"), "currency"),
        row("currency without minor units", b -> b.put("currency", "XXX"), "currency"),
        row("currency too long", b -> b.put("currency", "EURO"), "currency"),
        row("currency missing", b -> b.remove("currency"), "currency"),
        row("currency a number", b -> b.put("currency", 978), "currency"),
        row("unknown field", b -> b.put("discount", 10), "discount"),
        row("unknown line field", b -> line(b, 1).put("color", "red"), "lines[1].color"),
        row("customerId blank", b -> b.put("customerId", "  "), "customerId"),
        row("customerId too long", b -> b.put("customerId", "c".repeat(65)), "customerId"),
        row("customerId a number", b -> b.put("customerId", 42), "customerId"),
        row("customerId null", b -> b.putNull("customerId"), "customerId"),
        row("paymentToken missing", b -> b.remove("paymentToken"), "paymentToken"),
        row("paymentToken too long", b -> b.put("paymentToken", "t".repeat(257)), "paymentToken"),
        row("sku blank", b -> line(b, 0).put("sku", ""), "lines[0].sku"),
        row("sku too long", b -> line(b, 0).put("sku", "S".repeat(65)), "lines[0].sku"),
        row("sku twice", b -> line(b, 1).put("sku", "SKU-1"), "lines[1].sku"));
  }

  private APIGatewayV2HTTPResponse post(Consumer<ObjectNode> change) {
    ObjectNode body = sampleBody();
    change.accept(body);
    APIGatewayV2HTTPEvent event =
        PlaceOrderHandlerTest.withKey(
            PlaceOrderHandlerTest.event("apigw_place_order.json"), "key-" + KEYS.incrementAndGet());
    event.setBody(body.toString());
    return handler.handleRequest(event, context);
  }

  @ParameterizedTest(name = "{0}: placed, total {2}")
  @MethodSource("accepted")
  void accepted_placesTheOrder(String name, Consumer<ObjectNode> change, long total) {
    APIGatewayV2HTTPResponse response = post(change);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    assertThat(json(response.getBody()).path("total").asLong()).isEqualTo(total);
    assertThat(functions.tables.all()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}: 400 on {2}")
  @MethodSource("refused")
  void refused_isAProblemNamingTheFieldAndWritesNothing(
      String name, Consumer<ObjectNode> change, String field) {
    APIGatewayV2HTTPResponse response = post(change);

    JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(problem.path("violations").findValuesAsText("field")).containsExactly(field);
    assertThat(problem.path("violations").findValuesAsText("message"))
        .allSatisfy(message -> assertThat(message).isNotBlank());
    assertThat(functions.tables.all()).isEmpty();
  }
}
