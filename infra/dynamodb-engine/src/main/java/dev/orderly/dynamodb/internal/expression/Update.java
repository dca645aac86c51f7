package dev.orderly.dynamodb.internal.expression;

import dev.orderly.dynamodb.internal.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A parsed UpdateExpression. */
public final class Update {

  /** The clause an action belongs to. */
  public enum Kind {
    SET,
    REMOVE,
    ADD,
    DELETE
  }

  /**
   * An action: its clause, the path it writes and, when known at parse time, the type it writes (a
   * SET of a value or of {@code list_append}, an ADD or DELETE operand), for index key checks.
   */
  public record Action(Kind kind, DocumentPath path, Optional<String> staticType) {}

  private final List<UpdateAction> actions;
  private final List<Action> publicActions;
  private final List<DocumentPath> paths;
  private final Set<String> topLevelNames;
  private final Set<String> nestedPathHeads;

  Update(List<UpdateAction> actions, Set<String> nestedPathHeads) {
    this.actions = List.copyOf(actions);
    List<Action> views = new ArrayList<>();
    List<DocumentPath> targets = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (UpdateAction action : actions) {
      DocumentPath path = new DocumentPath(action.path());
      views.add(new Action(action.kind(), path, Optional.ofNullable(action.staticType())));
      targets.add(path);
      names.add(path.head());
    }
    this.publicActions = List.copyOf(views);
    this.paths = List.copyOf(targets);
    this.topLevelNames = Collections.unmodifiableSet(names);
    this.nestedPathHeads = Collections.unmodifiableSet(new LinkedHashSet<>(nestedPathHeads));
  }

  /**
   * Applies the update to an item (the key alone for a new item) and returns the new item; the
   * argument is not modified. Fails with DynamoDB's runtime messages (missing operand, wrong
   * operand type, invalid document path, number out of range).
   */
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    return UpdateApplier.apply(actions, item);
  }

  /** The actions in the order written. */
  public List<Action> actions() {
    return publicActions;
  }

  /** The paths the update writes, in the order written. */
  public List<DocumentPath> paths() {
    return paths;
  }

  /** The top-level attributes the update writes (a key among them cannot be updated). */
  public Set<String> topLevelNames() {
    return topLevelNames;
  }

  /** Top-level names of every nested path the expression uses, written or read. */
  public Set<String> nestedPathHeads() {
    return nestedPathHeads;
  }

  /** The written paths of an item, as ReturnValues UPDATED_OLD and UPDATED_NEW return them. */
  public Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> item) {
    return Projection.of(paths).apply(item);
  }
}
