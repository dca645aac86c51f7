package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A parsed ConditionExpression or FilterExpression, evaluated against items. */
public final class Condition {
  private final ConditionNode root;
  private final Set<String> pathHeads;
  private final Set<String> nestedPathHeads;

  Condition(ConditionNode root, Set<String> pathHeads, Set<String> nestedPathHeads) {
    this.root = root;
    this.pathHeads = Collections.unmodifiableSet(new LinkedHashSet<>(pathHeads));
    this.nestedPathHeads = Collections.unmodifiableSet(new LinkedHashSet<>(nestedPathHeads));
  }

  /**
   * Evaluates the condition against an item; pass an empty map for a missing item. Never fails:
   * comparisons of missing attributes or of mismatched types are simply false.
   */
  public boolean test(Map<String, AttributeValue> item) {
    return ConditionEvaluator.test(root, item);
  }

  /** Top-level attribute names of every path the expression uses. */
  public Set<String> pathHeads() {
    return pathHeads;
  }

  /**
   * Top-level attribute names of paths that go below the top level ({@code a.b}, {@code a[0]});
   * such paths may not start at a key attribute.
   */
  public Set<String> nestedPathHeads() {
    return nestedPathHeads;
  }

  ConditionNode root() {
    return root;
  }
}
