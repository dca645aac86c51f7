package dev.orderly.localcloud.template.internal;

import dev.orderly.localcloud.template.TableSpec;
import dev.orderly.localcloud.template.TableSpec.Attribute;
import dev.orderly.localcloud.template.TableSpec.Index;
import dev.orderly.localcloud.template.TableSpec.KeyElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@code AWS::DynamoDB::Table}. Supported: TableName, BillingMode, AttributeDefinitions,
 * KeySchema, GlobalSecondaryIndexes, LocalSecondaryIndexes, StreamSpecification,
 * TimeToLiveSpecification; accepted without effect: ProvisionedThroughput,
 * PointInTimeRecoverySpecification, DeletionProtectionEnabled, TableClass, Tags.
 */
final class TableReader {
  private TableReader() {}

  static TableSpec read(RawResource r, TemplateContext context) {
    Identity identity = context.identity(r.logicalId(), r.where());
    Props p = Props.of(context.resolveProperties(r), r.where());
    p.accept(
        "TableName",
        "ProvisionedThroughput",
        "PointInTimeRecoverySpecification",
        "DeletionProtectionEnabled",
        "TableClass",
        "Tags");
    String billingMode = p.oneOf("BillingMode", "PROVISIONED", "PROVISIONED", "PAY_PER_REQUEST");
    List<Attribute> attributes = new ArrayList<>();
    for (Props a : p.objects("AttributeDefinitions")) {
      attributes.add(
          new Attribute(
              a.requiredString("AttributeName"), a.oneOf("AttributeType", null, "S", "N", "B")));
      if (attributes.get(attributes.size() - 1).type() == null) {
        throw a.where("AttributeType").fail("is required");
      }
      a.done();
    }
    Set<String> defined = new HashSet<>();
    attributes.forEach(a -> defined.add(a.name()));
    List<KeyElement> keySchema = keySchema(p, defined);
    List<Index> globals = indexes(p, "GlobalSecondaryIndexes", defined, true);
    List<Index> locals = indexes(p, "LocalSecondaryIndexes", defined, false);
    Optional<TableSpec.Stream> stream =
        p.object("StreamSpecification")
            .map(
                s -> {
                  String viewType =
                      s.oneOf(
                          "StreamViewType",
                          null,
                          "KEYS_ONLY",
                          "NEW_IMAGE",
                          "OLD_IMAGE",
                          "NEW_AND_OLD_IMAGES");
                  if (viewType == null) {
                    throw s.where("StreamViewType").fail("is required");
                  }
                  s.done();
                  return new TableSpec.Stream(viewType, identity.attributes().get("StreamArn"));
                });
    Optional<String> ttl = Optional.empty();
    Optional<Props> ttlSpec = p.object("TimeToLiveSpecification");
    if (ttlSpec.isPresent()) {
      boolean enabled = ttlSpec.get().bool("Enabled", false);
      String attribute = ttlSpec.get().string("AttributeName").orElse(null);
      ttlSpec.get().done();
      if (enabled && attribute == null) {
        throw ttlSpec.get().where("AttributeName").fail("is required when Enabled is true");
      }
      ttl = enabled ? Optional.of(attribute) : Optional.empty();
    }
    p.done();
    return new TableSpec(
        r.logicalId(),
        identity.name(),
        identity.arn(),
        billingMode,
        attributes,
        keySchema,
        globals,
        locals,
        stream,
        ttl);
  }

  private static List<KeyElement> keySchema(Props p, Set<String> defined) {
    List<KeyElement> keys = new ArrayList<>();
    List<Props> elements = p.objects("KeySchema");
    for (Props k : elements) {
      String name = k.requiredString("AttributeName");
      String type = k.oneOf("KeyType", null, "HASH", "RANGE");
      if (type == null) {
        throw k.where("KeyType").fail("is required");
      }
      if (!defined.contains(name)) {
        throw k.where("AttributeName").fail(name + " is not in AttributeDefinitions");
      }
      k.done();
      keys.add(new KeyElement(name, type));
    }
    if (keys.isEmpty()
        || keys.size() > 2
        || !keys.get(0).keyType().equals("HASH")
        || (keys.size() == 2 && !keys.get(1).keyType().equals("RANGE"))) {
      throw p.where("KeySchema").fail("must be a HASH key, optionally followed by a RANGE key");
    }
    return keys;
  }

  private static List<Index> indexes(
      Props p, String property, Set<String> defined, boolean global) {
    List<Index> indexes = new ArrayList<>();
    for (Props i : p.objects(property)) {
      String name = i.requiredString("IndexName");
      List<KeyElement> keys = keySchema(i, defined);
      Props projection = i.requiredObject("Projection");
      String type = projection.oneOf("ProjectionType", "ALL", "ALL", "KEYS_ONLY", "INCLUDE");
      List<String> nonKey = projection.strings("NonKeyAttributes");
      projection.done();
      if (global) {
        i.accept("ProvisionedThroughput", "ContributorInsightsSpecification");
      }
      i.done();
      indexes.add(new Index(name, keys, type, nonKey));
    }
    return indexes;
  }
}
