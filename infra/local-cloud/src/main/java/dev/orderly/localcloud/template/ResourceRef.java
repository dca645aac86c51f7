package dev.orderly.localcloud.template;

import java.util.Objects;

/**
 * A reference from one resource to another, resolved: what it is, its logical id, its physical name
 * and the ARN the template used. For a {@link ResourceKind#TABLE_STREAM} the logical id and name
 * are the table's and the ARN is the template's stream ARN (see {@link TableSpec.Stream}).
 */
public record ResourceRef(ResourceKind kind, String logicalId, String name, String arn) {
  public ResourceRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
  }
}
