package dev.orderly.localcloud.events;

import java.net.URI;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** An embedded ElasticMQ and the SDK clients the tests use, all on loopback. */
final class LocalSqs implements AutoCloseable {
  static final String ACCOUNT = "000000000000";
  static final String REGION = "us-east-1";
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private final SQSRestServer server;
  final SqsClient sqs;

  LocalSqs() {
    server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
    int port = server.waitUntilStarted().localAddress().getPort();
    sqs =
        SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .region(Region.of(REGION))
            .credentialsProvider(CREDENTIALS)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  static EventBridgeClient events(URI endpoint) {
    return EventBridgeClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Creates the queue and returns its ARN. */
  String queue(String name) {
    sqs.createQueue(b -> b.queueName(name));
    return arn(name);
  }

  static String arn(String name) {
    return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
  }

  /** The queue URL for a queue ARN, as the lead's resolver gives it. */
  String url(String queueArn) {
    String name = queueArn.substring(queueArn.lastIndexOf(':') + 1);
    return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
  }

  /** Everything now in the queue (deliveries have finished: no waiting). */
  List<Message> drain(String queueArn) {
    String url = url(queueArn);
    List<Message> all = new java.util.ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(
                  b ->
                      b.queueUrl(url)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(0)
                          .messageAttributeNames("All"))
              .messages();
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch);
      List<software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry> handles =
          new java.util.ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        handles.add(
            software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(batch.get(i).receiptHandle())
                .build());
      }
      sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(handles));
    }
  }

  @Override
  public void close() {
    sqs.close();
    server.stopAndWait();
  }
}
