package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Resolves the path arguments of an intrinsic call, so the functions stay independent of how a
 * state holds its effective input and the context object.
 */
public interface PathResolver {

  /**
   * Resolves {@code path}: {@code $...} against the effective input, {@code $$...} against the
   * context object.
   *
   * @throws IntrinsicFailureException with error name {@code States.Runtime} if the path selects
   *     nothing
   */
  JsonNode resolve(String path);
}
