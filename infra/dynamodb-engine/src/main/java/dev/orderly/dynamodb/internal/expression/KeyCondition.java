package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A KeyConditionExpression reduced to one condition per key attribute (at most two). The expression
 * does not say which attribute is the partition key; {@link #resolve} checks the conditions against
 * the key schema as DynamoDB does and tells.
 */
public final class KeyCondition {

  /** The operators a key condition may use. */
  public enum Operator {
    EQ,
    LT,
    LE,
    GT,
    GE,
    BETWEEN,
    BEGINS_WITH
  }

  /** A condition on one key attribute: one value, or two for BETWEEN. */
  public record Term(String attributeName, Operator operator, List<AttributeValue> values) {
    public Term {
      Objects.requireNonNull(attributeName, "attributeName");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
    }

    /** True when the key value satisfies this condition. */
    public boolean test(AttributeValue value) {
      AttributeValue first = values.get(0);
      switch (operator) {
        case EQ:
          return Values.equal(value, first);
        case BEGINS_WITH:
          return Values.beginsWith(value, first);
        case BETWEEN:
          Integer low = Values.order(value, first);
          Integer high = Values.order(value, values.get(1));
          return low != null && high != null && low >= 0 && high <= 0;
        default:
          Integer order = Values.order(value, first);
          if (order == null) {
            return false;
          }
          switch (operator) {
            case LT:
              return order < 0;
            case LE:
              return order <= 0;
            case GT:
              return order > 0;
            default:
              return order >= 0;
          }
      }
    }
  }

  /** The key condition matched to a key schema: the partition key's value, the sort condition. */
  public record Resolved(
      String partitionKeyName, AttributeValue partitionValue, Optional<Term> sortCondition) {

    /** True when the sort key value satisfies the sort condition (or there is none). */
    public boolean test(AttributeValue sortValue) {
      return sortCondition.map(term -> term.test(sortValue)).orElse(true);
    }
  }

  private final List<Term> terms;

  KeyCondition(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  /**
   * Reduces a parsed KeyConditionExpression to per-attribute conditions, failing with DynamoDB's
   * (unprefixed) messages for OR, NOT, IN, {@code <>}, functions other than begins_with, nested
   * paths, several conditions on one key and wrong value types.
   */
  public static KeyCondition from(Condition parsed) {
    return KeyConditionConverter.convert(parsed.root());
  }

  /** The conditions, in the order the expression gives them. */
  public List<Term> terms() {
    return terms;
  }

  /** The condition on an attribute, if any. */
  public Optional<Term> term(String attributeName) {
    for (Term term : terms) {
      if (term.attributeName().equals(attributeName)) {
        return Optional.of(term);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks the condition on one key schema element as a Query does, in schema order (partition key
   * first); callers validating ExclusiveStartKey per element interleave with this.
   *
   * @param type the key attribute's type: S, N or B
   * @param keySchemaSize 1 for a partition key only, 2 with a sort key
   */
  public void checkKeyAttribute(String name, String type, boolean isHash, int keySchemaSize) {
    if (isHash && keySchemaSize == 1 && terms.size() > 1) {
      throw DynamoDbException.validation("Query key condition not supported");
    }
    Optional<Term> term = term(name);
    if (term.isEmpty()) {
      if (isHash || terms.size() > 1) {
        throw DynamoDbException.validation("Query condition missed key schema element: " + name);
      }
      return;
    }
    for (AttributeValue value : term.get().values()) {
      if (!value.type().equals(type)) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Condition parameter type does not match"
                + " schema type");
      }
    }
    if (isHash && term.get().operator() != Operator.EQ) {
      throw DynamoDbException.validation("Query key condition not supported");
    }
  }

  /**
   * Checks the conditions against a key schema (sort key name and type null when there is none) and
   * returns the partition key's value and the sort key's condition.
   */
  public Resolved resolve(String hashKey, String hashType, String rangeKey, String rangeType) {
    int schemaSize = rangeKey == null ? 1 : 2;
    checkKeyAttribute(hashKey, hashType, true, schemaSize);
    if (rangeKey != null) {
      checkKeyAttribute(rangeKey, rangeType, false, schemaSize);
    }
    Term hash = term(hashKey).orElseThrow();
    return new Resolved(
        hashKey, hash.values().get(0), rangeKey == null ? Optional.empty() : term(rangeKey));
  }
}
