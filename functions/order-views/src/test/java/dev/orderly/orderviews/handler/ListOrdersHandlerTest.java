package dev.orderly.orderviews.handler;

import static dev.orderly.orderviews.OrderEvents.PLACED_AT;
import static dev.orderly.orderviews.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.config.Environment;
import dev.orderly.orderviews.LocalViews;
import dev.orderly.orderviews.domain.Projection;
import dev.orderly.orderviews.wiring.DaggerListOrdersComponent;
import dev.orderly.orderviews.wiring.DaggerProjectionComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /orders} as Lambda runs it: API Gateway events from files, the real component on the
 * engine, views written by the projection's own component.
 */
class ListOrdersHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static DynamoDbClient dynamo;

  private Environment env;
  private ListOrdersHandler list;
  private Projection projection;

  @BeforeAll
  static void connect() {
    dynamo = LocalViews.client(ENGINE.engine().endpoint());
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    env = LocalViews.environment(ENGINE.engine().endpoint(), LocalViews.createTable(dynamo));
    list = new ListOrdersHandler(DaggerListOrdersComponent.builder().environment(env).build());
    projection = DaggerProjectionComponent.builder().environment(env).build().projection();
  }

  private void placeOrders(String tenant, int count) {
    for (int i = 0; i < count; i++) {
      projection.apply(placed(tenant, String.format("o%02d", i), PLACED_AT.plusSeconds(i)));
    }
  }

  private static APIGatewayV2HTTPEvent request(String file, Map<String, String> query) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/" + file);
    if (!query.isEmpty()) {
      event.setQueryStringParameters(query);
    }
    return event;
  }

  private APIGatewayV2HTTPResponse get(String file, Map<String, String> query) {
    return list.handleRequest(request(file, query), null);
  }

  @Test
  void fortyFiveOrders_pageThroughInTwentiesNewestFirst() {
    placeOrders("tenant-a", 45);
    List<Integer> sizes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Map<String, String> query = new HashMap<>(Map.of("limit", "20"));
    JsonNode page;
    do {
      APIGatewayV2HTTPResponse response = get("apigw_list-orders.json", query);
      assertThat(response.getStatusCode()).isEqualTo(200);
      assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
      page = Responses.json(response);
      sizes.add(page.path("items").size());
      page.path("items").forEach(item -> ids.add(item.path("orderId").asText()));
      query.put("cursor", page.path("nextCursor").asText());
    } while (page.has("nextCursor"));

    assertThat(sizes).containsExactly(20, 20, 5);
    assertThat(ids)
        .isEqualTo(IntStream.range(0, 45).mapToObj(i -> String.format("o%02d", 44 - i)).toList());
  }

  @Test
  void defaultLimit_isTwenty() {
    placeOrders("tenant-a", 21);

    JsonNode page = Responses.json(get("apigw_list-orders.json", Map.of()));

    assertThat(page.path("items").size()).isEqualTo(20);
    assertThat(page.has("nextCursor")).isTrue();
  }

  @Test
  void otherTenant_seesNoneOfTheseOrders() {
    placeOrders("tenant-a", 3);

    JsonNode page = Responses.json(get("apigw_list-orders_tenant-b.json", Map.of()));

    assertThat(page.path("items").isEmpty()).isTrue();
    assertThat(page.has("nextCursor")).isFalse();
  }

  @Test
  void cursorIssuedToAnotherTenant_isInvalidCursor() {
    placeOrders("tenant-b", 3);
    String cursor =
        Responses.json(get("apigw_list-orders_tenant-b.json", Map.of("limit", "1")))
            .path("nextCursor")
            .asText();

    APIGatewayV2HTTPResponse response = get("apigw_list-orders.json", Map.of("cursor", cursor));

    Responses.assertProblem(response, 400, "INVALID_CURSOR");
  }

  @Test
  void garbageCursor_isInvalidCursor() {
    JsonNode problem =
        Responses.assertProblem(
            get("apigw_list-orders_garbage-cursor.json", Map.of()), 400, "INVALID_CURSOR");

    assertThat(problem.path("correlationId").asText()).isEqualTo("corr-list-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"apigw_list-orders_limit-0.json", "apigw_list-orders_limit-abc.json"})
  void limitOutOfRange_isAViolationOnLimit(String file) {
    JsonNode problem = Responses.assertProblem(get(file, Map.of()), 400, "VALIDATION_FAILED");

    assertThat(problem.path("violations")).hasSize(1);
    assertThat(problem.path("violations").get(0).path("field").asText()).isEqualTo("limit");
  }

  @Test
  void limitOfAHundredAndOne_isRefused_aHundredAccepted() {
    Responses.assertProblem(
        get("apigw_list-orders.json", Map.of("limit", "101")), 400, "VALIDATION_FAILED");
    assertThat(get("apigw_list-orders.json", Map.of("limit", "100")).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void tokenWithoutTenant_isUnauthorized() {
    Responses.assertProblem(get("apigw_list-orders_no-tenant.json", Map.of()), 401, "UNAUTHORIZED");
  }

  @Test
  void storeFailure_isA500ThatLeaksNothing() {
    Environment broken = LocalViews.environment(ENGINE.engine().endpoint(), "no-such-table");
    ListOrdersHandler handler =
        new ListOrdersHandler(DaggerListOrdersComponent.builder().environment(broken).build());

    APIGatewayV2HTTPResponse response =
        handler.handleRequest(request("apigw_list-orders.json", Map.of()), null);

    JsonNode problem = Responses.assertProblem(response, 500, "INTERNAL_ERROR");
    assertThat(response.getBody()).doesNotContain("no-such-table", "ResourceNotFound");
    assertThat(problem.path("detail").asText())
        .isEqualTo("The request could not be completed; retry later.");
  }
}
