package dev.orderly.localcloud.api.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the JWT authorizer decided about one request. */
public sealed interface AuthOutcome permits AuthOutcome.Granted, AuthOutcome.Refused {
  /**
   * The token holds: {@code jwt} is the event's {@code requestContext.authorizer.jwt} ({@code
   * claims}, {@code scopes}); {@code tenant} the {@code tenant_id} claim, or {@code null}.
   */
  record Granted(ObjectNode jwt, String tenant) implements AuthOutcome {}

  /** Refused with this response; {@code reason} goes to the access log's authorizer error. */
  record Refused(GatewayResponse response, String reason) implements AuthOutcome {}
}
