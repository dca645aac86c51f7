package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A resource as written (after Globals, or generated from a SAM event), before intrinsics: its
 * properties still hold Ref, Fn::Sub and the rest.
 */
record RawResource(
    String logicalId, String type, Optional<String> condition, ObjectNode properties) {
  Where where() {
    return Where.of(logicalId);
  }
}
