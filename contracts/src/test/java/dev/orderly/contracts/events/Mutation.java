package dev.orderly.contracts.events;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.contracts.Repository;

/** A change to one member of a JSON document: set it to a value, or remove it. */
record Mutation(String description, String pointer, JsonNode value) {
  static Mutation set(String description, String pointer, String json) {
    return new Mutation(description, pointer, Repository.json(json));
  }

  static Mutation remove(String pointer) {
    return new Mutation("without " + pointer, pointer, null);
  }

  /** A changed copy of {@code document}; the member's parent must exist. */
  JsonNode applyTo(JsonNode document) {
    JsonNode copy = document.deepCopy();
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = copy.at(at.head());
    String name = at.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        if (object.remove(name) == null) {
          throw new IllegalArgumentException("nothing to remove at " + pointer);
        }
      } else {
        object.set(name, value);
      }
    } else if (parent instanceof ArrayNode array) {
      int index = at.last().getMatchingIndex();
      if (value == null) {
        array.remove(index);
      } else {
        array.set(index, value);
      }
    } else {
      throw new IllegalArgumentException("no parent for " + pointer + " in " + document);
    }
    return copy;
  }

  @Override
  public String toString() {
    return description;
  }
}
