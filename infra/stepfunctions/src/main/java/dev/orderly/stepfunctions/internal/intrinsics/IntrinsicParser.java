package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for intrinsic invocations such as {@code States.Format('{}',
 * States.ArrayGetItem($.items, 0))}. Escapes inside string literals follow the States Language:
 * {@code \'}, {@code \{}, {@code \}} and {@code \\}; any other backslash is an error.
 */
final class IntrinsicParser {
  /** "You can nest up to 10 intrinsic functions within a field" (AWS developer guide). */
  static final int MAX_FUNCTIONS = 10;

  private final String text;
  private int pos;
  private int functions;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  /** Parses one whole invocation; anything after its closing parenthesis is an error. */
  static Expression.Call parse(String expression) {
    if (expression == null) {
      throw error("expression is null");
    }
    IntrinsicParser parser = new IntrinsicParser(expression);
    parser.skipSpace();
    Expression.Call call = parser.call();
    parser.skipSpace();
    if (parser.pos != expression.length()) {
      throw parser.errorAt("unexpected text after the closing parenthesis");
    }
    return call;
  }

  private Expression.Call call() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (!name.startsWith("States.") || name.length() == "States.".length()) {
      throw errorAt("expected an intrinsic function name such as States.Format");
    }
    if (++functions > MAX_FUNCTIONS) {
      throw error("more than " + MAX_FUNCTIONS + " intrinsic functions in one field");
    }
    skipSpace();
    expect('(');
    List<Expression> arguments = new ArrayList<>();
    skipSpace();
    if (peek() == ')') {
      pos++;
      return new Expression.Call(name, arguments);
    }
    while (true) {
      skipSpace();
      arguments.add(argument());
      skipSpace();
      char next = peek();
      pos++;
      if (next == ')') {
        return new Expression.Call(name, arguments);
      }
      if (next != ',') {
        pos--;
        throw errorAt("expected ',' or ')' in the arguments of " + name);
      }
    }
  }

  private Expression argument() {
    char c = peek();
    if (c == '\'') {
      return string();
    }
    if (c == '$') {
      return path();
    }
    if (c == '-' || Character.isDigit(c)) {
      return number();
    }
    if (text.startsWith("true", pos) && !identifierFollows(pos + 4)) {
      pos += 4;
      return new Expression.Literal(BooleanNode.TRUE);
    }
    if (text.startsWith("false", pos) && !identifierFollows(pos + 5)) {
      pos += 5;
      return new Expression.Literal(BooleanNode.FALSE);
    }
    if (text.startsWith("null", pos) && !identifierFollows(pos + 4)) {
      pos += 4;
      return new Expression.Literal(NullNode.getInstance());
    }
    if (text.startsWith("States.", pos)) {
      return call();
    }
    throw errorAt("expected a string, number, boolean, null, path or intrinsic function");
  }

  private Expression.StringLiteral string() {
    pos++; // opening quote
    StringBuilder value = new StringBuilder();
    StringBuilder segment = new StringBuilder();
    List<String> segments = new ArrayList<>();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string literal");
      }
      char c = text.charAt(pos++);
      if (c == '\'') {
        segments.add(segment.toString());
        return new Expression.StringLiteral(value.toString(), segments);
      }
      if (c == '\\') {
        char escaped = pos < text.length() ? text.charAt(pos) : '\0';
        if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
          throw errorAt("open escape backslash; only \\', \\{, \\} and \\\\ are escapes");
        }
        pos++;
        value.append(escaped);
        segment.append(escaped);
      } else if (c == '{' && peek() == '}') {
        pos++;
        value.append("{}");
        segments.add(segment.toString());
        segment.setLength(0);
      } else {
        value.append(c);
        segment.append(c);
      }
    }
  }

  /** A path runs to the next ',' or ')' or space outside brackets, parentheses and quotes. */
  private Expression.Path path() {
    int start = pos;
    int depth = 0;
    char quote = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == '\\') {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        break;
      }
      pos++;
    }
    if (quote != 0 || depth != 0) {
      throw error("unterminated path starting at position " + start);
    }
    return new Expression.Path(text.substring(start, pos));
  }

  private Expression.Literal number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (Character.isDigit(peek())) {
      pos++;
    }
    if (pos == digits) {
      throw errorAt("expected digits after '-'");
    }
    boolean decimal = false;
    if (peek() == '.') {
      decimal = true;
      pos++;
      int fraction = pos;
      while (Character.isDigit(peek())) {
        pos++;
      }
      if (pos == fraction) {
        throw errorAt("expected digits after the decimal point");
      }
    }
    if (identifierFollows(pos)) {
      throw errorAt("malformed number");
    }
    String literal = text.substring(start, pos);
    if (decimal) {
      return new Expression.Literal(DoubleNode.valueOf(Double.parseDouble(literal)));
    }
    BigInteger value = new BigInteger(literal);
    if (value.bitLength() < 32) {
      return new Expression.Literal(IntNode.valueOf(value.intValue()));
    }
    if (value.bitLength() < 64) {
      return new Expression.Literal(LongNode.valueOf(value.longValue()));
    }
    throw error("number out of range: " + literal);
  }

  private boolean identifierFollows(int index) {
    return index < text.length()
        && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '.');
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw errorAt("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IntrinsicFailureException errorAt(String detail) {
    return error(detail + " at position " + pos + " of \"" + text + "\"");
  }

  private static IntrinsicFailureException error(String detail) {
    return new IntrinsicFailureException(
        IntrinsicFailureException.INTRINSIC_FAILURE, "Malformed intrinsic function: " + detail);
  }
}
