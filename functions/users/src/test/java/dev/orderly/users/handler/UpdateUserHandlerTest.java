package dev.orderly.users.handler;

import static dev.orderly.users.LocalUsers.event;
import static dev.orderly.users.Responses.assertProblem;
import static dev.orderly.users.Responses.body;
import static dev.orderly.users.Responses.headers;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.users.LocalUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PATCH /users/{id} from event files: If-Match missing, stale and current; email moves. */
class UpdateUserHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();

  private LocalUsers local;
  private UpdateUserHandler handler;
  private String aliceId;

  @BeforeEach
  void setUp() {
    local = new LocalUsers(ENGINE.engine());
    handler = local.updateHandler();
    aliceId = register("users_register").path("userId").asText();
  }

  private JsonNode register(String file) {
    APIGatewayV2HTTPResponse response =
        local.registerHandler().handleRequest(event(file), LocalContext.of("users", "r"));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return body(response);
  }

  private APIGatewayV2HTTPResponse patch(String file) {
    return handler.handleRequest(event(file, aliceId), LocalContext.of("users", "r"));
  }

  private APIGatewayV2HTTPResponse patch(String file, String ifMatch) {
    APIGatewayV2HTTPEvent event = event(file, aliceId);
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("if-match", ifMatch);
    event.setHeaders(headers);
    return handler.handleRequest(event, LocalContext.of("users", "r"));
  }

  private JsonNode current() {
    return body(
        local
            .getHandler()
            .handleRequest(event("users_get", aliceId), LocalContext.of("users", "r")));
  }

  @Test
  void withTheCurrentVersion_updatesAndAnswersTheNewETag() {
    APIGatewayV2HTTPResponse response = patch("users_update_name");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(headers(response)).containsEntry("ETag", "\"2\"");
    assertThat(body(response).path("name").asText()).isEqualTo("Alice Jones");
    assertThat(body(response).path("version").asLong()).isEqualTo(2);
    assertThat(current().path("name").asText()).isEqualTo("Alice Jones");
    assertThat(local.items("OUTBOX#T#acme#USER#" + aliceId))
        .extracting(item -> item.get("detailType").s())
        .containsExactly("UserRegistered", "UserUpdated");
  }

  @Test
  void withoutIfMatch_is428AndChangesNothing() {
    APIGatewayV2HTTPResponse response = patch("users_update_no_if_match");

    assertProblem(response, 428, "PRECONDITION_REQUIRED", "corr-users-update-no-if-match");
    assertThat(current().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void withIfMatchStar_is428() {
    assertProblem(
        patch("users_update_wildcard_if_match"),
        428,
        "PRECONDITION_REQUIRED",
        "corr-users-update-wildcard-if-match");
  }

  @Test
  void withAWeakETag_is400NamingIfMatch() {
    JsonNode problem =
        assertProblem(
            patch("users_update_weak_if_match"),
            400,
            "VALIDATION_FAILED",
            "corr-users-update-weak-if-match");
    assertThat(problem.path("violations").get(0).path("field").asText()).isEqualTo("If-Match");
  }

  @Test
  void withAStaleVersion_is412WithTheCurrentVersionAndETag() {
    patch("users_update_name");

    APIGatewayV2HTTPResponse response = patch("users_update_email");

    JsonNode problem = assertProblem(response, 412, "VERSION_MISMATCH", "corr-users-update-email");
    assertThat(problem.path("currentVersion").asLong()).isEqualTo(2);
    assertThat(headers(response)).containsEntry("ETag", "\"2\"");
    assertThat(current().path("email").asText()).isEqualTo("Alice.Smith@example.com");
  }

  @Test
  void aFutureVersion_isAlsoAMismatch() {
    assertProblem(
        patch("users_update_name", "\"7\""), 412, "VERSION_MISMATCH", "corr-users-update-name");
  }

  @Test
  void concurrentUpdatesFromOneVersion_exactlyOneWins() throws Exception {
    int racers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        APIGatewayV2HTTPEvent event = event("users_update_name", aliceId);
        event.setBody("{\"name\":\"Editor " + i + "\"}");
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return handler.handleRequest(event, LocalContext.of("users", "r"));
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<APIGatewayV2HTTPResponse> answer : answers) {
        statuses.add(answer.get(30, TimeUnit.SECONDS).getStatusCode());
      }

      assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
      assertThat(current().path("version").asLong()).isEqualTo(2);
      assertThat(local.items("OUTBOX#T#acme#USER#" + aliceId)).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anEmailChange_movesTheClaim() {
    APIGatewayV2HTTPResponse response = patch("users_update_email");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(body(response).path("email").asText()).isEqualTo("alice@jones.example");
    assertThat(local.items("T#acme#EMAIL#"))
        .extracting(item -> item.get("pk").s())
        .containsExactly("T#acme#EMAIL#alice@jones.example");
    register("users_register_same_email_other_case");
  }

  @Test
  void anEmailChangeToATakenAddress_is409AndChangesNothing() {
    register("users_register_other_tenant");
    APIGatewayV2HTTPEvent bobEvent = event("users_register");
    bobEvent.setHeaders(
        new HashMap<>(Map.of("idempotency-key", "bob", "content-type", "application/json")));
    bobEvent.setBody("{\"email\":\"alice@jones.example\",\"name\":\"Bob\"}");
    assertThat(
            local
                .registerHandler()
                .handleRequest(bobEvent, LocalContext.of("users", "r"))
                .getStatusCode())
        .isEqualTo(201);

    APIGatewayV2HTTPResponse response = patch("users_update_email");

    assertProblem(response, 409, "EMAIL_ALREADY_EXISTS", "corr-users-update-email");
    assertThat(current().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void anotherTenantsUser_is404() {
    APIGatewayV2HTTPEvent event = event("users_update_name", aliceId);
    event.getRequestContext().getAuthorizer().getJwt().getClaims().put("tenant_id", "globex");

    APIGatewayV2HTTPResponse response = handler.handleRequest(event, LocalContext.of("users", "r"));

    assertProblem(response, 404, "NOT_FOUND", "corr-users-update-name");
    assertThat(current().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void aBodyWithNothingToChange_is400() {
    JsonNode problem =
        assertProblem(
            patch("users_update_nothing"), 400, "VALIDATION_FAILED", "corr-users-update-nothing");
    assertThat(problem.path("violations").get(0).path("field").asText()).isEqualTo("email");
  }

  @Test
  void anInvalidBody_is400NamingEveryField() {
    JsonNode problem =
        assertProblem(
            patch("users_update_invalid"), 400, "VALIDATION_FAILED", "corr-users-update-invalid");
    assertThat(problem.path("violations").toString())
        .contains("{\"field\":\"version\",\"message\":\"is not a known field\"}")
        .contains("{\"field\":\"email\",\"message\":\"must contain exactly one @\"}");
  }
}
