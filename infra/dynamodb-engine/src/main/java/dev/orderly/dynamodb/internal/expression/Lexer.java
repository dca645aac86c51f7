package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; never fails (unknown characters become OTHER tokens). */
final class Lexer {
  private Lexer() {}

  static List<Token> tokenize(String input) {
    List<Token> tokens = new ArrayList<>();
    int n = input.length();
    int i = 0;
    while (i < n) {
      char c = input.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      int start = i;
      Kind kind;
      if (isIdentStart(c)) {
        i = skipWord(input, i + 1);
        kind = Kind.IDENT;
      } else if (isDigit(c)) {
        while (i < n && isDigit(input.charAt(i))) {
          i++;
        }
        kind = Kind.NUMBER;
      } else if ((c == '#' || c == ':') && i + 1 < n && isWordPart(input.charAt(i + 1))) {
        i = skipWord(input, i + 1);
        kind = c == '#' ? Kind.NAME : Kind.VALUE;
      } else {
        i++;
        kind = punctuation(c);
        if (kind == Kind.LT && i < n && input.charAt(i) == '>') {
          kind = Kind.NE;
          i++;
        } else if ((kind == Kind.LT || kind == Kind.GT) && i < n && input.charAt(i) == '=') {
          kind = kind == Kind.LT ? Kind.LE : Kind.GE;
          i++;
        } else if (kind == Kind.OTHER && Character.isHighSurrogate(c) && i < n) {
          if (Character.isLowSurrogate(input.charAt(i))) {
            i++;
          }
        }
      }
      tokens.add(new Token(kind, input.substring(start, i), start, i));
    }
    tokens.add(new Token(Kind.EOF, "<EOF>", n, n));
    return tokens;
  }

  private static Kind punctuation(char c) {
    return switch (c) {
      case '(' -> Kind.LPAREN;
      case ')' -> Kind.RPAREN;
      case '[' -> Kind.LBRACKET;
      case ']' -> Kind.RBRACKET;
      case ',' -> Kind.COMMA;
      case '.' -> Kind.DOT;
      case '=' -> Kind.EQ;
      case '<' -> Kind.LT;
      case '>' -> Kind.GT;
      case '+' -> Kind.PLUS;
      case '-' -> Kind.MINUS;
      default -> Kind.OTHER;
    };
  }

  private static int skipWord(String input, int i) {
    while (i < input.length() && isWordPart(input.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }
}
