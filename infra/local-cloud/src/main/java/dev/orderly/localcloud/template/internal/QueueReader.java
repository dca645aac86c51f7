package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.template.QueueSpec;
import dev.orderly.localcloud.template.ResourceKind;
import java.util.Optional;

/**
 * Reads an {@code AWS::SQS::Queue}. Supported: QueueName, FifoQueue, ContentBasedDeduplication,
 * VisibilityTimeout, MessageRetentionPeriod, DelaySeconds, MaximumMessageSize,
 * ReceiveMessageWaitTimeSeconds, RedrivePolicy (deadLetterTargetArn, maxReceiveCount),
 * RedriveAllowPolicy; accepted without effect: SqsManagedSseEnabled, KmsMasterKeyId,
 * KmsDataKeyReusePeriodSeconds, Tags.
 */
final class QueueReader {
  private QueueReader() {}

  static QueueSpec read(RawResource r, TemplateContext context) {
    Identity identity = context.identity(r.logicalId(), r.where());
    Props p = Props.of(context.resolveProperties(r), r.where());
    p.accept(
        "QueueName",
        "SqsManagedSseEnabled",
        "KmsMasterKeyId",
        "KmsDataKeyReusePeriodSeconds",
        "Tags");
    boolean fifo = p.bool("FifoQueue", false);
    boolean contentBasedDeduplication = p.bool("ContentBasedDeduplication", false);
    if (contentBasedDeduplication && !fifo) {
      throw p.where("ContentBasedDeduplication").fail("applies only to FIFO queues");
    }
    int visibility = p.integer("VisibilityTimeout", 30, 0, 43_200);
    int retention = p.integer("MessageRetentionPeriod", 345_600, 60, 1_209_600);
    int delay = p.integer("DelaySeconds", 0, 0, 900);
    int maximumSize = p.integer("MaximumMessageSize", 262_144, 1_024, 262_144);
    int wait = p.integer("ReceiveMessageWaitTimeSeconds", 0, 0, 20);
    Optional<QueueSpec.Redrive> redrive =
        p.node("RedrivePolicy").map(n -> redrive(policy(n, p.where("RedrivePolicy")), context));
    Optional<QueueSpec.RedriveAllow> redriveAllow =
        p.node("RedriveAllowPolicy")
            .map(n -> redriveAllow(policy(n, p.where("RedriveAllowPolicy"))));
    p.done();
    return new QueueSpec(
        r.logicalId(),
        identity.name(),
        identity.ref().asText(),
        identity.arn(),
        fifo,
        contentBasedDeduplication,
        visibility,
        retention,
        delay,
        maximumSize,
        wait,
        redrive,
        redriveAllow);
  }

  /** CloudFormation takes these policies as objects or as JSON strings. */
  private static Props policy(JsonNode node, Where where) {
    if (node.isTextual()) {
      try {
        return Props.of(Json.MAPPER.readTree(node.textValue()), where);
      } catch (JsonProcessingException e) {
        throw where.fail("is not valid JSON: " + e.getOriginalMessage());
      }
    }
    return Props.of(node, where);
  }

  private static QueueSpec.Redrive redrive(Props p, TemplateContext context) {
    String arn = p.requiredString("deadLetterTargetArn");
    if (!p.has("maxReceiveCount")) {
      throw p.where("maxReceiveCount").fail("is required");
    }
    int maxReceiveCount = p.integer("maxReceiveCount", 1, 1, 1_000);
    p.done();
    return new QueueSpec.Redrive(
        context.find(
            arn, ResourceIndex.kinds(ResourceKind.QUEUE), p.where("deadLetterTargetArn"), "queue"),
        maxReceiveCount);
  }

  private static QueueSpec.RedriveAllow redriveAllow(Props p) {
    String permission = p.oneOf("redrivePermission", null, "allowAll", "denyAll", "byQueue");
    if (permission == null) {
      throw p.where("redrivePermission").fail("is required");
    }
    var sources = p.strings("sourceQueueArns");
    if (permission.equals("byQueue") == sources.isEmpty()) {
      throw p.where("sourceQueueArns").fail("is required with byQueue, and only with it");
    }
    p.done();
    return new QueueSpec.RedriveAllow(permission, sources);
  }
}
