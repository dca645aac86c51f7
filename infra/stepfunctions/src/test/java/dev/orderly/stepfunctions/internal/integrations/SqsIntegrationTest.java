package dev.orderly.stepfunctions.internal.integrations;

import static dev.orderly.stepfunctions.internal.integrations.LocalClients.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.LambdaFunctions;
import dev.orderly.stepfunctions.internal.StatesException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/** sqs:sendMessage through the SDK's JSON protocol against an embedded ElasticMQ. */
class SqsIntegrationTest {
  private static final String SEND = "arn:aws:states:::sqs:sendMessage";
  private static SQSRestServer server;
  private static SqsClient sqs;
  private static ServiceIntegrations tasks;
  private static String endpoint;

  @BeforeAll
  static void startElasticMq() {
    server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
    int port = server.waitUntilStarted().localAddress().getPort();
    endpoint = "http://127.0.0.1:" + port;
    sqs = LocalClients.sqs(URI.create(endpoint));
    tasks = ServiceIntegrations.builder(LambdaFunctions.of(Map.of())).sqs(sqs).build();
  }

  @AfterAll
  static void stopElasticMq() {
    sqs.close();
    server.stopAndWait();
  }

  private static String queue(String name, Map<QueueAttributeName, String> attributes) {
    return sqs.createQueue(
            CreateQueueRequest.builder().queueName(name).attributes(attributes).build())
        .queueUrl();
  }

  private static List<Message> receive(String queueUrl) {
    return sqs.receiveMessage(
            ReceiveMessageRequest.builder()
                .queueUrl(queueUrl)
                .maxNumberOfMessages(10)
                .waitTimeSeconds(1)
                .messageAttributeNames("All")
                .build())
        .messages();
  }

  private static String md5(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void objectBody_isSentAsItsJsonText() {
    String queueUrl = queue("object-bodies", Map.of());

    JsonNode result =
        tasks.invoke(
            SEND,
            json(
                "{'QueueUrl': '"
                    + queueUrl
                    + "', 'MessageBody': {'orderId': 'o-1', 'lines': [{'sku': 'A', 'qty': 2}]}}"));

    String body = "{\"orderId\":\"o-1\",\"lines\":[{\"sku\":\"A\",\"qty\":2}]}";
    List<Message> received = receive(queueUrl);
    assertThat(received).extracting(Message::body).containsExactly(body);
    assertThat(result.get("MessageId").asText()).isEqualTo(received.get(0).messageId());
    assertThat(result.get("MD5OfMessageBody").asText()).isEqualTo(md5(body));
    assertThat(result.at("/SdkHttpMetadata/HttpStatusCode").intValue()).isEqualTo(200);
    assertThat(result.has("SdkResponseMetadata")).isTrue();
  }

  @Test
  void stringBody_isSentAsIs_withItsAttributesAndDelay() {
    String queueUrl = queue("string-bodies", Map.of());

    JsonNode result =
        tasks.invoke(
            SEND,
            json(
                "{'QueueUrl': '"
                    + queueUrl
                    + "', 'MessageBody': 'order o-2 placed', 'DelaySeconds': 0,"
                    + " 'MessageAttributes': {"
                    + "   'type': {'DataType': 'String', 'StringValue': 'OrderPlaced'},"
                    + "   'blob': {'DataType': 'Binary', 'BinaryValue': 'AAEC'}}}"));

    List<Message> received = receive(queueUrl);
    assertThat(received).extracting(Message::body).containsExactly("order o-2 placed");
    Message message = received.get(0);
    assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo("OrderPlaced");
    assertThat(message.messageAttributes().get("blob").binaryValue().asByteArray())
        .containsExactly(0, 1, 2);
    assertThat(result.get("MD5OfMessageBody").asText()).isEqualTo(md5("order o-2 placed"));
    assertThat(result.get("MD5OfMessageAttributes").asText())
        .isEqualTo(message.md5OfMessageAttributes());
  }

  @Test
  void fifoQueue_takesTheGroupAndDeduplicationIds() {
    String queueUrl = queue("orders.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
    JsonNode send =
        json(
            "{'QueueUrl': '"
                + queueUrl
                + "', 'MessageBody': 'first', 'MessageGroupId': 'o-3',"
                + " 'MessageDeduplicationId': 'o-3-placed'}");

    JsonNode first = tasks.invoke(SEND, send);
    JsonNode duplicate = tasks.invoke(SEND, send);

    assertThat(first.get("SequenceNumber").asText()).isNotBlank();
    assertThat(duplicate.get("MessageId")).isEqualTo(first.get("MessageId"));
    assertThat(receive(queueUrl)).extracting(Message::body).containsExactly("first");
  }

  @Test
  void missingQueue_failsWithAnSqsError() {
    Throwable thrown =
        catchThrowable(
            () ->
                tasks.invoke(
                    SEND,
                    json(
                        "{'QueueUrl': '"
                            + endpoint
                            + "/000000000000/no-such-queue', 'MessageBody': 'x'}")));

    assertThat(thrown).isInstanceOf(StatesException.class);
    StatesException failure = (StatesException) thrown;
    assertThat(failure.error()).isEqualTo("SQS.QueueDoesNotExistException");
    assertThat(failure.cause()).contains("Status Code: 400");
  }

  @Test
  void missingBody_failsAsARuntimeError() {
    Throwable thrown =
        catchThrowable(() -> tasks.invoke(SEND, json("{'QueueUrl': '" + endpoint + "/q'}")));

    assertThat(thrown)
        .isInstanceOf(StatesException.class)
        .hasMessageContaining("The field \"MessageBody\" is required");
    assertThat(((StatesException) thrown).error()).isEqualTo(StatesException.RUNTIME);
  }
}
