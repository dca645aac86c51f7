package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.expression.SemanticErrors.Slot;
import dev.orderly.dynamodb.internal.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parser for projection expressions: paths separated by commas. */
final class ProjectionParser extends ParserBase {

  private ProjectionParser(TokenCursor in, ExpressionAttributes attrs) {
    super(in, attrs, Set.of(), Slot.ATTR_NAME_VAL, Slot.ATTR_VAL);
  }

  static Projection parse(String expression, ExpressionAttributes attrs) {
    ProjectionParser parser =
        new ProjectionParser(TokenCursor.open(expression, "ProjectionExpression"), attrs);
    List<Operand.Path> paths = new ArrayList<>();
    paths.add(parser.readPath());
    while (parser.in.at(Kind.COMMA)) {
      parser.in.next();
      paths.add(parser.readPath());
    }
    parser.in.expectEnd();
    PathChecks checks = new PathChecks(parser.errors);
    for (Operand.Path path : paths) {
      checks.add(path.elements());
    }
    String error =
        parser.errors.first(
            Slot.RESERVED, Slot.ATTR_NAME_VAL, Slot.PATH_OVERLAP, Slot.PATH_CONFLICT, Slot.LIMIT);
    if (error != null) {
      throw parser.in.invalid(error);
    }
    List<DocumentPath> documentPaths = new ArrayList<>();
    for (Operand.Path path : paths) {
      documentPaths.add(path.toDocumentPath());
    }
    return new Projection(documentPaths, parser.nestedPathHeads);
  }
}
