package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.expression.SemanticErrors.Slot;
import dev.orderly.dynamodb.internal.expression.Token.Kind;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the three grammars share: document paths, placeholders and reserved-word checks. */
abstract class ParserBase {
  /** DynamoDB's limit on document path elements. */
  static final int MAX_PATH_DEPTH = 32;

  final TokenCursor in;
  final ExpressionAttributes attrs;
  final SemanticErrors errors = new SemanticErrors();

  /** Top-level names of every path used, and of those that go deeper. */
  final Set<String> pathHeads = new LinkedHashSet<>();

  final Set<String> nestedPathHeads = new LinkedHashSet<>();
  private final Set<String> keywords;
  private final Slot nameSlot;
  private final Slot valueSlot;

  ParserBase(
      TokenCursor in,
      ExpressionAttributes attrs,
      Set<String> keywords,
      Slot nameSlot,
      Slot valueSlot) {
    this.in = in;
    this.attrs = attrs;
    this.keywords = keywords;
    this.nameSlot = nameSlot;
    this.valueSlot = valueSlot;
  }

  /** True for a token that spells one of this grammar's keywords. */
  final boolean isKeyword(Token token) {
    return token.is(Kind.IDENT) && keywords.contains(token.text().toUpperCase(Locale.ROOT));
  }

  /** True for a token that can start a path: a non-keyword identifier or a #name. */
  final boolean startsPath(Token token) {
    return (token.is(Kind.IDENT) && !isKeyword(token)) || token.is(Kind.NAME);
  }

  /** Reads a document path: {@code name ( . name | [ digits ] )*}. */
  final Operand.Path readPath() {
    Token first = in.peek();
    if (!startsPath(first)) {
      throw in.syntaxError();
    }
    in.next();
    List<Object> elements = new ArrayList<>();
    elements.add(nameElement(first));
    return readPathTail(elements);
  }

  private Operand.Path readPathTail(List<Object> elements) {
    List<Object> path = new ArrayList<>(elements);
    while (true) {
      if (in.at(Kind.DOT)) {
        in.next();
        Token name = in.peek();
        if (!startsPath(name)) {
          throw in.syntaxError();
        }
        in.next();
        path.add(nameElement(name));
      } else if (in.at(Kind.LBRACKET)) {
        in.next();
        Token digits = in.peek();
        int index = digits.is(Kind.NUMBER) ? parseIndex(digits.text()) : -1;
        if (index < 0) {
          throw in.syntaxError();
        }
        in.next();
        in.expect(Kind.RBRACKET);
        path.add(index);
      } else {
        break;
      }
    }
    recordPath(path);
    return new Operand.Path(path);
  }

  private static int parseIndex(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private Object nameElement(Token token) {
    if (token.is(Kind.NAME)) {
      return resolveName(token.text());
    }
    checkReserved(token.text());
    return token.text();
  }

  final void checkReserved(String name) {
    if (ReservedWords.isReserved(name)) {
      errors.setFirst(
          Slot.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + name);
    }
  }

  private String resolveName(String placeholder) {
    if (errors.has(nameSlot)) {
      return null;
    }
    String name = attrs.useName(placeholder);
    if (name == null) {
      errors.setFirst(
          nameSlot,
          "An expression attribute name used in the document path is not defined; attribute name: "
              + placeholder);
    }
    return name;
  }

  /** Reads a :value placeholder (the current token must be one). */
  final Operand.Value readValue() {
    Token token = in.expect(Kind.VALUE);
    if (errors.has(valueSlot)) {
      return new Operand.Value(null);
    }
    AttributeValue value = attrs.useValue(token.text());
    if (value == null) {
      errors.setFirst(
          valueSlot,
          "An expression attribute value used in expression is not defined; attribute value: "
              + token.text());
    }
    return new Operand.Value(value);
  }

  private void recordPath(List<Object> path) {
    if (path.get(0) instanceof String head) {
      pathHeads.add(head);
      if (path.size() > 1) {
        nestedPathHeads.add(head);
      }
    }
    if (path.size() > MAX_PATH_DEPTH) {
      errors.setFirst(
          Slot.LIMIT,
          "The document path has too many nesting levels; nesting levels: " + path.size());
    }
  }
}
