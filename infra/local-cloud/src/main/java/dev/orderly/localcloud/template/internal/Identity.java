package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.template.ResourceKind;
import java.util.Map;

/**
 * What other resources can know of a resource: its physical name, what its Ref answers and its
 * Fn::GetAtt attributes. Computed from its name property alone, so that resources can refer to each
 * other in any order.
 */
record Identity(
    String logicalId,
    String type,
    ResourceKind kind,
    String name,
    String arn,
    JsonNode ref,
    Map<String, String> attributes) {}
