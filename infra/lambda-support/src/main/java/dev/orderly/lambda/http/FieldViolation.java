package dev.orderly.lambda.http;

import java.util.Objects;

/** One invalid field of a request: its JSON path ({@code lines[2].quantity}) and what is wrong. */
public record FieldViolation(String field, String message) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
