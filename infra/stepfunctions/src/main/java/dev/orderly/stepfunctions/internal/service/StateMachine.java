package dev.orderly.stepfunctions.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A created state machine: its definition as given (text) and parsed. */
public record StateMachine(
    String arn,
    String name,
    String type,
    String definitionText,
    JsonNode definition,
    String roleArn,
    Instant creationDate) {

  public boolean express() {
    return "EXPRESS".equals(type);
  }
}
