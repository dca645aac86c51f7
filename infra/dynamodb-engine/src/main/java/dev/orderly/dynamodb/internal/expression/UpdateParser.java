package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.expression.SemanticErrors.Slot;
import dev.orderly.dynamodb.internal.expression.Token.Kind;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for update expressions: {@code SET}, {@code REMOVE}, {@code ADD} and
 * {@code DELETE} clauses, each at most once, in any order. Semantic checks follow dynalite.
 */
final class UpdateParser extends ParserBase {
  private static final Set<String> KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");
  private static final Map<String, Integer> FUNCTIONS =
      Map.of("if_not_exists", 2, "list_append", 2, "+", 2, "-", 2);
  private static final Map<String, String> OPERAND_TYPES =
      Map.of(
          "S", "STRING",
          "N", "NUMBER",
          "B", "BINARY",
          "NULL", "NULL",
          "BOOL", "BOOLEAN",
          "L", "LIST",
          "M", "MAP");

  private final List<UpdateAction> actions = new ArrayList<>();
  private final Set<String> sections = new HashSet<>();
  private final PathChecks pathChecks = new PathChecks(errors);

  private UpdateParser(TokenCursor in, ExpressionAttributes attrs) {
    super(in, attrs, KEYWORDS, Slot.ATTR_NAME, Slot.ATTR_VAL);
  }

  static Update parse(String expression, ExpressionAttributes attrs) {
    UpdateParser parser = new UpdateParser(TokenCursor.open(expression, "UpdateExpression"), attrs);
    parser.parseSections();
    String error =
        parser.errors.first(
            Slot.RESERVED,
            Slot.UNKNOWN_FUNCTION,
            Slot.SECTION,
            Slot.ATTR_NAME,
            Slot.ATTR_VAL,
            Slot.PATH_OVERLAP,
            Slot.PATH_CONFLICT,
            Slot.OPERAND,
            Slot.FUNCTION,
            Slot.LIMIT);
    if (error != null) {
      throw parser.in.invalid(error);
    }
    return new Update(parser.actions, parser.nestedPathHeads);
  }

  private void parseSections() {
    do {
      Token keyword = in.peek();
      if (!isKeyword(keyword)) {
        throw in.syntaxError();
      }
      in.next();
      Update.Kind kind = Update.Kind.valueOf(keyword.text().toUpperCase(Locale.ROOT));
      parseAction(kind);
      while (in.at(Kind.COMMA)) {
        in.next();
        parseAction(kind);
      }
      if (!errors.has(Slot.SECTION) && !sections.add(kind.name())) {
        errors.set(
            Slot.SECTION,
            "The \"" + kind.name() + "\" section can only be used once in an update expression;");
      }
    } while (!in.at(Kind.EOF));
  }

  private void parseAction(Update.Kind kind) {
    Operand.Path path = readPath();
    switch (kind) {
      case SET:
        in.expect(Kind.EQ);
        Operand value = parseSetValue();
        pathChecks.add(path.elements());
        actions.add(new UpdateAction(kind, path.elements(), value, Operand.staticType(value)));
        break;
      case REMOVE:
        pathChecks.add(path.elements());
        actions.add(new UpdateAction(kind, path.elements(), null, null));
        break;
      default:
        Operand.Value operand = readValue();
        pathChecks.add(path.elements());
        actions.add(new UpdateAction(kind, path.elements(), operand, checkOperator(kind, operand)));
        break;
    }
  }

  /** ADD takes numbers and sets, DELETE only sets. */
  private String checkOperator(Update.Kind kind, Operand.Value operand) {
    AttributeValue value = operand.value();
    if (errors.has(Slot.OPERAND) || value == null) {
      return null;
    }
    String type = value.type();
    String typeName = OPERAND_TYPES.get(type);
    if (typeName != null && !(kind == Update.Kind.ADD && type.equals("N"))) {
      errors.set(
          Slot.OPERAND,
          "Incorrect operand type for operator or function; operator: "
              + kind.name()
              + ", operand type: "
              + typeName);
    }
    return type;
  }

  /** {@code term [+|- term]} where a term is an operand or a parenthesised value. */
  private Operand parseSetValue() {
    Operand left = parseSetTerm();
    if (!in.at(Kind.PLUS) && !in.at(Kind.MINUS)) {
      return left;
    }
    String operator = in.next().text();
    Operand right = parseSetTerm();
    String type = checkFunction(operator, List.of(left, right));
    return new Operand.Arithmetic(operator.equals("+"), left, right, type);
  }

  private Operand parseSetTerm() {
    if (!in.at(Kind.LPAREN)) {
      return parseOperand();
    }
    in.enter();
    in.next();
    Operand value = parseSetValue();
    in.expect(Kind.RPAREN);
    in.exit();
    return value;
  }

  private Operand parseOperandParens() {
    if (!in.at(Kind.LPAREN)) {
      return parseOperand();
    }
    in.enter();
    in.next();
    Operand operand = parseOperandParens();
    in.expect(Kind.RPAREN);
    in.exit();
    return operand;
  }

  private Operand parseOperand() {
    Token token = in.peek();
    if (token.is(Kind.VALUE)) {
      return readValue();
    }
    if (token.is(Kind.IDENT) && !isKeyword(token) && in.peek(1).is(Kind.LPAREN)) {
      String name = in.next().text();
      in.next();
      in.enter();
      List<Operand> args = new ArrayList<>();
      args.add(parseOperandParens());
      while (in.at(Kind.COMMA)) {
        in.next();
        args.add(parseOperandParens());
      }
      in.expect(Kind.RPAREN);
      in.exit();
      return new Operand.Call(name, args, checkFunction(name, args));
    }
    return readPath();
  }

  /** Checks a function or operator; returns its result type when known at parse time. */
  private String checkFunction(String name, List<Operand> args) {
    if (errors.has(Slot.UNKNOWN_FUNCTION)) {
      return null;
    }
    Integer operands = FUNCTIONS.get(name);
    if (operands == null) {
      errors.set(Slot.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
      return null;
    }
    if (errors.has(Slot.FUNCTION)) {
      return null;
    }
    if (operands != args.size()) {
      return functionError(
          "Incorrect number of operands for operator or function; operator or function: "
              + name
              + ", number of operands: "
              + args.size());
    }
    if (name.equals("if_not_exists")) {
      if (!(args.get(0) instanceof Operand.Path)) {
        return functionError(
            "Operator or function requires a document path; operator or function: " + name);
      }
      return Operand.staticType(args.get(1));
    }
    String required = name.equals("list_append") ? "L" : "N";
    for (Operand arg : args) {
      String type = Operand.immediateType(arg);
      if (type != null && !type.equals(required)) {
        return functionError(
            "Incorrect operand type for operator or function; operator or function: "
                + name
                + ", operand type: "
                + type);
      }
    }
    return required;
  }

  private String functionError(String message) {
    errors.set(Slot.FUNCTION, message);
    return null;
  }
}
