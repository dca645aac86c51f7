package dev.orderly.localcloud.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;

/** PutEvents validation and the read operations, through the SDK's EventBridgeClient. */
class EventBridgeApiTest {
  private final List<String> delivered = new ArrayList<>();
  private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:sink";
  private LocalEventBridge bridge;
  private EventBridgeClient events;
  private URI endpoint;

  @BeforeEach
  void start() {
    bridge =
        LocalEventBridge.builder()
            .target(
                QUEUE,
                (arn, input) -> {
                  synchronized (delivered) {
                    delivered.add(input);
                  }
                  return java.util.concurrent.CompletableFuture.completedFuture(null);
                })
            .build();
    bridge.createBus("orders");
    bridge.putRule(
        new RuleSpec(
            "Everything",
            "orders",
            "{\"source\": [{\"prefix\": \"orderly.\"}]}",
            List.of(TargetSpec.of("Sink", QUEUE))));
    bridge.putRule(new RuleSpec("Other", "orders", "{\"source\": [\"elsewhere\"]}", List.of()));
    endpoint = bridge.start();
    events = LocalSqs.events(endpoint);
  }

  @AfterEach
  void stop() {
    events.close();
    bridge.close();
  }

  private static PutEventsRequestEntry entry(String source, String detailType, String detail) {
    return PutEventsRequestEntry.builder()
        .eventBusName("orders")
        .source(source)
        .detailType(detailType)
        .detail(detail)
        .build();
  }

  @Test
  void putEvents_answersEachEntry_acceptingTheValidOnes() {
    PutEventsResponse response =
        events.putEvents(
            b ->
                b.entries(
                    entry("orderly.orders", "OrderPlaced", "{\"a\":1}"),
                    entry(null, "OrderPlaced", "{}"),
                    entry("orderly.orders", null, "{}"),
                    entry("orderly.orders", "OrderPlaced", null),
                    entry("orderly.orders", "OrderPlaced", "{not json"),
                    entry("orderly.orders", "OrderPlaced", "[1, 2]"),
                    entry("aws.ec2", "OrderPlaced", "{}"),
                    entry("orderly.orders", "OrderPlaced", "{}").toBuilder()
                        .eventBusName("nope")
                        .build()));

    assertThat(response.failedEntryCount()).isEqualTo(7);
    List<PutEventsResultEntry> results = response.entries();
    assertThat(results.get(0).eventId()).isNotBlank();
    assertThat(results.get(0).errorCode()).isNull();
    assertThat(results.subList(1, 8))
        .extracting(PutEventsResultEntry::errorCode)
        .containsExactly(
            "InvalidArgument",
            "InvalidArgument",
            "InvalidArgument",
            "MalformedDetail",
            "MalformedDetail",
            "NotAuthorizedForSourceException",
            "ResourceNotFoundException");
    assertThat(results.get(1).errorMessage())
        .isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
    assertThat(results.get(2).errorMessage()).contains("DetailType is a required argument");
    assertThat(results.get(3).errorMessage()).contains("Detail is a required argument");
    assertThat(results.subList(1, 8)).allSatisfy(r -> assertThat(r.eventId()).isNull());
    assertThat(bridge.awaitIdle(Duration.ofSeconds(5))).isTrue();
    assertThat(delivered).hasSize(1);
    assertThat(bridge.stats().accepted()).isEqualTo(1);
    assertThat(bridge.stats().rejected()).isEqualTo(7);
  }

  @Test
  void putEvents_refusesMoreThanTenEntries() {
    List<PutEventsRequestEntry> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(entry("orderly.orders", "OrderPlaced", "{}"));
    }

