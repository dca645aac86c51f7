package dev.orderly.users.handler;

import static dev.orderly.users.LocalUsers.event;
import static dev.orderly.users.Responses.assertProblem;
import static dev.orderly.users.Responses.body;
import static dev.orderly.users.Responses.headers;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.users.LocalUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /users/{id} from event files: the tenant's own user, or 404. */
class GetUserHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();

  private LocalUsers local;
  private GetUserHandler handler;
  private String aliceId;

  @BeforeEach
  void setUp() {
    local = new LocalUsers(ENGINE.engine());
    handler = local.getHandler();
    APIGatewayV2HTTPResponse registered =
        local
            .registerHandler()
            .handleRequest(event("users_register"), LocalContext.of("users", "r"));
    aliceId = body(registered).path("userId").asText();
  }

  @Test
  void get_answersTheUserWithItsVersionAsETag() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("users_get", aliceId), LocalContext.of("users", "r"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(headers(response))
        .containsEntry("ETag", "\"1\"")
        .containsEntry("Content-Type", "application/json");
    assertThat(body(response).toString())
        .isEqualTo(
            "{\"userId\":\""
                + aliceId
                + "\",\"email\":\"Alice.Smith@example.com\",\"name\":\"Alice Smith\","
                + "\"version\":1,\"createdAt\":\"2026-05-01T10:00:00Z\","
                + "\"updatedAt\":\"2026-05-01T10:00:00Z\"}");
  }

  @Test
  void anotherTenantsUser_is404() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            event("users_get_other_tenant", aliceId), LocalContext.of("users", "r"));

    assertProblem(response, 404, "NOT_FOUND", "corr-users-get-other-tenant");
    assertThat(response.getBody()).doesNotContain("Alice");
  }

  @Test
  void anUnknownUser_is404() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("users_get"), LocalContext.of("users", "r"));

    assertProblem(response, 404, "NOT_FOUND", "corr-users-get");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a#b",
        "USER#x",
        "x12345678901234567890123456789012345678901234567890123456789012345",
        "..%2F"
      })
  void anIdNoUserCouldHave_is404(String id) {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(event("users_get", id), LocalContext.of("users", "r"));

    assertProblem(response, 404, "NOT_FOUND", "corr-users-get");
  }
}
