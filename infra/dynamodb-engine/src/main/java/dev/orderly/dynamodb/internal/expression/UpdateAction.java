package dev.orderly.dynamodb.internal.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One action of an update expression. {@code value} is the SET value or the ADD/DELETE operand
 * (null for REMOVE); {@code staticType} the type known at parse time, or null.
 */
record UpdateAction(Update.Kind kind, List<Object> path, Operand value, String staticType) {
  UpdateAction {
    path = Collections.unmodifiableList(new ArrayList<>(path));
  }
}
