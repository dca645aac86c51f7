package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orderly.localcloud.template.ResourceKind;
import dev.orderly.localcloud.template.TableSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a resource's {@link Identity} as CloudFormation would: the physical name from its name
 * property (or generated), what Ref answers (a name, a queue's URL, a state machine's or topic's
 * ARN, an API's id) and the attributes Fn::GetAtt may ask for.
 */
final class Identities {

  /** Resolves one property of a raw resource to a scalar, if present. */
  interface PropertyResolver {
    Optional<String> scalar(RawResource resource, String property);
  }

  private final Naming naming;
  private final PropertyResolver properties;

  Identities(Naming naming, PropertyResolver properties) {
    this.naming = naming;
    this.properties = properties;
  }

  Identity identify(RawResource r) {
    String id = r.logicalId();
    Map<String, String> attributes = new LinkedHashMap<>();
    switch (r.type()) {
      case ResourceTypes.FUNCTION:
        {
          String name = name(r, "FunctionName", 64);
          String arn = naming.arn("lambda", "function:" + name);
          attributes.put("Arn", arn);
          return identity(r, ResourceKind.FUNCTION, name, arn, name, attributes);
        }
      case ResourceTypes.HTTP_API:
        {
          String apiId = naming.apiId(id);
          attributes.put("ApiId", apiId);
          attributes.put(
              "ApiEndpoint",
              "https://"
                  + apiId
                  + ".execute-api."
                  + naming.settings().region()
                  + "."
                  + naming.urlSuffix());
          String arn =
              "arn:"
                  + naming.partition()
                  + ":apigateway:"
                  + naming.settings().region()
                  + "::/apis/"
                  + apiId;
          return identity(r, ResourceKind.HTTP_API, apiId, arn, apiId, attributes);
        }
      case ResourceTypes.STATE_MACHINE:
        {
          String name =
              properties.scalar(r, "Name").orElseGet(() -> naming.generatedWithoutStack(id));
          String arn = naming.arn("states", "stateMachine:" + name);
          attributes.put("Arn", arn);
          attributes.put("Name", name);
          return identity(r, ResourceKind.STATE_MACHINE, name, arn, arn, attributes);
        }
      case ResourceTypes.TABLE:
        {
          String name = name(r, "TableName", 255);
          String arn = naming.arn("dynamodb", "table/" + name);
          attributes.put("Arn", arn);
          if (r.properties().has("StreamSpecification")) {
            attributes.put("StreamArn", arn + "/stream/" + TableSpec.Stream.TEMPLATE_LABEL);
          }
          return identity(r, ResourceKind.TABLE, name, arn, name, attributes);
        }
      case ResourceTypes.QUEUE:
        return queue(r, attributes);
      case ResourceTypes.EVENT_BUS:
        {
          String name =
              properties
                  .scalar(r, "Name")
                  .orElseThrow(() -> r.where().at("Name").fail("is required"));
          String arn = naming.arn("events", "event-bus/" + name);
          attributes.put("Arn", arn);
          attributes.put("Name", name);
          return identity(r, ResourceKind.EVENT_BUS, name, arn, name, attributes);
        }
      case ResourceTypes.RULE:
        {
          String name = name(r, "Name", 64);
          String bus = busName(properties.scalar(r, "EventBusName").orElse("default"));
          String arn =
              naming.arn("events", "rule/" + (bus.equals("default") ? "" : bus + "/") + name);
          attributes.put("Arn", arn);
          return identity(r, ResourceKind.RULE, name, arn, name, attributes);
        }
      case ResourceTypes.EVENT_SOURCE_MAPPING:
        {
          String uuid = naming.uuid(id);
          attributes.put("Id", uuid);
          String arn = naming.arn("lambda", "event-source-mapping:" + uuid);
          return identity(r, ResourceKind.EVENT_SOURCE_MAPPING, uuid, arn, uuid, attributes);
        }
      case ResourceTypes.LOG_GROUP:
        {
          String name =
              properties.scalar(r, "LogGroupName").orElseGet(() -> naming.generated(id, 512, ""));
          String arn = naming.arn("logs", "log-group:" + name + ":*");
          attributes.put("Arn", arn);
          return identity(r, ResourceKind.LOG_GROUP, name, arn, name, attributes);
        }
      case ResourceTypes.SNS_TOPIC:
        {
          String name = name(r, "TopicName", 256);
          String arn = naming.arn("sns", name);
          attributes.put("TopicArn", arn);
          attributes.put("TopicName", name);
          return identity(r, ResourceKind.SNS_TOPIC, name, arn, arn, attributes);
        }
      case ResourceTypes.SNS_SUBSCRIPTION:
        {
          String arn = naming.arn("sns", id + ":" + naming.uuid(id));
          return identity(r, ResourceKind.SNS_SUBSCRIPTION, arn, arn, arn, attributes);
        }
      case ResourceTypes.QUEUE_POLICY:
        {
          String policyId = naming.generated(id, 128, "");
          attributes.put("Id", policyId);
          return identity(r, ResourceKind.QUEUE_POLICY, policyId, policyId, policyId, attributes);
        }
      case ResourceTypes.ALARM:
        {
          String name = name(r, "AlarmName", 255);
          String arn = naming.arn("cloudwatch", "alarm:" + name);
          attributes.put("Arn", arn);
          return identity(r, ResourceKind.ALARM, name, arn, name, attributes);
        }
      default:
        throw r.where().fail("resource type " + r.type() + " is not supported by the local cloud");
    }
  }

  private Identity queue(RawResource r, Map<String, String> attributes) {
    boolean fifo = properties.scalar(r, "FifoQueue").map(Boolean::parseBoolean).orElse(false);
    String name =
        properties
            .scalar(r, "QueueName")
            .orElseGet(() -> naming.generated(r.logicalId(), 80, fifo ? ".fifo" : ""));
    if (fifo != name.endsWith(".fifo")) {
      throw r.where()
          .at("QueueName")
          .fail(
              fifo
                  ? "a FIFO queue's name must end with .fifo: " + name
                  : "only a FIFO queue's name may end with .fifo: " + name);
    }
    String url = naming.settings().queueUrl(name);
    String arn = naming.arn("sqs", name);
    attributes.put("Arn", arn);
    attributes.put("QueueName", name);
    attributes.put("QueueUrl", url);
    return identity(r, ResourceKind.QUEUE, name, arn, url, attributes);
  }

  /** A bus given by name or by ARN. */
  static String busName(String nameOrArn) {
    int slash = nameOrArn.indexOf(":event-bus/");
    return nameOrArn.startsWith("arn:") && slash > 0
        ? nameOrArn.substring(slash + ":event-bus/".length())
        : nameOrArn;
  }

  private String name(RawResource r, String property, int maxLength) {
    return properties
        .scalar(r, property)
        .orElseGet(() -> naming.generated(r.logicalId(), maxLength, ""));
  }

  private static Identity identity(
      RawResource r,
      ResourceKind kind,
      String name,
      String arn,
      String ref,
      Map<String, String> attributes) {
    JsonNode refNode = TextNode.valueOf(ref);
    return new Identity(r.logicalId(), r.type(), kind, name, arn, refNode, Map.copyOf(attributes));
  }
}
