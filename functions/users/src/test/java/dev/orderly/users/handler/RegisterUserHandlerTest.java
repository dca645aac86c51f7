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

/** POST /users from event files, through the real component on the in-process engine. */
class RegisterUserHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();

  private LocalUsers local;
  private RegisterUserHandler handler;

  @BeforeEach
  void setUp() {
    local = new LocalUsers(ENGINE.engine());
    handler = local.registerHandler();
  }

  private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, LocalContext.of("users", "req-1"));
  }

  @Test
  void register_answers201WithLocationVersionOneAndTheNormalisedEmail() {
    APIGatewayV2HTTPResponse response = post(event("users_register"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    JsonNode user = body(response);
    String id = user.path("userId").asText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(headers(response))
        .containsEntry("Location", "/users/" + id)
        .containsEntry("ETag", "\"1\"")
        .containsEntry("Content-Type", "application/json")
        .containsEntry("X-Correlation-Id", "corr-users-register");
    assertThat(user.path("email").asText()).isEqualTo("Alice.Smith@example.com");
    assertThat(user.path("name").asText()).isEqualTo("Alice Smith");
    assertThat(user.path("version").asLong()).isEqualTo(1);
    assertThat(user.path("createdAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
    assertThat(local.items("OUTBOX#T#acme#USER#" + id))
        .singleElement()
        .satisfies(entry -> assertThat(entry.get("detailType").s()).isEqualTo("UserRegistered"));
  }

  @Test
  void aGivenIdSource_namesTheUserAndItsLocation() {
    RegisterUserHandler numbered = local.registerHandler(() -> "user-0001");

    APIGatewayV2HTTPResponse response =
        numbered.handleRequest(event("users_register"), LocalContext.of("users", "req-2"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    assertThat(body(response).path("userId").asText()).isEqualTo("user-0001");
    assertThat(headers(response)).containsEntry("Location", "/users/user-0001");
  }

  @Test
  void aRepeatedRequest_replaysTheFirstAnswerAndRegistersOnce() {
    APIGatewayV2HTTPResponse first = post(event("users_register"));
    APIGatewayV2HTTPResponse again = post(event("users_register"));

    assertThat(again.getStatusCode()).isEqualTo(201);
    assertThat(again.getBody()).isEqualTo(first.getBody());
    assertThat(headers(again)).containsEntry("Idempotent-Replayed", "true");
    assertThat(local.items("T#acme#USER#")).hasSize(1);
    assertThat(local.items("OUTBOX#")).hasSize(1);
  }

  @Test
  void theSameEmailInAnotherCase_is409EmailAlreadyExists() {
    post(event("users_register"));

    APIGatewayV2HTTPResponse response = post(event("users_register_same_email_other_case"));

    JsonNode problem =
        assertProblem(
            response, 409, "EMAIL_ALREADY_EXISTS", "corr-users-register-same-email-other-case");
    assertThat(problem.path("instance").asText()).isEqualTo("/users");
    assertThat(local.items("T#acme#USER#")).hasSize(1);
    assertThat(local.items("OUTBOX#")).hasSize(1);
  }

  @Test
  void theSameEmailInAnotherTenant_registers() {
    post(event("users_register"));

    APIGatewayV2HTTPResponse response = post(event("users_register_other_tenant"));

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(local.items("T#globex#USER#")).hasSize(1);
  }

  @Test
  void concurrentRegistrationsOfOneEmail_exactlyOneWins() throws Exception {
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        APIGatewayV2HTTPEvent event = event("users_register");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", "race-" + i);
        event.setHeaders(headers);
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return post(event);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<APIGatewayV2HTTPResponse> answer : answers) {
        statuses.add(answer.get(30, TimeUnit.SECONDS).getStatusCode());
      }

      assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
      assertThat(local.items("T#acme#USER#")).hasSize(1);
      assertThat(local.items("T#acme#EMAIL#")).hasSize(1);
      assertThat(local.items("OUTBOX#")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInvalidBody_is400NamingEveryField() {
    APIGatewayV2HTTPResponse response = post(event("users_register_invalid_body"));

    JsonNode problem =
        assertProblem(response, 400, "VALIDATION_FAILED", "corr-users-register-invalid-body");
    assertThat(problem.path("violations").toString())
        .contains("{\"field\":\"role\",\"message\":\"is not a known field\"}")
        .contains("{\"field\":\"email\",\"message\":\"domain must contain a dot\"}")
        .contains("{\"field\":\"name\",\"message\":\"must not be blank\"}");
    assertThat(problem.path("violations")).hasSize(3);
    assertThat(local.items("")).isEmpty();
  }

  @Test
  void withoutIdempotencyKey_is400() {
    APIGatewayV2HTTPResponse response = post(event("users_register_no_idempotency_key"));

    assertProblem(
        response, 400, "IDEMPOTENCY_KEY_MISSING", "corr-users-register-no-idempotency-key");
    assertThat(local.items("")).isEmpty();
  }

  @Test
  void aBodyThatIsNotJson_is400MalformedBody() {
    APIGatewayV2HTTPResponse response = post(event("users_register_malformed_body"));

    assertProblem(response, 400, "MALFORMED_BODY", "corr-users-register-malformed-body");
  }

  @Test
  void aTokenWithoutTenant_is401() {
    APIGatewayV2HTTPResponse response = post(event("users_register_no_tenant"));

    assertProblem(response, 401, "UNAUTHORIZED", "corr-users-register-no-tenant");
    assertThat(local.items("")).isEmpty();
  }

  @Test
  void aStoreFailure_is500WithNothingLeakedAndNotReplayed() {
    local.dynamo.deleteTable(b -> b.tableName(local.usersTable));

    APIGatewayV2HTTPResponse response = post(event("users_register"));

    JsonNode problem = assertProblem(response, 500, "INTERNAL_ERROR", "corr-users-register");
    assertThat(problem.path("detail").asText())
        .isEqualTo("The request could not be completed; retry later.");
    assertThat(headers(response)).doesNotContainKey("Idempotent-Replayed");
  }
}
