package dev.orderly.users.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.http.ApiHandling;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.users.domain.RegisterUser;
import dev.orderly.users.domain.Registration;
import dev.orderly.users.wiring.DaggerRegisterUserComponent;
import dev.orderly.users.wiring.RegisterUserComponent;
import java.time.Duration;

/**
 * {@code POST /users}: registers a user once per Idempotency-Key; 201, or 409 for a taken email.
 */
public final class RegisterUserHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final RegisterUserComponent component;

  public RegisterUserHandler() {
    this(DaggerRegisterUserComponent.builder().environment(Environment.system()).build());
  }

  public RegisterUserHandler(RegisterUserComponent component) {
    this.component = component;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Invocation log = component.log().begin(context, ApiRequest.of(event).correlationId());
    Duration remaining =
        context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis());
    return ApiHandling.handle(
        event,
        log,
        request -> {
          String tenant = request.tenant();
          UserRequests.NewUser body = UserRequests.newUser(request.jsonBody());
          RegisterUser command =
              new RegisterUser(tenant, body.email(), body.name(), request.correlationId());
          return component
              .idempotency()
              .handle(
                  event,
                  tenant,
                  remaining,
                  e -> respond(component.users().register(command), request, log));
        });
  }

  private static APIGatewayV2HTTPResponse respond(
      Registration outcome, ApiRequest request, Invocation log) {
    if (outcome instanceof Registration.Registered registered) {
      log.metric("UserRegistered", 1, "Count");
      return UserResponses.created(registered.user(), request);
    }
    return UserResponses.emailTaken(request);
  }
}
