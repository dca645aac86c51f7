package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.expression.SemanticErrors.Slot;
import dev.orderly.dynamodb.internal.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for condition expressions (ConditionExpression, FilterExpression,
 * KeyConditionExpression). Precedence: OR < AND < NOT < comparisons, BETWEEN, IN and functions.
 * Semantic checks run as each node completes, in dynalite's order, into {@link SemanticErrors};
 * they are reported only when the whole expression parsed.
 */
final class ConditionParser extends ParserBase {
  private static final Set<String> KEYWORDS = Set.of("BETWEEN", "IN", "AND", "OR", "NOT");
  static final int MAX_IN_OPERANDS = 100;

  private final ConditionChecks checks;

  /**
   * What a parse step produced: a condition, or an operand followed by {@code )} whose meaning
   * (operand or function condition) the enclosing parenthesis decides; {@code group} tells whether
   * it was itself parenthesised, to detect redundant parentheses.
   */
  private record Item(ConditionNode condition, Operand operand, boolean group) {
    static Item condition(ConditionNode node, boolean group) {
      return new Item(node, null, group);
    }

    static Item operand(Operand operand, boolean group) {
      return new Item(null, operand, group);
    }
  }

  private ConditionParser(TokenCursor in, ExpressionAttributes attrs) {
    super(in, attrs, KEYWORDS, Slot.ATTR_NAME_VAL, Slot.ATTR_NAME_VAL);
    this.checks = new ConditionChecks(errors);
  }

  /** Parses and checks; fails with "Invalid {parameterName}: ..." as DynamoDB does. */
  static Condition parse(String expression, ExpressionAttributes attrs, String parameterName) {
    ConditionParser parser =
        new ConditionParser(TokenCursor.open(expression, parameterName), attrs);
    ConditionNode root = parser.parseRoot();
    String error =
        parser.errors.first(
            Slot.PARENS,
            Slot.UNKNOWN_FUNCTION,
            Slot.MISUSED_FUNCTION,
            Slot.RESERVED,
            Slot.CONDITION,
            Slot.LIMIT);
    if (error != null) {
      throw parser.in.invalid(error);
    }
    return new Condition(root, parser.pathHeads, parser.nestedPathHeads);
  }

  private ConditionNode parseRoot() {
    ConditionNode root = requireCondition(parseOr());
    in.expectEnd();
    checks.misusedSize(root);
    return root;
  }

  private Item parseOr() {
    Item first = parseAnd();
    if (!in.atKeyword("OR")) {
      return first;
    }
    List<ConditionNode> parts = new ArrayList<>();
    parts.add(requireCondition(first));
    while (in.atKeyword("OR")) {
      in.next();
      parts.add(requireCondition(parseAnd()));
    }
    parts.forEach(checks::misusedSize);
    return Item.condition(new ConditionNode.Or(parts), false);
  }

  private Item parseAnd() {
    Item first = parseNot();
    if (!in.atKeyword("AND")) {
      return first;
    }
    List<ConditionNode> parts = new ArrayList<>();
    parts.add(requireCondition(first));
    while (in.atKeyword("AND")) {
      in.next();
      parts.add(requireCondition(parseNot()));
    }
    parts.forEach(checks::misusedSize);
    return Item.condition(new ConditionNode.And(parts), false);
  }

  private Item parseNot() {
    if (!in.atKeyword("NOT")) {
      return parsePrimary();
    }
    in.next();
    ConditionNode operand = requireCondition(parsePrimary());
    checks.misusedSize(operand);
    return Item.condition(new ConditionNode.Not(operand), false);
  }

  /** A parenthesised condition or operand, or a comparison, BETWEEN, IN or function. */
  private Item parsePrimary() {
    if (!in.at(Kind.LPAREN)) {
      if (!startsOperand(in.peek())) {
        throw in.syntaxError();
      }
      return afterOperand(parseOperand(), false);
    }
    in.enter();
    in.next();
    Item inner = parseOr();
    in.expect(Kind.RPAREN);
    in.exit();
    if (inner.group()) {
      checks.redundantParentheses();
    }
    if (inner.condition() != null) {
      return Item.condition(inner.condition(), true);
    }
    return afterOperand(inner.operand(), true);
  }