    EventBridgeException error =
        catchThrowableOfType(
            EventBridgeException.class, () -> events.putEvents(b -> b.entries(eleven)));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(error.getMessage()).contains("less than or equal to 10");
    assertThat(delivered).isEmpty();
  }

  @Test
  void putEvents_refusesMoreThan256KbInAll() {
    String big = "{\"pad\":\"" + "x".repeat(90_000) + "\"}";

    EventBridgeException error =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                events.putEvents(
                    b ->
                        b.entries(
                            entry("orderly.orders", "OrderPlaced", big),
                            entry("orderly.orders", "OrderPlaced", big),
                            entry("orderly.orders", "OrderPlaced", big))));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(error.getMessage()).contains("Total size of the entries");
  }

  @Test
  void putEvents_acceptsJustUnder256Kb() {
    String big = "{\"pad\":\"" + "x".repeat(87_000) + "\"}";

    PutEventsResponse response =
        events.putEvents(
            b ->
                b.entries(
                    entry("orderly.orders", "OrderPlaced", big),
                    entry("orderly.orders", "OrderPlaced", big),
                    entry("orderly.orders", "OrderPlaced", big)));

    assertThat(response.failedEntryCount()).isZero();
  }

  @Test
  void listRules_describeEventBus_andListEventBuses() {
    List<Rule> rules = events.listRules(b -> b.eventBusName("orders")).rules();
    assertThat(rules).extracting(Rule::name).containsExactly("Everything", "Other");
    Rule everything = rules.get(0);
    assertThat(everything.arn())
        .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/orders/Everything");
    assertThat(everything.eventPattern()).contains("prefix");
    assertThat(everything.stateAsString()).isEqualTo("ENABLED");
    assertThat(events.listRules(b -> b.eventBusName("orders").namePrefix("Oth")).rules())
        .extracting(Rule::name)
        .containsExactly("Other");
    assertThat(events.listRules(b -> b.eventBusName("orders").limit(1)).nextToken()).isNotNull();
    assertThat(events.listRules(b -> b.build()).rules()).isEmpty();

    assertThat(events.describeEventBus(b -> b.name("orders")).arn())
        .isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/orders");
    assertThat(events.listEventBuses(b -> b.build()).eventBuses())
        .extracting(bus -> bus.name())
        .containsExactly("default", "orders");
    assertThat(events.listTargetsByRule(b -> b.eventBusName("orders").rule("Everything")).targets())
        .singleElement()
        .satisfies(
            target -> {
              assertThat(target.id()).isEqualTo("Sink");
              assertThat(target.retryPolicy().maximumRetryAttempts()).isEqualTo(185);
              assertThat(target.retryPolicy().maximumEventAgeInSeconds()).isEqualTo(86_400);
            });
  }

  @Test
  void describeEventBus_ofAnUnknownBus_isResourceNotFound() {
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> events.describeEventBus(b -> b.name("missing"))))
        .hasMessageContaining("Event bus missing does not exist.");
  }

  @Test
  void putRuleAndPutTargets_throughTheApi_routeEvents() {
    events.putRule(
        b ->
            b.eventBusName("orders")
                .name("Numeric")
                .eventPattern("{\"detail\": {\"total\": [{\"numeric\": [\">\", 100]}]}}"));
    events.putTargets(
        b ->
            b.eventBusName("orders")
                .rule("Numeric")
                .targets(
                    software.amazon.awssdk.services.eventbridge.model.Target.builder()
                        .id("Big")
                        .arn(QUEUE)
                        .inputPath("$.detail.total")
                        .build()));

    events.putEvents(
        b ->
            b.entries(
                entry("elsewhere", "T", "{\"total\": 150}"),
                entry("elsewhere", "T", "{\"total\": 50}")));
    assertThat(bridge.awaitIdle(Duration.ofSeconds(5))).isTrue();

    assertThat(delivered).containsExactly("150");
  }

  @Test
  void invalidPattern_isRefusedWhenTheRuleIsCreated() {
    InvalidEventPatternException error =
        catchThrowableOfType(
            InvalidEventPatternException.class,
            () ->
                events.putRule(
                    b ->
                        b.eventBusName("orders")
                            .name("Broken")
                            .eventPattern("{\"source\": [{\"prefix\": 3}]}")));
    assertThat(error.getMessage()).contains("Event pattern of rule Broken is not valid");

    assertThat(
            catchThrowableOfType(
                dev.orderly.localcloud.events.InvalidEventPatternException.class,
                () ->
                    bridge.putRule(
                        new RuleSpec(
                            "Broken", "orders", "{\"source\": \"not-a-list\"}", List.of()))))
        .hasMessageContaining("Broken");
    assertThat(events.listRules(b -> b.eventBusName("orders")).rules()).hasSize(2);
  }

  @Test
  void unsupportedTarget_isRefusedWhenTheRuleIsCreated() {
    assertThat(
            catchThrowableOfType(
                dev.orderly.localcloud.events.EventBridgeException.class,
                () ->
                    bridge.putRule(
                        new RuleSpec(
                            "Sns",
                            "orders",
                            "{\"source\": [\"x\"]}",
                            List.of(TargetSpec.of("T", "arn:aws:sns:us-east-1:000000000000:t"))))))
        .hasMessageContaining("is not supported");
    assertThat(
            catchThrowableOfType(
                dev.orderly.localcloud.events.EventBridgeException.class,
                () ->
                    bridge.putRule(
                        new RuleSpec(
                            "Unwired",
                            "orders",
                            "{\"source\": [\"x\"]}",
                            List.of(
                                TargetSpec.of(
                                    "T", "arn:aws:lambda:us-east-1:000000000000:function:f"))))))
        .hasMessageContaining("needs the bus to be built with a FunctionInvoker");
  }

  @Test
  void unknownOperation_isAnAwsStyleError() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint)
                    .header("X-Amz-Target", "AWSEvents.TestEventPattern")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"__type\":\"UnknownOperationException\"")
        .contains("AWSEvents.TestEventPattern");
  }
}
