package dev.orderly.users.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.http.ApiHandling;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.users.domain.UpdateUser;
import dev.orderly.users.wiring.DaggerUpdateUserComponent;
import dev.orderly.users.wiring.UpdateUserComponent;

/**
 * {@code PATCH /users/{id}}: changes name and/or email if {@code If-Match} names the current
 * version (428 without it, 412 with the current version when stale, 409 for a taken email).
 */
public final class UpdateUserHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final UpdateUserComponent component;

  public UpdateUserHandler() {
    this(DaggerUpdateUserComponent.builder().environment(Environment.system()).build());
  }

  public UpdateUserHandler(UpdateUserComponent component) {
    this.component = component;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Invocation log = component.log().begin(context, ApiRequest.of(event).correlationId());
    return ApiHandling.handle(
        event,
        log,
        request -> {
          String tenant = request.tenant();
          String userId = UserRequests.userId(request);
          long expected = UserRequests.expectedVersion(request);
          UserRequests.Changes changes = UserRequests.changes(request.jsonBody());
          UpdateUser command =
              new UpdateUser(
                  tenant,
                  userId,
                  expected,
                  changes.email(),
                  changes.name(),
                  request.correlationId());
          return UserResponses.updated(component.users().update(command), request);
        });
  }
}
