package dev.orderly.localcloud.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** What a target receives under InputPath and InputTransformer, events sent through the SDK. */
class InputShapingTest {
  private static final String TARGET = "arn:aws:sqs:us-east-1:000000000000:shaped";
  private static final String DETAIL =
      "{\"orderId\":\"o-1\",\"total\":12.5,\"lines\":[{\"sku\":\"A\",\"qty\":2}],"
          + "\"state\":\"PLACED\",\"note\":\"say \\\"hi\\\"\"}";

  private final RecordingTarget target = RecordingTarget.accepting();
  private LocalEventBridge bridge;
  private EventBridgeClient events;

  @BeforeEach
  void start() {
    bridge =
        LocalEventBridge.builder()
            .clock(Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC))
            .ids(() -> "id-1")
            .target(TARGET, target)
            .build();
    events = LocalSqs.events(bridge.start());
  }

  @AfterEach
  void stop() {
    events.close();
    bridge.close();
  }

  private void putOrderPlacedAndAwaitDelivery() {
    events.putEvents(
        b ->
            b.entries(
                PutEventsRequestEntry.builder()
                    .source("orderly.orders")
                    .detailType("OrderPlaced")
                    .detail(DETAIL)
                    .build()));
    assertThat(bridge.awaitIdle(Duration.ofSeconds(5))).isTrue();
  }

  private String deliveredFor(TargetSpec spec) {
    bridge.putRule(
        new RuleSpec("Shape", null, "{\"source\": [\"orderly.orders\"]}", List.of(spec)));
    putOrderPlacedAndAwaitDelivery();
    assertThat(target.attempts()).hasSize(1);
    return target.attempts().get(0);
  }

  private static TargetSpec transformed(Map<String, String> paths, String template) {
    return TargetSpec.of("T", TARGET)
        .withInputTransformer(new InputTransformerSpec(paths, template));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$.detail | "
            + "{\"orderId\":\"o-1\",\"total\":12.5,\"lines\":[{\"sku\":\"A\",\"qty\":2}],"
            + "\"state\":\"PLACED\",\"note\":\"say \\\"hi\\\"\"}",
        "$.detail.lines[0].sku | \"A\"",
        "$.detail.total | 12.5",
        "$.resources | []",
        "$.detail-type | \"OrderPlaced\""
      })
  void inputPath_sendsTheSelectedValueAsJson(String path, String expected) {
    assertThat(deliveredFor(TargetSpec.of("T", TARGET).withInputPath(path))).isEqualTo(expected);
  }

  @Test
  void jsonTemplate_quotesStrings_keepsOtherValues_andMinifies() {
    String input =
        deliveredFor(
            transformed(
                Map.of(
                    "order", "$.detail.orderId",
                    "total", "$.detail.total",
                    "lines", "$.detail.lines",
                    "state", "$.detail.state",
                    "missing", "$.detail.nope"),
                "{\n  \"order\": <order>,\n  \"total\": <total>,\n  \"lines\": <lines>,\n"
                    + "  \"text\": \"<order> is <state>\",\n  \"list\": [9, <state>, true],\n"
                    + "  \"missing\": <missing>\n}"));

    assertThat(input)
        .isEqualTo(
            "{\"order\":\"o-1\",\"total\":12.5,\"lines\":[{\"sku\":\"A\",\"qty\":2}],"
                + "\"text\":\"o-1 is PLACED\",\"list\":[9,\"PLACED\",true],\"missing\":null}");
  }

  @Test
  void stringTemplate_insertsTextAndKeepsItsQuotes() {
    assertThat(
            deliveredFor(
                transformed(
                    Map.of("order", "$.detail.orderId", "state", "$.detail.state"),
                    "\"order <order> is in <state>\"")))
        .isEqualTo("\"order o-1 is in PLACED\"");
  }

  @Test
  void plainTextTemplate_insertsText() {
    assertThat(
            deliveredFor(
                transformed(
                    Map.of("order", "$.detail.orderId", "total", "$.detail.total"),
                    "Order <order> totals <total> <b>bold</b>")))
        .isEqualTo("Order o-1 totals 12.5 <b>bold</b>");
  }

  @Test
  void reservedVariables_nameTheRuleAndTheEvent() {
    String input =
        deliveredFor(
            transformed(
                Map.of(),
                "{\"rule\": <aws.events.rule-name>, \"arn\": <aws.events.rule-arn>,"
                    + " \"at\": <aws.events.event.ingestion-time>,"
                    + " \"head\": <aws.events.event>, \"whole\": <aws.events.event.json>}"));

    assertThat(input)
        .startsWith(
            "{\"rule\":\"Shape\",\"arn\":\"arn:aws:events:us-east-1:000000000000:rule/Shape\","
                + "\"at\":\"2025-01-02T03:04:05Z\",\"head\":{\"version\":\"0\",\"id\":\"id-1\",")
        .contains("\"resources\":[]},\"whole\":{")
        .endsWith("\"detail\":" + DETAIL + "}}");
  }

  @Test
  void aConstantInput_isSentInsteadOfTheEvent() {
    assertThat(deliveredFor(TargetSpec.of("T", TARGET).withInput("{\"fixed\": true}")))
        .isEqualTo("{\"fixed\": true}");
  }

  @Test
  void aDisabledRule_matchesNothing() {
    bridge.putRule(
        new RuleSpec(
            "Off",
            null,
            "{\"source\": [\"orderly.orders\"]}",
            List.of(TargetSpec.of("T", TARGET).withInput("{\"rule\": \"off\"}")),
            "DISABLED"));
    bridge.putRule(
        new RuleSpec(
            "On",
            null,
            "{\"source\": [\"orderly.orders\"]}",
            List.of(TargetSpec.of("T", TARGET).withInput("{\"rule\": \"on\"}"))));
    putOrderPlacedAndAwaitDelivery();

    assertThat(target.attempts()).containsExactly("{\"rule\": \"on\"}");
  }

  @Test
  void inputPathThatSelectsNothing_cannotBeDelivered_andIsDroppedVisibly() {
    bridge.putRule(
        new RuleSpec(
            "Shape",
            null,
            "{\"source\": [\"orderly.orders\"]}",
            List.of(TargetSpec.of("T", TARGET).withInputPath("$.detail.nope"))));
    putOrderPlacedAndAwaitDelivery();

    assertThat(target.attempts()).isEmpty();
    assertThat(bridge.stats().dropped()).isEqualTo(1);
    assertThat(bridge.stats().retried()).isZero();
  }

  @Test
  void invalidTemplatesAndPaths_areRefusedWhenTheRuleIsCreated() {
    assertThat(refusal(transformed(Map.of("a", "$.detail.a"), "{\"a\": <a>,}")))
        .contains("InputTemplate of target T is not valid JSON");
    assertThat(refusal(TargetSpec.of("T", TARGET).withInputPath("$.detail.lines[*]")))
        .contains("is not supported");
    assertThat(refusal(transformed(Map.of("a", "$.detail.*"), "<a>"))).contains("no wildcards");
    assertThat(refusal(transformed(Map.of("a", "detail.a"), "<a>"))).contains("must start with $");
  }

  private String refusal(TargetSpec spec) {
    return catchThrowableOfType(
            EventBridgeException.class,
            () -> bridge.putRule(new RuleSpec("Bad", null, "{\"source\": [\"x\"]}", List.of(spec))))
        .getMessage();
  }
}
