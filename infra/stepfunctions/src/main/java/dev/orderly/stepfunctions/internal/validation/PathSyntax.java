package dev.orderly.stepfunctions.internal.validation;

/**
 * The syntax of ASL paths as asl-validator 4.0.0 checks it (through asl-path-validator 0.16.1,
 * whose PEG grammar this parser follows rule by rule, ordered choice and all): {@code $} and {@code
 * $$} paths, variables ({@code $name}), intrinsic function calls, and what each use allows — a Path
 * takes no intrinsic function; a reference path also no wildcard, filter, slice, negative index,
 * index list, {@code @} or {@code ..}; a ResultPath also no variable.
 *
 * <p>Two leniencies, both for what AWS accepts: an escaped character may be any character, and a
 * literal argument of an intrinsic function may have a fraction ({@code 1.5}).
 */
final class PathSyntax extends PegParser {
  /** Where a path is used, which decides what it may contain. */
  enum Use {
    PATH,
    REFERENCE_PATH,
    RESULT_PATH,
    PAYLOAD_TEMPLATE
  }

  private static final int FUNCTION = 1;
  private static final int VARIABLE = 2;
  private static final int NOT_REFERENCE = 4;
  private static final String ID_EXCLUDED = "),'\"\\.[] ><!=";
  private static final String[][] FUNCTIONS = {
    {"States.Array", "args"}, {"States.ArrayPartition", "args"}, {"States.ArrayContains", "args"},
    {"States.ArrayRange", "args"}, {"States.ArrayGetItem", "args"}, {"States.ArrayLength", "one"},
    {"States.ArrayUnique", "one"}, {"States.Base64Encode", "one"}, {"States.Base64Decode", "one"},
    {"States.Hash", "args"}, {"States.JsonMerge", "args"}, {"States.StringToJson", "one"},
    {"States.JsonToString", "one"}, {"States.MathRandom", "args"}, {"States.MathAdd", "two"},
    {"States.StringSplit", "args"}, {"States.UUID", "none"}, {"States.Format", "args"}
  };

  private PathSyntax(String text) {
    super(text);
  }

  /** Null when {@code text} is a valid path for {@code use}, else what is wrong with it. */
  static String problem(String text, Use use) {
    PathSyntax parser = new PathSyntax(text);
    if (parser.root(0) != text.length()) {
      return use == Use.PAYLOAD_TEMPLATE
          ? "must be a JSONPath or an intrinsic function call, was " + text
          : "is not a valid " + (use == Use.PATH ? "JSONPath" : "reference path") + ": " + text;
    }
    int found = parser.flags;
    if (use == Use.PAYLOAD_TEMPLATE) {
      return null;
    }
    if ((found & FUNCTION) != 0) {
      return "must be a path, not an intrinsic function: " + text;
    }
    if (use == Use.PATH) {
      return null;
    }
    if ((found & NOT_REFERENCE) != 0) {
      return "must be a reference path to a single node, was " + text;
    }
    if (use == Use.RESULT_PATH && (found & VARIABLE) != 0) {
      return "must not name a variable: " + text;
    }
    return null;
  }

  /** {@code jsonpath = "$$" subscript? _ / variable / "$" subscript? _ / intrinsic_function} */
  private int root(int p) {
    return first(
        p,
        q -> ws(optionalSubscript(lit("$$", q))),
        this::variable,
        q -> ws(optionalSubscript(lit("$", q))),
        this::intrinsic);
  }

  /**
   * {@code jsonpath_ = "$$" subscript? / variable / "$" subscript? / "@" subscript? /
   * intrinsic_function}
   */
  private int path(int p) {
    return first(
        p,
        q -> optionalSubscript(lit("$$", q)),
        this::variable,
        q -> optionalSubscript(lit("$", q)),
        q -> flag(NOT_REFERENCE, optionalSubscript(lit("@", q))),
        this::intrinsic);
  }

  /** {@code jsonpath__ = jsonpath_ / value} */
  private int pathOrValue(int p) {
    return first(p, this::path, this::value);
  }

  /** {@code variable = "$" ID subscript?} */
  private int variable(int p) {
    return flag(VARIABLE, optionalSubscript(id(lit("$", p))));
  }

  /**
   * {@code subscript = ".." bareword subscript? / ".." brackets subscript? / ".*" subscript? / "."
   * bareword subscript? / brackets subscript?}
   */
  private int subscript(int p) {
    return first(
        p,
        q -> flag(NOT_REFERENCE, optionalSubscript(bareword(lit("..", q)))),
        q -> flag(NOT_REFERENCE, optionalSubscript(brackets(lit("..", q)))),
        q -> flag(NOT_REFERENCE, optionalSubscript(lit("*", lit(".", q)))),
        q -> optionalSubscript(bareword(lit(".", q))),
        q -> optionalSubscript(brackets(q)));
  }

  private int optionalSubscript(int p) {
    return optional(p, this::subscript);
  }

  /** {@code bareword = ID / intrinsic_function / "*"} */
  private int bareword(int p) {
    return first(p, this::id, this::intrinsic, q -> lit("*", q));
  }

  /** {@code brackets = "[" _ bracketed _ "]" / "[" _ "*" _ "]" / index list} */
  private int brackets(int p) {
    return first(
        p,
        q -> lit("]", ws(bracketed(ws(lit("[", q))))),
        q -> flag(NOT_REFERENCE, lit("]", ws(lit("*", ws(lit("[", q)))))),
        this::indexList);
  }

