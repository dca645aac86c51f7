package dev.orderly.localcloud.cloud;

import dev.orderly.localcloud.demo.DemoCloud;
import dev.orderly.localcloud.lambda.FunctionSpec;
import dev.orderly.localcloud.lambda.FunctionStats;
import dev.orderly.localcloud.ses.SentEmail;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A running {@link LocalCloud} as the demo and the end-to-end tests drive and check it. */
final class CloudView implements DemoCloud {
  private final LocalCloud cloud;
  private final DynamoDbClient dynamo;
  private final SfnClient sfn;
  private final EventBridgeClient events;
  private final SqsClient sqs;
  private final String bus;
  private final String saga;

  CloudView(
      LocalCloud cloud,
      DynamoDbClient dynamo,
      SfnClient sfn,
      EventBridgeClient events,
      SqsClient sqs) {
    this.cloud = cloud;
    this.sqs = sqs;
    this.dynamo = dynamo;
    this.sfn = sfn;
    this.events = events;
    this.bus = cloud.template().eventBuses().values().iterator().next().name();
    this.saga = cloud.template().stateMachines().values().iterator().next().arn();
  }

  @Override
  public URI apiUrl() {
    return cloud.apiUrl();
  }

  @Override
  public String token(String tenant, String subject) {
    return cloud.token(tenant, subject, Duration.ofHours(1));
  }

  @Override
  public DynamoDbClient dynamo() {
    return dynamo;
  }

  @Override
  public String tableName(String logicalId) {
    return cloud.template().tables().get(logicalId).name();
  }

  @Override
  public SfnClient stepFunctions() {
    return sfn;
  }

  @Override
  public String sagaArn() {
    return saga;
  }

  @Override
  public void publish(String source, String detailType, String detail) {
    PutEventsResponse response =
        events.putEvents(
            b ->
                b.entries(
                    PutEventsRequestEntry.builder()
                        .eventBusName(bus)
                        .source(source)
                        .detailType(detailType)
                        .detail(detail)
                        .build()));
    if (response.failedEntryCount() > 0) {
      throw new IllegalStateException("PutEvents refused the entry: " + response.entries());
    }
  }

  @Override
  public Map<String, Long> deadLetters() {
    Map<String, Long> held = new TreeMap<>();
    cloud
        .template()
        .queues()
        .forEach(
            (logicalId, queue) -> {
              if (logicalId.endsWith("Dlq")) {
                String url = sqs.getQueueUrl(b -> b.queueName(queue.name())).queueUrl();
                Map<QueueAttributeName, String> counts =
                    sqs.getQueueAttributes(
                            b ->
                                b.queueUrl(url)
                                    .attributeNames(
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                        QueueAttributeName
                                            .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes();
                held.put(logicalId, counts.values().stream().mapToLong(Long::parseLong).sum());
              }
            });
    return held;
  }

  @Override
  public List<SentEmail> mails() {
    return cloud.mails();
  }

  @Override
  public Map<String, FunctionStats> functionStats() {
    Map<String, FunctionStats> stats = new TreeMap<>();
    for (FunctionSpec function : cloud.lambda().functions()) {
      stats.put(function.name(), cloud.lambda().stats(function.name()));
    }
    return stats;
  }

  @Override
  public void injectErrors(String functionLogicalId, int count, Predicate<String> payloadMatches) {
    var function = cloud.template().functions().get(functionLogicalId);
    if (function == null) {
      throw new IllegalArgumentException("the template has no function " + functionLogicalId);
    }
    cloud.lambda().injectErrors(function.name(), count, payloadMatches);
  }
}
