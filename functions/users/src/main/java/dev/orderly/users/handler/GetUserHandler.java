package dev.orderly.users.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.http.ApiHandling;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.users.wiring.DaggerGetUserComponent;
import dev.orderly.users.wiring.GetUserComponent;

/** {@code GET /users/{id}}: the caller's tenant's user with its version as ETag, else 404. */
public final class GetUserHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final GetUserComponent component;

  public GetUserHandler() {
    this(DaggerGetUserComponent.builder().environment(Environment.system()).build());
  }

  public GetUserHandler(GetUserComponent component) {
    this.component = component;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Invocation log = component.log().begin(context, ApiRequest.of(event).correlationId());
    return ApiHandling.handle(
        event,
        log,
        request ->
            component
                .users()
                .find(request.tenant(), UserRequests.userId(request))
                .map(user -> UserResponses.ok(user, request))
                .orElseThrow(UserRequests::notFound));
  }
}
