package dev.orderly.localcloud.mappings;

import static dev.orderly.localcloud.mappings.ScriptedFunction.failing;
import static dev.orderly.localcloud.mappings.ScriptedFunction.ok;
import static dev.orderly.localcloud.mappings.ScriptedFunction.texts;
import static dev.orderly.localcloud.mappings.ScriptedFunction.unhandled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.sqs.LocalSqs;
import dev.orderly.localcloud.sqs.QueueSpec;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsEventSourceTest {
  private static final Duration BOUND = Duration.ofSeconds(15);
  private static LocalSqs sqs;
  private static SqsClient client;

  private final ScriptedFunction function = new ScriptedFunction();
  private final List<SqsEventSource> mappings = new ArrayList<>();
  private String queue;

  @BeforeAll
  static void startSqs() {
    sqs = LocalSqs.start(0, "eu-west-1", "123456789012");
    client = sqs.client();
  }

  @AfterAll
  static void stopSqs() {
    sqs.close();
  }

  @AfterEach
  void closeMappings() {
    mappings.forEach(SqsEventSource::close);
  }

  private String queue(TestInfo test, int visibility, int maxReceiveCount) {
    queue = test.getTestMethod().orElseThrow().getName().replace("_", "-");
    sqs.createQueue(QueueSpec.standard(queue + "-dlq"));
    return sqs.createQueue(
        QueueSpec.standard(queue)
            .withVisibilityTimeout(visibility)
            .withDeadLetter(queue + "-dlq", maxReceiveCount));
  }

  private SqsEventSource start(String url, UnaryOperator<SqsEventSource.Builder> settings) {
    SqsEventSource mapping =
        settings
            .apply(
                SqsEventSource.builder()
                    .sqs(client)
                    .queueUrl(url)
                    .queueArn(sqs.queueArn(queue))
                    .function("fn", function))
            .build();
    mappings.add(mapping);
    mapping.start();
    return mapping;
  }

  private void send(String url, String... bodies) {
    for (String body : bodies) {
      client.sendMessage(b -> b.queueUrl(url).messageBody(body));
    }
  }

  private List<Message> receiveAll(String url) {
    return client
        .receiveMessage(
            b ->
                b.queueUrl(url)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .messageSystemAttributeNamesWithStrings("All"))
        .messages();
  }

  @Test
  void invokesWithTheSqsEventLambdaSends(TestInfo test) throws Exception {
    String url = queue(test, 30, 3);
    client.sendMessage(
        b ->
            b.queueUrl(url)
                .messageBody("{\"orderId\":\"o-1\"}")
                .messageAttributes(
                    Map.of(
                        "tenant",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("acme")
                            .build(),
                        "blob",
                        MessageAttributeValue.builder()
                            .dataType("Binary")
                            .binaryValue(SdkBytes.fromUtf8String("hi"))
                            .build())));

    SqsEventSource mapping = start(url, b -> b);

    await().atMost(BOUND).until(() -> function.events().size() == 1);
    JsonNode record = function.events().get(0).get("Records").get(0);
    assertThat(record.get("messageId").asText()).isNotBlank();
    assertThat(record.get("receiptHandle").asText()).isNotBlank();
    assertThat(record.get("body").asText()).isEqualTo("{\"orderId\":\"o-1\"}");
    assertThat(record.get("md5OfBody").asText()).isEqualTo(md5("{\"orderId\":\"o-1\"}"));
    assertThat(record.get("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(record.get("eventSourceARN").asText())
        .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:" + queue);
    assertThat(record.get("awsRegion").asText()).isEqualTo("eu-west-1");
    JsonNode attributes = record.get("attributes");
    assertThat(attributes.get("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(attributes.get("SentTimestamp").asText()).containsOnlyDigits();
    assertThat(attributes.get("ApproximateFirstReceiveTimestamp").asText()).containsOnlyDigits();
    assertThat(attributes.has("SenderId")).isTrue();
    assertThat(record.at("/messageAttributes/tenant").toString())
        .isEqualTo(
            "{\"stringValue\":\"acme\",\"stringListValues\":[],\"binaryListValues\":[],"
                + "\"dataType\":\"String\"}");
    assertThat(record.at("/messageAttributes/blob").toString())
        .isEqualTo(
            "{\"binaryValue\":\"aGk=\",\"stringListValues\":[],\"binaryListValues\":[],"
                + "\"dataType\":\"Binary\"}");
    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(mapping.stats()).isEqualTo(new MappingStats(1, 1, 0, 0, 0, 0));

    // The Java runtime reads the event into its SQSEvent type.
    SQSEvent event =
        LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
            .fromJson(
                new ByteArrayInputStream(
                    ScriptedFunction.JSON.writeValueAsBytes(function.events().get(0))));
    SQSEvent.SQSMessage message = event.getRecords().get(0);
    assertThat(message.getBody()).isEqualTo("{\"orderId\":\"o-1\"}");
    assertThat(message.getEventSourceArn()).endsWith(":" + queue);
    assertThat(message.getMessageAttributes().get("tenant").getStringValue()).isEqualTo("acme");
    assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
  }

  @Test
  void batchingWindowGathersMessagesUntilItCloses(TestInfo test) {
    String url = queue(test, 30, 3);
    // long enough that a slow machine still sends "two" and "three" while it is open
    start(url, b -> b.pollers(1).batchSize(10).batchingWindow(Duration.ofSeconds(6)));

    send(url, "one");
    await()
        .atMost(BOUND)
        .until(
            () ->
                client
                    .getQueueAttributes(
                        r ->
                            r.queueUrl(url)
                                .attributeNamesWithStrings("ApproximateNumberOfMessagesNotVisible"))
                    .attributesAsStrings()
                    .get("ApproximateNumberOfMessagesNotVisible")
                    .equals("1"));
    send(url, "two", "three");

    await().atMost(BOUND).until(() -> function.events().size() == 1);
    assertThat(texts(function.events().get(0), "/body"))
        .containsExactlyInAnyOrder("one", "two", "three");
  }

  @Test
  void aFullBatchIsInvokedWithoutWaitingForTheWindow(TestInfo test) {
    String url = queue(test, 30, 3);
    send(url, "a", "b", "c");

    start(url, b -> b.batchSize(3).batchingWindow(Duration.ofSeconds(120)));

    await().atMost(BOUND).until(() -> function.records().size() == 3);
    assertThat(texts(function.events().get(0), "/body")).hasSize(3);
  }

  @Test
  void reportedItemFailuresStayAndAreRedeliveredAlone(TestInfo test) {
    String url = queue(test, 1, 5);
    send(url, "keep-1", "fail-1", "keep-2", "fail-2");
    AtomicInteger calls = new AtomicInteger();
    function.answer(
        e -> {
          if (calls.incrementAndGet() > 1) {
            return ok("{\"batchItemFailures\":[]}");
          }
          List<String> failed = new ArrayList<>();
          e.get("Records")
              .forEach(
                  r -> {
                    if (r.get("body").asText().startsWith("fail")) {
                      failed.add(r.get("messageId").asText());
                    }
                  });
          return failing(failed);
        });

    SqsEventSource mapping = start(url, b -> b.pollers(1).reportBatchItemFailures(true));

    await().atMost(BOUND).until(() -> function.records().size() >= 6);
    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(function.events()).hasSize(2);
    List<JsonNode> records = function.records();
    assertThat(records.subList(0, 4))
        .extracting(r -> r.get("body").asText())
        .containsExactlyInAnyOrder("keep-1", "fail-1", "keep-2", "fail-2");
    assertThat(records.subList(4, 6))
        .extracting(r -> r.get("body").asText())
        .containsExactlyInAnyOrder("fail-1", "fail-2");
    assertThat(records.subList(4, 6))
        .allSatisfy(
            r -> assertThat(r.at("/attributes/ApproximateReceiveCount").asText()).isEqualTo("2"));
    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(mapping.stats().failures()).isEqualTo(1);
  }

  @Test
  void aMessageThatKeepsFailingIsRedrivenToTheDeadLetterQueue(TestInfo test) {
    String url = queue(test, 1, 2);
    send(url, "poison");
    function.answer(e -> unhandled());

    start(url, b -> b.reportBatchItemFailures(true));

    List<Message> dead = new ArrayList<>();
    String dlq = sqs.queueUrl(queue + "-dlq");
    await().atMost(BOUND).until(() -> dead.addAll(receiveAll(dlq)));
    assertThat(dead).extracting(Message::body).containsExactly("poison");
    assertThat(function.records()).hasSize(2);
  }

  @Test
  void aFunctionErrorLeavesTheWholeBatch(TestInfo test) {
    String url = queue(test, 1, 5);
    send(url, "x", "y");
    AtomicInteger calls = new AtomicInteger();
    function.answer(e -> calls.incrementAndGet() == 1 ? unhandled() : ok("{}"));

    SqsEventSource mapping = start(url, b -> b.pollers(1).reportBatchItemFailures(true));

    await().atMost(BOUND).until(() -> function.records().size() == 4);
    assertThat(function.records().subList(2, 4))
        .extracting(r -> r.get("body").asText())
        .containsExactlyInAnyOrder("x", "y");
    assertThat(mapping.awaitIdle(BOUND)).isTrue();
  }

  @Test
  void anInvalidBatchResponseFailsTheWholeBatch(TestInfo test) {
    String url = queue(test, 1, 5);
    send(url, "x", "y");
    AtomicInteger calls = new AtomicInteger();
    function.answer(
        e -> calls.incrementAndGet() == 1 ? failing(List.of("not-a-message-id")) : ok("{}"));

    SqsEventSource mapping = start(url, b -> b.pollers(1).reportBatchItemFailures(true));

    await().atMost(BOUND).until(() -> function.records().size() == 4);
    assertThat(function.records().subList(2, 4))
        .extracting(r -> r.get("body").asText())
        .containsExactlyInAnyOrder("x", "y");
    assertThat(mapping.awaitIdle(BOUND)).isTrue();
  }

  @Test
  void withoutReportBatchItemFailuresAReportIsIgnoredAndTheBatchDeleted(TestInfo test) {
    String url = queue(test, 1, 5);
    send(url, "x");
    function.answer(e -> failing(texts(e, "/messageId")));

    SqsEventSource mapping = start(url, b -> b);

    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(function.records()).hasSize(1);
  }

  @Test
  void maximumConcurrencyBoundsConcurrentInvocations(TestInfo test) throws Exception {
    String url = queue(test, 30, 5);
    send(url, "1", "2", "3", "4", "5", "6");
    CountDownLatch gate = new CountDownLatch(1);
    function.answer(
        e -> {
          try {
            gate.await(BOUND.toSeconds(), TimeUnit.SECONDS);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
          return ok("{}");
        });

    SqsEventSource mapping = start(url, b -> b.batchSize(1).pollers(5).maximumConcurrency(2));

    await().atMost(BOUND).until(() -> function.running() == 2);
    await().during(Duration.ofMillis(500)).atMost(BOUND).until(() -> function.running() <= 2);
    gate.countDown();
    assertThat(mapping.awaitIdle(BOUND)).isTrue();
    assertThat(function.records()).hasSize(6);
    assertThat(function.maxRunning()).isEqualTo(2);
  }

  @Test
  void failedMessageVisibilityOptionRetriesBeforeTheQueuesVisibilityTimeout(TestInfo test) {
    String url = queue(test, 600, 5);
    send(url, "retry-me");
    AtomicInteger calls = new AtomicInteger();
    function.answer(e -> calls.incrementAndGet() == 1 ? unhandled() : ok("{}"));

    SqsEventSource mapping = start(url, b -> b.failedMessageVisibility(Duration.ZERO));

    await().atMost(BOUND).until(() -> function.records().size() == 2);
    assertThat(mapping.awaitIdle(BOUND)).isTrue();
  }

  @Test
  void aTimedOutInvocationsMessagesComeBackAfterTheTimedOutVisibility(TestInfo test) {
    String url = queue(test, 600, 5);
    send(url, "cut-off");
    function.answer(
        e -> texts(e, "/body").contains("cut-off") ? ScriptedFunction.timedOut() : ok("{}"));
    SqsEventSource mapping =
        start(
            url,
            b ->
                b.failedMessageVisibility(Duration.ZERO)
                    .timedOutMessageVisibility(Duration.ofSeconds(600)));
    await().atMost(BOUND).until(() -> mapping.stats().failures() == 1);

    // a later message goes through (and is deleted) while the cut-off one stays invisible: at the
    // failed messages' 0 s it would have come back with it
    send(url, "after");
    await()
        .atMost(BOUND)
        .until(
            () ->
                bodies(function.records()).contains("after")
                    && attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                        .equals("1")
                    && attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                        .equals("0"));

    assertThat(bodies(function.records())).containsExactly("cut-off", "after");
  }

  private String attribute(String url, QueueAttributeName name) {
    return client
        .getQueueAttributes(b -> b.queueUrl(url).attributeNames(name))
        .attributes()
        .get(name);
  }

  private static List<String> bodies(List<JsonNode> records) {
    return records.stream().map(r -> r.path("body").asText()).toList();
  }

  private static String md5(String body) throws NoSuchAlgorithmException {
    byte[] digest = MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8));
    return String.format("%032x", new BigInteger(1, digest));
  }
}
