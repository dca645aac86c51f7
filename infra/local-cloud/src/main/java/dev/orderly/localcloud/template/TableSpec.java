package dev.orderly.localcloud.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code AWS::DynamoDB::Table}: what creating it on the engine needs.
 *
 * @param stream present when StreamSpecification is set
 * @param timeToLiveAttribute present when TimeToLiveSpecification is enabled
 */
public record TableSpec(
    String logicalId,
    String name,
    String arn,
    String billingMode,
    List<Attribute> attributeDefinitions,
    List<KeyElement> keySchema,
    List<Index> globalSecondaryIndexes,
    List<Index> localSecondaryIndexes,
    Optional<Stream> stream,
    Optional<String> timeToLiveAttribute) {
  public TableSpec {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(billingMode, "billingMode");
    attributeDefinitions = Copies.list(attributeDefinitions);
    keySchema = Copies.list(keySchema);
    globalSecondaryIndexes = Copies.list(globalSecondaryIndexes);
    localSecondaryIndexes = Copies.list(localSecondaryIndexes);
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(timeToLiveAttribute, "timeToLiveAttribute");
  }

  /** An attribute of the key schemas: name and type (S, N or B). */
  public record Attribute(String name, String type) {}

  /** A key schema element: attribute name and HASH or RANGE. */
  public record KeyElement(String attributeName, String keyType) {}

  /** A secondary index; {@code nonKeyAttributes} only for the INCLUDE projection. */
  public record Index(
      String name,
      List<KeyElement> keySchema,
      String projectionType,
      List<String> nonKeyAttributes) {
    public Index {
      keySchema = Copies.list(keySchema);
      nonKeyAttributes = Copies.list(nonKeyAttributes);
    }
  }

  /**
   * The table's stream. {@code arn} is the ARN the template saw ({@code <table arn>/stream/<label>}
   * with the fixed {@link #TEMPLATE_LABEL}); the engine labels its stream by creation time, so map
   * a stream source to the engine's ARN by the table's name, not by this ARN.
   */
  public record Stream(String viewType, String arn) {
    public static final String TEMPLATE_LABEL = "1970-01-01T00:00:00.000";
  }
}