  private Item afterOperand(Operand left, boolean group) {
    Token token = in.peek();
    if (token.isComparator()) {
      in.next();
      Operand right = parseOperandParens();
      checks.misusedFunction(List.of(left, right));
      checks.distinct(token.text(), List.of(left, right));
      return Item.condition(leaf(new ConditionNode.Compare(token.text(), left, right)), false);
    }
    if (token.isKeyword("BETWEEN")) {
      in.next();
      Operand lower = parseOperandParens();
      if (!in.atKeyword("AND")) {
        throw in.syntaxError();
      }
      in.next();
      Operand upper = parseOperandParens();
      checks.misusedFunction(List.of(left, lower, upper));
      checks.betweenBounds(lower, upper);
      return Item.condition(leaf(new ConditionNode.Between(left, lower, upper)), false);
    }
    if (token.isKeyword("IN")) {
      in.next();
      in.expect(Kind.LPAREN);
      List<Operand> candidates = parseOperandList();
      in.expect(Kind.RPAREN);
      List<Operand> all = new ArrayList<>();
      all.add(left);
      all.addAll(candidates);
      checks.misusedFunction(all);
      if (candidates.size() > MAX_IN_OPERANDS) {
        errors.setFirst(
            Slot.LIMIT,
            "The IN operator is provided with too many operands; number of operands: "
                + candidates.size());
      }
      return Item.condition(leaf(new ConditionNode.In(left, candidates)), false);
    }
    if (token.is(Kind.RPAREN)) {
      return Item.operand(left, group);
    }
    if (left instanceof Operand.Call call) {
      return Item.condition(leaf(new ConditionNode.Function(call)), group);
    }
    throw in.syntaxError();
  }

  /** A condition where one is required: an operand is one only if it is a function call. */
  private ConditionNode requireCondition(Item item) {
    if (item.condition() != null) {
      return item.condition();
    }
    if (item.operand() instanceof Operand.Call call) {
      return leaf(new ConditionNode.Function(call));
    }
    throw in.syntaxError();
  }

  private ConditionNode leaf(ConditionNode node) {
    checks.conditionComplete();
    return node;
  }

  private boolean startsOperand(Token token) {
    return startsPath(token) || token.is(Kind.VALUE);
  }

  private Operand parseOperandParens() {
    return parseOperandItem().operand();
  }

  private Item parseOperandItem() {
    if (!in.at(Kind.LPAREN)) {
      return Item.operand(parseOperand(), false);
    }
    in.enter();
    in.next();
    Item inner = parseOperandItem();
    in.expect(Kind.RPAREN);
    in.exit();
    if (inner.group()) {
      checks.redundantParentheses();
    }
    return Item.operand(inner.operand(), true);
  }

  private Operand parseOperand() {
    Token token = in.peek();
    if (token.is(Kind.VALUE)) {
      return readValue();
    }
    if (token.is(Kind.IDENT) && !isKeyword(token) && in.peek(1).is(Kind.LPAREN)) {
      return parseCall();
    }
    return readPath();
  }

  private Operand.Call parseCall() {
    String name = in.next().text();
    in.next();
    in.enter();
    List<Operand> args = parseOperandList();
    in.expect(Kind.RPAREN);
    in.exit();
    checks.misusedFunction(args);
    return new Operand.Call(name, args, checks.function(name, args));
  }

  private List<Operand> parseOperandList() {
    List<Operand> operands = new ArrayList<>();
    operands.add(parseOperandParens());
    while (in.at(Kind.COMMA)) {
      in.next();
      operands.add(parseOperandParens());
    }
    return operands;
  }
}
