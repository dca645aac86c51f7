package dev.orderly.dynamodb.internal.expression;

/** A lexical token with its position in the expression ({@code [start, end)}). */
record Token(Kind kind, String text, int start, int end) {

  enum Kind {
    /** A word starting with a letter or underscore: an attribute name, keyword or function. */
    IDENT,
    /** {@code #name}: an expression attribute name placeholder. */
    NAME,
    /** {@code :value}: an expression attribute value placeholder. */
    VALUE,
    /** A run of digits (only meaningful as a list index). */
    NUMBER,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    DOT,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    /** Any other character, which no grammar accepts. */
    OTHER,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** True for an identifier spelling the keyword, compared case-insensitively. */
  boolean isKeyword(String keyword) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
  }

  boolean isComparator() {
    return switch (kind) {
      case EQ, NE, LT, LE, GT, GE -> true;
      default -> false;
    };
  }
}
