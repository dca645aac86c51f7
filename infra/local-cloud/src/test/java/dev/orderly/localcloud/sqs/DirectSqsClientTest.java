package dev.orderly.localcloud.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The direct client against ElasticMQ's own HTTP endpoint on the same queues: what one sends the
 * other receives, and both answer the same ids, MD5s, attributes and errors.
 */
class DirectSqsClientTest {
  private static LocalSqs sqs;
  private static SqsClient http;
  private static SqsClient direct;

  @BeforeAll
  static void start() {
    sqs = LocalSqs.start(0, "eu-west-1", "123456789012");
    http = sqs.client();
    direct = sqs.directClient();
  }

  @AfterAll
  static void stop() {
    direct.close();
    sqs.close();
  }

  private static List<Message> receiveAll(SqsClient client, String url, int max) {
    return client
        .receiveMessage(
            b ->
                b.queueUrl(url)
                    .maxNumberOfMessages(max)
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All"))
        .messages();
  }

  private static DeleteMessageBatchRequestEntry delete(String id, String receipt) {
    return DeleteMessageBatchRequestEntry.builder().id(id).receiptHandle(receipt).build();
  }

  private static ChangeMessageVisibilityBatchRequestEntry visible(String id, String receipt) {
    return ChangeMessageVisibilityBatchRequestEntry.builder()
        .id(id)
        .receiptHandle(receipt)
        .visibilityTimeout(0)
        .build();
  }

  @Test
  void aMessageSentDirectlyIsReceivedOverHttpWithTheSameIdAndMd5() {
    String url = sqs.createQueue(QueueSpec.standard("direct-send"));
    String body = "{\"detail\":\"Grüße\",\"n\":1}";

    SendMessageResponse sent = direct.sendMessage(b -> b.queueUrl(url).messageBody(body));

    Message received = receiveAll(http, url, 1).get(0);
    assertThat(received.messageId()).isEqualTo(sent.messageId());
    assertThat(received.body()).isEqualTo(body);
    assertThat(sent.md5OfMessageBody()).isEqualTo(received.md5OfBody());
  }

  @Test
  void aMessageSentOverHttpIsReceivedDirectlyAsElasticMqsEndpointAnswersIt() {
    String url = sqs.createQueue(QueueSpec.standard("direct-receive"));
    Map<String, MessageAttributeValue> attributes =
        Map.of(
            "ERROR_CODE",
            MessageAttributeValue.builder().dataType("String").stringValue("THROTTLING").build(),
            "RETRY_ATTEMPTS",
            MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
            "TRACE",
            MessageAttributeValue.builder()
                .dataType("Binary.trace")
                .binaryValue(SdkBytes.fromUtf8String("abc"))
                .build());
    // the SDK checks the MD5s ElasticMQ answers to a send: they are SQS's
    SendMessageResponse sent =
        http.sendMessage(b -> b.queueUrl(url).messageBody("hello").messageAttributes(attributes));

    Message received = receiveAll(direct, url, 10).get(0);

    assertThat(received.messageId()).isEqualTo(sent.messageId());
    assertThat(received.md5OfBody()).isEqualTo(sent.md5OfMessageBody());
    assertThat(received.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
    assertThat(received.messageAttributes()).isEqualTo(attributes);
    assertThat(received.attributesAsStrings())
        .containsEntry("ApproximateReceiveCount", "1")
        .containsEntry("SenderId", "127.0.0.1")
        .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
    assertThat(Long.parseLong(received.attributesAsStrings().get("SentTimestamp"))).isPositive();
  }

  @Test
  void aBatchSentDirectlyAnswersEachEntryAndKeepsItsOrder() {
    String url = sqs.createQueue(QueueSpec.standard("direct-batch"));

    SendMessageBatchResponse sent =
        direct.sendMessageBatch(
            b ->
                b.queueUrl(url)
                    .entries(
                        SendMessageBatchRequestEntry.builder().id("a").messageBody("first").build(),
                        SendMessageBatchRequestEntry.builder()
                            .id("b")
                            .messageBody("second")
                            .build()));

    assertThat(sent.failed()).isEmpty();
    assertThat(sent.successful()).extracting(r -> r.id()).containsExactly("a", "b");
    assertThat(receiveAll(http, url, 10))
        .extracting(Message::body)
        .containsExactlyInAnyOrder("first", "second");
  }

  @Test
  void deletesAndVisibilityChangesAnswerPerEntry_anUnknownReceiptFailsAsOverHttp() {
    String url = sqs.createQueue(QueueSpec.standard("direct-delete").withVisibilityTimeout(30));
    direct.sendMessage(b -> b.queueUrl(url).messageBody("one"));
    direct.sendMessage(b -> b.queueUrl(url).messageBody("two"));
    List<Message> received = receiveAll(direct, url, 10);
    assertThat(received).hasSize(2);
    Message kept = received.get(0);
    Message deleted = received.get(1);
    String bogus = deleted.receiptHandle().substring(0, deleted.receiptHandle().length() - 1) + "X";

    DeleteMessageBatchResponse viaDirect =
        direct.deleteMessageBatch(
            b ->
                b.queueUrl(url)
                    .entries(delete("ok", deleted.receiptHandle()), delete("bad", bogus)));
    DeleteMessageBatchResponse viaHttp =
        http.deleteMessageBatch(b -> b.queueUrl(url).entries(delete("bad", bogus)));

    assertThat(viaDirect.successful()).extracting(r -> r.id()).containsExactly("ok");
    assertThat(viaDirect.failed()).extracting(BatchResultErrorEntry::id).containsExactly("bad");
    assertThat(viaDirect.failed().get(0).code()).isEqualTo(viaHttp.failed().get(0).code());
    assertThat(viaDirect.failed().get(0).senderFault()).isTrue();

    // the kept message comes back at once when its visibility goes to zero, received twice
    var changed =
        direct.changeMessageVisibilityBatch(
            b -> b.queueUrl(url).entries(visible("k", kept.receiptHandle())));
    assertThat(changed.successful()).hasSize(1);
    List<Message> again = receiveAll(direct, url, 10);
    assertThat(again).extracting(Message::messageId).containsExactly(kept.messageId());
    assertThat(again.get(0).attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
  }

  @Test
  void aMessageReceivedMoreThanTheRedrivePolicyAllowsMovesToTheDeadLetterQueue() {
    String dlq = sqs.createQueue(QueueSpec.standard("direct-redrive-dlq"));
    String url =
        sqs.createQueue(
            QueueSpec.standard("direct-redrive")
                .withVisibilityTimeout(30)
                .withDeadLetter("direct-redrive-dlq", 1));
    direct.sendMessage(b -> b.queueUrl(url).messageBody("poison"));
    Message first = receiveAll(direct, url, 1).get(0);
    direct.changeMessageVisibilityBatch(
        b -> b.queueUrl(url).entries(visible("0", first.receiptHandle())));

    assertThat(
            direct
                .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(0))
                .messages())
        .isEmpty();
    assertThat(receiveAll(http, dlq, 1)).extracting(Message::body).containsExactly("poison");
  }

  @Test
  void whatItDoesNotHandleGoesOverHttp_andAnUnknownQueueFailsAsSqsDoes() {
    String fifo = sqs.createQueue(new QueueSpec("direct-order.fifo", 30, 345_600, 0, true, null));
    direct.sendMessage(
        b ->
            b.queueUrl(fifo)
                .messageBody("ordered")
                .messageGroupId("g")
                .messageDeduplicationId("d1"));
    assertThat(receiveAll(http, fifo, 1)).extracting(Message::body).containsExactly("ordered");

    String missing = "http://localhost:" + sqs.port() + "/123456789012/no-such-queue";
    assertThatThrownBy(() -> direct.sendMessage(b -> b.queueUrl(missing).messageBody("x")))
        .isInstanceOf(QueueDoesNotExistException.class);
  }

  @Test
  void callsDoNotStartAThreadEach() {
    String url = sqs.createQueue(QueueSpec.standard("direct-threads"));
    // warm-up: ElasticMQ's dispatcher starts its threads
    for (int i = 0; i < 20; i++) {
      direct.sendMessage(b -> b.queueUrl(url).messageBody("warm-up"));
    }
    drain(url);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = threads.getTotalStartedThreadCount();

    for (int round = 0; round < 50; round++) {
      direct.sendMessage(b -> b.queueUrl(url).messageBody("single"));
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        entries.add(
            SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("b" + i).build());
      }
      direct.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
      drain(url);
    }

    // 50 rounds of a send, a batch of 9, receives and batch deletes: hundreds of actor answers.
    // Chaining on Pekko's answer ran each dependent on a new thread (a one-thread common pool).
    assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(25);
  }

  private static void drain(String url) {
    List<Message> received;
    do {
      received =
          direct
              .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      if (!received.isEmpty()) {
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
          deletes.add(delete("d" + i, received.get(i).receiptHandle()));
        }
        DeleteMessageBatchResponse deleted =
            direct.deleteMessageBatch(b -> b.queueUrl(url).entries(deletes));
        assertThat(deleted.failed()).isEmpty();
      }
    } while (!received.isEmpty());
  }
}
