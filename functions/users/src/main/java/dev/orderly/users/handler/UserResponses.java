package dev.orderly.users.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.ApiResponses;
import dev.orderly.lambda.http.ErrorCode;
import dev.orderly.lambda.http.Problem;
import dev.orderly.users.domain.Update;
import dev.orderly.users.domain.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The users API's answers: the user representation with its version as a strong ETag, and the
 * problems its outcomes map to. The 412 problem carries a {@code currentVersion} member (RFC 9457
 * extension) and the current ETag, so a client can re-read and retry without guessing.
 */
final class UserResponses {
  private UserResponses() {}

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  static ObjectNode representation(User user) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("userId", user.userId());
    body.put("email", user.email().address());
    body.put("name", user.name().value());
    body.put("version", user.version());
    body.put("createdAt", user.createdAt().toString());
    body.put("updatedAt", user.updatedAt().toString());
    return body;
  }

  static APIGatewayV2HTTPResponse ok(User user, ApiRequest request) {
    return ApiResponses.json(
        200, representation(user), request.correlationId(), Map.of("ETag", etag(user.version())));
  }

  static APIGatewayV2HTTPResponse created(User user, ApiRequest request) {
    return ApiResponses.json(
        201,
        representation(user),
        request.correlationId(),
        Map.of("ETag", etag(user.version()), "Location", "/users/" + user.userId()));
  }

  static APIGatewayV2HTTPResponse emailTaken(ApiRequest request) {
    return ApiResponses.problem(
        Problem.of(emailTakenError(), request.path(), request.correlationId()));
  }

  static ApiException emailTakenError() {
    return new ApiException(
        ErrorCode.EMAIL_ALREADY_EXISTS, "A user with this email is already registered.");
  }

  /** An update's outcome as a response: the user, or its problem. */
  static APIGatewayV2HTTPResponse updated(Update outcome, ApiRequest request) {
    if (outcome instanceof Update.Updated updated) {
      return ok(updated.user(), request);
    }
    if (outcome instanceof Update.VersionMismatch mismatch) {
      return versionMismatch(mismatch.currentVersion(), request);
    }
    if (outcome instanceof Update.EmailTaken) {
      throw emailTakenError();
    }
    throw UserRequests.notFound();
  }

  private static APIGatewayV2HTTPResponse versionMismatch(long current, ApiRequest request) {
    Problem problem =
        new Problem(
            ErrorCode.VERSION_MISMATCH,
            "The user has changed since you read it; read it again and reapply your change.",
            List.of(),
            request.path(),
            request.correlationId());
    ObjectNode body = problem.toJson();
    body.put("currentVersion", current);
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/problem+json");
    headers.put(ApiResponses.CORRELATION_HEADER, request.correlationId());
    headers.put("ETag", etag(current));
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(problem.code().status())
        .withHeaders(headers)
        .withBody(body.toString())
        .build();
  }
}
