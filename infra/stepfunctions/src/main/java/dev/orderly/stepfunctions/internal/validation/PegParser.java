package dev.orderly.stepfunctions.internal.validation;

import java.util.function.IntUnaryOperator;

/**
 * The few parsing expression grammar (PEG) combinators a hand-written PEG parser needs. A rule is a
 * function from a position in {@link #text} (or {@link #FAIL}) to the position after what it
 * matched (or FAIL), so a sequence reads inside out: {@code lit(")", ws(rule(lit("(", p))))} is
 * {@code "(" rule _ ")"}. Rules may set {@link #flags}; an alternative that fails forgets its own.
 */
abstract class PegParser {
  static final int FAIL = -1;

  final String text;
  int flags;

  PegParser(String text) {
    this.text = text;
  }

  /** Ordered choice: the first alternative that matches. */
  final int first(int p, IntUnaryOperator... alternatives) {
    if (p < 0) {
      return FAIL;
    }
    int saved = flags;
    for (IntUnaryOperator alternative : alternatives) {
      int q = alternative.applyAsInt(p);
      if (q >= 0) {
        return q;
      }
      flags = saved;
    }
    return FAIL;
  }

  /** {@code rule?} */
  final int optional(int p, IntUnaryOperator rule) {
    if (p < 0) {
      return FAIL;
    }
    int saved = flags;
    int q = rule.applyAsInt(p);
    if (q < 0) {
      flags = saved;
      return p;
    }
    return q;
  }

  /** Sets {@code flag} when {@code p} is a match. */
  final int flag(int flag, int p) {
    if (p >= 0) {
      flags |= flag;
    }
    return p;
  }

  final int lit(String literal, int p) {
    return p >= 0 && text.startsWith(literal, p) ? p + literal.length() : FAIL;
  }

  /** {@code [0-9]+} */
  final int number(int p) {
    int q = p;
    while (q >= 0 && q < text.length() && Character.isDigit(text.charAt(q))) {
      q++;
    }
    return q > p ? q : FAIL;
  }

  /** {@code [ \t\n]*} */
  final int ws(int p) {
    int q = p;
    while (q >= 0 && q < text.length() && " \t\n".indexOf(text.charAt(q)) >= 0) {
      q++;
    }
    return q;
  }
}
