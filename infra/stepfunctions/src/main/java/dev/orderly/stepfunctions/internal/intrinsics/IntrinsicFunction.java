package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;

/** One {@code States.*} function over already-evaluated arguments. */
@FunctionalInterface
interface IntrinsicFunction {
  JsonNode apply(Arguments arguments);
}