  /** {@code [1]}, or {@code [-1]} and {@code [0,2]}, which are no reference paths. */
  private int indexList(int p) {
    int start = p;
    int q = ws(number(optionalMinus(ws(lit("[", p)))));
    boolean list = false;
    while (q >= 0) {
      int next = number(optionalMinus(ws(lit(",", q))));
      if (next < 0) {
        break;
      }
      list = true;
      q = next;
    }
    q = lit("]", ws(q));
    if (q >= 0 && (list || text.substring(start, q).contains("-"))) {
      flags |= NOT_REFERENCE;
    }
    return q;
  }

  /** A string, a slice, an index, a filter {@code ?(...)}, {@code (@.length-N)} or a path. */
  private int bracketed(int p) {
    return first(
        p,
        this::string,
        q -> flag(NOT_REFERENCE, number(optionalMinus(lit(":", number(optionalMinus(q)))))),
        q -> flag(NOT_REFERENCE, lit(":", number(optionalMinus(q)))),
        q -> flag(NOT_REFERENCE, number(optionalMinus(lit(":", q)))),
        this::number,
        q -> flag(NOT_REFERENCE, lit(")", ws(predicate(ws(lit("(", lit("?", q))))))),
        q ->
            flag(
                NOT_REFERENCE,
                lit(")", ws(number(ws(lit("-", ws(lit(".length", lit("@", ws(lit("(", q))))))))))),
        this::path);
  }

  /** {@code predicate = "@." ID _ op _ ID / "@." ID _ op _ value / expression} */
  private int predicate(int p) {
    return first(
        p,
        q -> flag(NOT_REFERENCE, id(ws(comparison(ws(id(lit(".", lit("@", q)))))))),
        q -> flag(NOT_REFERENCE, value(ws(comparison(ws(id(lit(".", lit("@", q)))))))),
        this::expression);
  }

  /** {@code expression = "(" _ expression _ ")" / jsonpath__ _ op _ "-"? NUMBER / jsonpath__} */
  private int expression(int p) {
    return first(
        p,
        q -> lit(")", ws(expression(ws(lit("(", q))))),
        q -> number(optionalMinus(ws(comparison(ws(pathOrValue(q)))))),
        this::pathOrValue);
  }

  private int comparison(int p) {
    return first(
        p,
        q -> lit("==", q),
        q -> lit("<=", q),
        q -> lit("<", q),
        q -> lit(">=", q),
        q -> lit(">", q));
  }

  /** One of the intrinsic functions by name, with its arguments. */
  private int intrinsic(int p) {
    if (p < 0) {
      return FAIL;
    }
    int saved = flags;
    for (String[] function : FUNCTIONS) {
      int q = arguments(lit(function[0], p), function[1]);
      if (q >= 0) {
        flags |= FUNCTION;
        return q;
      }
      flags = saved;
    }
    return FAIL;
  }

  private int arguments(int p, String arity) {
    switch (arity) {
      case "none":
        return lit(")", ws(lit("(", p)));
      case "one":
        return lit(")", ws(pathOrValue(ws(lit("(", p)))));
      case "two":
        return lit(")", ws(mathArgument(ws(lit(",", ws(mathArgument(ws(lit("(", p)))))))));
      default:
        return first(
            p,
            q -> lit(")", ws(lit("(", q))),
            q -> lit(")", ws(moreArguments(pathOrValue(ws(lit("(", q)))))));
    }
  }

  /** {@code ("," _ jsonpath__)*}, with whitespace also allowed before each comma. */
  private int moreArguments(int p) {
    int q = p;
    while (q >= 0) {
      int next = optional(q, r -> pathOrValue(ws(lit(",", ws(r)))));
      if (next == q) {
        return q;
      }
      q = next;
    }
    return FAIL;
  }

  /** {@code jsonpath_ / "-"? NUMBER} */
  private int mathArgument(int p) {
    return first(p, this::path, q -> number(optionalMinus(q)));
  }

  /**
   * {@code value = STRING / "-"? NUMBER / "true" / "false" / "null"}, a NUMBER with a fraction too.
   */
  private int value(int p) {
    return first(
        p,
        this::string,
        q -> optional(number(optionalMinus(q)), r -> number(lit(".", r))),
        q -> lit("true", q),
        q -> lit("false", q),
        q -> lit("null", q));
  }

  private int id(int p) {
    int q = p;
    while (q >= 0 && q < text.length()) {
      char c = text.charAt(q);
      if (c == '\\' && q + 1 < text.length()) {
        q += 2;
      } else if (ID_EXCLUDED.indexOf(c) < 0) {
        q++;
      } else {
        break;
      }
    }
    return q > p ? q : FAIL;
  }

  private int string(int p) {
    if (p < 0 || p >= text.length() || (text.charAt(p) != '\'' && text.charAt(p) != '"')) {
      return FAIL;
    }
    char quote = text.charAt(p);
    for (int q = p + 1; q < text.length(); q++) {
      char c = text.charAt(q);
      if (c == '\\') {
        q++;
      } else if (c == quote) {
        return q + 1;
      }
    }
    return FAIL;
  }

  private int optionalMinus(int p) {
    return optional(p, q -> lit("-", q));
  }
}
