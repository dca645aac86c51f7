package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.expression.Token.Kind;
import java.util.List;

/**
 * A position in an expression's tokens, shared by the parsers: look-ahead, expectations that fail
 * with DynamoDB's syntax error, and the nesting guard that keeps recursion shallow.
 */
final class TokenCursor {
  /** Levels of parentheses and function calls an expression may nest. */
  static final int MAX_NESTING = 32;

  private final String input;
  private final String parameterName;
  private final List<Token> tokens;
  private int position;
  private int depth;

  TokenCursor(String input, String parameterName) {
    this.input = input;
    this.parameterName = parameterName;
    this.tokens = Lexer.tokenize(input);
  }

  /** Fails with "The expression can not be empty;" for an empty or blank expression. */
  static TokenCursor open(String input, String parameterName) {
    TokenCursor cursor = new TokenCursor(input, parameterName);
    if (cursor.peek().is(Kind.EOF)) {
      throw cursor.invalid("The expression can not be empty;");
    }
    return cursor;
  }

  Token peek() {
    return tokens.get(position);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  Token next() {
    Token token = tokens.get(position);
    if (!token.is(Kind.EOF)) {
      position++;
    }
    return token;
  }

  boolean at(Kind kind) {
    return peek().is(kind);
  }

  boolean atKeyword(String keyword) {
    return peek().isKeyword(keyword);
  }

  Token expect(Kind kind) {
    if (!at(kind)) {
      throw syntaxError();
    }
    return next();
  }

  void expectEnd() {
    if (!at(Kind.EOF)) {
      throw syntaxError();
    }
  }

  /** Enters a parenthesis or function call, failing beyond {@link #MAX_NESTING} levels. */
  void enter() {
    if (++depth > MAX_NESTING) {
      throw invalid("Nesting Levels have exceeded supported limits");
    }
  }

  void exit() {
    depth--;
  }

  /** DynamoDB's syntax error at the current token. */
  DynamoDbException syntaxError() {
    Token token = peek();
    int from = position > 0 ? tokens.get(position - 1).start() : token.start();
    int to;
    if (token.is(Kind.EOF)) {
      to = input.length();
    } else {
      Token following = tokens.get(position + 1);
      to = following.is(Kind.EOF) ? token.end() : following.end();
    }
    return invalid(
        "Syntax error; token: \""
            + token.text()
            + "\", near: \""
            + input.substring(from, to)
            + "\"");
  }

  /** A validation error prefixed with "Invalid ParameterName: ". */
  DynamoDbException invalid(String message) {
    return DynamoDbException.validation("Invalid " + parameterName + ": " + message);
  }
}
