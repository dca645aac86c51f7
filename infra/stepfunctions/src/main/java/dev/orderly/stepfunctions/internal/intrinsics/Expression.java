package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed intrinsic argument: a literal, a path, or a nested call. */
sealed interface Expression {

  /** A number, {@code true}, {@code false} or {@code null}. */
  record Literal(JsonNode value) implements Expression {}

  /**
   * A single-quoted string. {@code segments} are the pieces between unescaped {@code {}} pairs, so
   * {@code States.Format} can tell a placeholder from an escaped {@code \{\}}.
   */
  record StringLiteral(String value, List<String> segments) implements Expression {
    public StringLiteral {
      segments = List.copyOf(segments);
    }
  }

  /** A path starting with {@code $} (input) or {@code $$} (context object). */
  record Path(String path) implements Expression {}

  /** A call such as {@code States.Format('{}', $.a)}. */
  record Call(String name, List<Expression> arguments) implements Expression {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }
}
