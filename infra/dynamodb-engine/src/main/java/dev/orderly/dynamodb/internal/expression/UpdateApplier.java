package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.Bytes;
import dev.orderly.dynamodb.internal.value.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies update actions as DynamoDB does: SET values are all computed from the item as it was,
 * then the actions are applied in order, every path (and list index) referring to the original
 * item.
 */
final class UpdateApplier {
  static final String MISSING_OPERAND =
      "The provided expression refers to an attribute that does not exist in the item";
  static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";
  static final String INVALID_PATH =
      "The document path provided in the update expression is invalid for update";

  private UpdateApplier() {}

  static Map<String, AttributeValue> apply(
      List<UpdateAction> actions, Map<String, AttributeValue> item) {
    AttributeValue[] setValues = new AttributeValue[actions.size()];
    for (int i = 0; i < actions.size(); i++) {
      UpdateAction action = actions.get(i);
      if (action.kind() == Update.Kind.SET) {
        setValues[i] = resolve(action.value(), item);
      }
    }
    WorkTree.WorkMap root = new WorkTree.WorkMap(item);
    for (int i = 0; i < actions.size(); i++) {
      UpdateAction action = actions.get(i);
      List<Object> path = action.path();
      Object parent = root;
      for (int j = 0; j < path.size() - 1 && parent != null; j++) {
        parent = WorkTree.descend(parent, path.get(j));
      }
      Object last = path.get(path.size() - 1);
      if (parent == null || !WorkTree.accepts(parent, last)) {
        throw DynamoDbException.validation(INVALID_PATH);
      }
      switch (action.kind()) {
        case SET:
          WorkTree.put(parent, last, setValues[i]);
          break;
        case REMOVE:
          WorkTree.remove(parent, last);
          break;
        case ADD:
          add(parent, last, ((Operand.Value) action.value()).value());
          break;
        default:
          delete(parent, last, ((Operand.Value) action.value()).value());
          break;
      }
    }
    return WorkTree.freezeEntries(root);
  }

  private static AttributeValue existing(Object parent, Object element, AttributeValue operand) {
    Object current = WorkTree.get(parent, element);
    if (current == null) {
      return null;
    }
    AttributeValue value = WorkTree.freeze(current);
    if (!value.type().equals(operand.type())) {
      throw DynamoDbException.validation(WRONG_TYPE);
    }
    return value;
  }

  /** ADD: adds to a number, or unions into a set; a missing attribute starts from the operand. */
  private static void add(Object parent, Object element, AttributeValue operand) {
    AttributeValue current = existing(parent, element, operand);
    AttributeValue result;
    if (current == null) {
      result = operand;
    } else if (current instanceof AttributeValue.N n) {
      result =
          new AttributeValue.N(Numbers.check(n.value().add(((AttributeValue.N) operand).value())));
    } else {
      result = combine(current, operand, true);
    }
    WorkTree.put(parent, element, result);
  }

  /** DELETE: removes elements from a set; an emptied set removes the attribute. */
  private static void delete(Object parent, Object element, AttributeValue operand) {
    AttributeValue current = existing(parent, element, operand);
    if (current == null) {
      return;
    }
    AttributeValue result = combine(current, operand, false);
    if (result == null) {
      WorkTree.remove(parent, element);
    } else {
      WorkTree.put(parent, element, result);
    }
  }

  /** Set union or difference of two sets of one type; null for an empty difference. */
  private static AttributeValue combine(AttributeValue set, AttributeValue other, boolean union) {
    if (set instanceof AttributeValue.SS a && other instanceof AttributeValue.SS b) {
      Set<String> result = merge(a.value(), b.value(), union);
      return result.isEmpty() ? null : new AttributeValue.SS(result);
    }
    if (set instanceof AttributeValue.NS a && other instanceof AttributeValue.NS b) {
      Set<BigDecimal> result = merge(a.value(), b.value(), union);
      return result.isEmpty() ? null : new AttributeValue.NS(result);
    }
    if (set instanceof AttributeValue.BS a && other instanceof AttributeValue.BS b) {
      Set<Bytes> result = merge(a.value(), b.value(), union);
      return result.isEmpty() ? null : new AttributeValue.BS(result);
    }
    throw DynamoDbException.validation(WRONG_TYPE);
  }

  private static <T> Set<T> merge(Set<T> set, Set<T> other, boolean union) {
    Set<T> result = new LinkedHashSet<>(set);
    if (union) {
      result.addAll(other);
    } else {
      result.removeAll(other);
    }
    return result;
  }

  /** Computes a SET value from the original item. */
  static AttributeValue resolve(Operand operand, Map<String, AttributeValue> item) {
    if (operand instanceof Operand.Value value) {
      return value.value();
    }
    if (operand instanceof Operand.Path path) {
      AttributeValue value = DocumentPath.resolve(path.elements(), item);
      if (value == null) {
        throw DynamoDbException.validation(MISSING_OPERAND);
      }
      return value;
    }
    if (operand instanceof Operand.Arithmetic arithmetic) {
      BigDecimal left = number(resolve(arithmetic.left(), item));
      BigDecimal right = number(resolve(arithmetic.right(), item));
      BigDecimal result = arithmetic.plus() ? left.add(right) : left.subtract(right);
      return new AttributeValue.N(Numbers.check(result));
    }
    Operand.Call call = (Operand.Call) operand;
    if (call.name().equals("if_not_exists")) {
      Operand.Path path = (Operand.Path) call.arg(0);
      AttributeValue value = DocumentPath.resolve(path.elements(), item);
      return value != null ? value : resolve(call.arg(1), item);
    }
    List<AttributeValue> joined = new ArrayList<>(list(resolve(call.arg(0), item)));
    joined.addAll(list(resolve(call.arg(1), item)));
    return new AttributeValue.L(joined);
  }

  private static BigDecimal number(AttributeValue value) {
    if (value instanceof AttributeValue.N n) {
      return n.value();
    }
    throw DynamoDbException.validation(WRONG_TYPE);
  }

  private static List<AttributeValue> list(AttributeValue value) {
    if (value instanceof AttributeValue.L l) {
      return l.value();
    }
    throw DynamoDbException.validation(WRONG_TYPE);
  }
}
