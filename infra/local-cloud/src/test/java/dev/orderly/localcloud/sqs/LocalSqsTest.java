package dev.orderly.localcloud.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class LocalSqsTest {
  private static LocalSqs sqs;
  private static SqsClient client;

  @BeforeAll
  static void start() {
    sqs = LocalSqs.start(0, "eu-west-1", "123456789012");
    client = sqs.client();
  }

  @AfterAll
  static void stop() {
    sqs.close();
  }

  @Test
  void reserve_holdsAFreePortUntilElasticMqBindsIt() throws Exception {
    LocalSqs.PortReservation reservation = LocalSqs.reserve(0);
    // while reserved, no other socket can listen on it (ServerSocket sets SO_REUSEADDR, as Pekko)
    assertThatThrownBy(
            () -> {
              try (ServerSocket other = new ServerSocket()) {
                other.setReuseAddress(true);
                other.bind(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), reservation.port()));
              }
            })
        .isInstanceOf(BindException.class);

    try (LocalSqs reserved = LocalSqs.start(reservation, "eu-west-1", "123456789012")) {
      assertThat(reserved.port()).isEqualTo(reservation.port());
      assertThat(reserved.client().listQueues().queueUrls()).isEmpty();
    }
  }

  @Test
  void createQueue_setsTheTemplatesAttributesAndRedrivePolicy() {
    sqs.createQueue(QueueSpec.standard("views-dlq").withMessageRetention(1_209_600));
    String url =
        sqs.createQueue(
            QueueSpec.standard("views").withVisibilityTimeout(90).withDeadLetter("views-dlq", 3));

    Map<QueueAttributeName, String> attributes =
        client
            .getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
            .attributes();

    assertThat(url).isEqualTo(sqs.queueUrl("views"));
    assertThat(url).isEqualTo("http://localhost:" + sqs.port() + "/123456789012/views");
    assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("90");
    assertThat(attributes.get(QueueAttributeName.QUEUE_ARN)).isEqualTo(sqs.queueArn("views"));
    assertThat(sqs.queueArn("views")).isEqualTo("arn:aws:sqs:eu-west-1:123456789012:views");
    assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
        .contains(sqs.queueArn("views-dlq"))
        .contains("3");
  }

  @Test
  void createQueue_acceptsTheDeadLetterQueueByArn() {
    sqs.createQueue(QueueSpec.standard("by-arn-dlq"));
    String url =
        sqs.createQueue(QueueSpec.standard("by-arn").withDeadLetter(sqs.queueArn("by-arn-dlq"), 1));

    assertThat(
            client
                .getQueueAttributes(
                    b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes()
                .get(QueueAttributeName.REDRIVE_POLICY))
        .contains(sqs.queueArn("by-arn-dlq"));
  }

  @Test
  void createQueue_failsWhenTheDeadLetterQueueDoesNotExistYet() {
    assertThatThrownBy(
            () -> sqs.createQueue(QueueSpec.standard("orphan").withDeadLetter("missing-dlq", 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing-dlq");
  }

  @Test
  void messagesRoundTripThroughTheJsonProtocol() {
    String url = sqs.createQueue(QueueSpec.standard("round-trip"));

    client.sendMessage(b -> b.queueUrl(url).messageBody("{\"hello\":1}"));
    Message message =
        client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)).messages().get(0);

    assertThat(message.body()).isEqualTo("{\"hello\":1}");
  }

  @Test
  void fifoQueuesAreCreatedAsFifo() {
    String url = sqs.createQueue(new QueueSpec("ordered.fifo", 30, 345_600, 0, true, null));

    assertThat(
            client
                .getQueueAttributes(
                    b -> b.queueUrl(url).attributeNames(QueueAttributeName.FIFO_QUEUE))
                .attributes())
        .containsEntry(QueueAttributeName.FIFO_QUEUE, "true");
  }

  @Test
  void queueUrl_ofAnUnknownQueueIsQueueDoesNotExist() {
    assertThatThrownBy(() -> sqs.queueUrl("nope")).isInstanceOf(QueueDoesNotExistException.class);
  }

  @Test
  void queueSpec_rejectsAFifoNameOnAStandardQueue() {
    assertThatThrownBy(() -> QueueSpec.standard("x.fifo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".fifo");
  }
}
