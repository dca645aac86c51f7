package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;

/** The array intrinsics: Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ... */
final class ArrayFunctions {
  /** "The newly generated array can't contain more than 1000 items" (States.ArrayRange). */
  static final int MAX_RANGE_ITEMS = 1000;

  private ArrayFunctions() {}

  static void registerInto(Map<String, IntrinsicFunction> registry) {
    registry.put("States.Array", ArrayFunctions::array);
    registry.put("States.ArrayPartition", ArrayFunctions::partition);
    registry.put("States.ArrayContains", ArrayFunctions::contains);
    registry.put("States.ArrayRange", ArrayFunctions::range);
    registry.put("States.ArrayGetItem", ArrayFunctions::getItem);
    registry.put("States.ArrayLength", ArrayFunctions::length);
    registry.put("States.ArrayUnique", ArrayFunctions::unique);
  }

  private static JsonNode array(Arguments args) {
    ArrayNode result = JsonValues.NODES.arrayNode();
    args.all().forEach(value -> result.add(value.deepCopy()));
    return result;
  }

  private static JsonNode partition(Arguments args) {
    args.expectCount(2);
    ArrayNode input = args.array(0);
    // "If you specify a non-integer value for the second argument, Step Functions will round it
    // off to the nearest integer."
    long size = args.roundedInteger(1);
    if (size <= 0) {
      throw args.fail("chunk size must be a non-zero, positive integer but was " + size);
    }
    ArrayNode result = JsonValues.NODES.arrayNode();
    ArrayNode chunk = null;
    for (int i = 0; i < input.size(); i++) {
      if (i % size == 0) {
        chunk = result.addArray();
      }
      chunk.add(input.get(i).deepCopy());
    }
    return result;
  }

  private static JsonNode contains(Arguments args) {
    args.expectCount(2);
    ArrayNode input = args.array(0);
    JsonNode wanted = args.get(1);
    for (JsonNode item : input) {
      if (JsonValues.sameValue(item, wanted)) {
        return BooleanNode.TRUE;
      }
    }
    return BooleanNode.FALSE;
  }

  private static JsonNode range(Arguments args) {
    args.expectCount(3);
    long start = args.roundedInteger(0);
    long end = args.roundedInteger(1);
    long step = args.roundedInteger(2);
    if (step == 0) {
      throw args.fail("the step (third argument) must be non-zero");
    }
    long count = 0;
    if ((step > 0 && start <= end) || (step < 0 && start >= end)) {
      count = Math.abs((end - start) / step) + 1;
    }
    if (count > MAX_RANGE_ITEMS) {
      throw args.fail(
          "the range would contain " + count + " items; at most " + MAX_RANGE_ITEMS + " allowed");
    }
    ArrayNode result = JsonValues.NODES.arrayNode();
    for (long i = 0; i < count; i++) {
      result.add(JsonValues.integer(start + i * step));
    }
    return result;
  }

  private static JsonNode getItem(Arguments args) {
    args.expectCount(2);
    ArrayNode input = args.array(0);
    long index = args.exactInteger(1);
    if (index < 0 || index >= input.size()) {
      throw args.fail("index " + index + " is out of bounds for an array of " + input.size());
    }
    return input.get((int) index).deepCopy();
  }

  private static JsonNode length(Arguments args) {
    args.expectCount(1);
    return IntNode.valueOf(args.array(0).size());
  }

  private static JsonNode unique(Arguments args) {
    args.expectCount(1);
    ArrayNode result = JsonValues.NODES.arrayNode();
    for (JsonNode item : args.array(0)) {
      boolean seen = false;
      for (JsonNode kept : result) {
        seen = seen || JsonValues.sameValue(kept, item);
      }
      if (!seen) {
        result.add(item.deepCopy());
      }
    }
    return result;
  }
}
