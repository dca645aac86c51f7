package dev.orderly.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.localcloud.template.HttpApiSpec.Route;
import dev.orderly.localcloud.template.HttpApiSpec.Throttling;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The repository's own template.yaml, read as the local cloud runs it. */
class OrderlyTemplateTest {
  static final Map<String, String> REQUIRED =
      Map.of(
          "JwtIssuer", "https://issuer.example",
          "JwtAudience", "orderly-web, orderly-cli",
          "FromAddress", "orders@example.com");
  static final LocalSettings SETTINGS =
      LocalSettings.defaults().withSqsBaseUrl(URI.create("http://localhost:9324/"));
  static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

  static LocalTemplate template;

  static Path templateFile() {
    return Path.of(System.getProperty("orderly.repository"), "template.yaml");
  }

  static LocalTemplate read(Map<String, String> overrides) {
    return TemplateReader.read(templateFile(), overrides, SETTINGS);
  }

  @BeforeAll
  static void readTemplate() {
    template = read(REQUIRED);
  }

  @Test
  void parameters_takeOverridesAndDefaults() {
    assertThat(template.parameters())
        .containsEntry("Stage", "dev")
        .containsEntry("JwtIssuer", "https://issuer.example")
        .containsEntry("JwtAudience", "orderly-web,orderly-cli")
        .containsEntry("PaymentsConcurrency", "10");
  }

  @Test
  void functions_allSeventeenWithTheirNamesInTemplateOrder() {
    assertThat(template.functions()).hasSize(17);
    assertThat(template.functions().keySet())
        .startsWith("PlaceOrderFunction", "GetOrderFunction")
        .endsWith("OutboxRelayFunction");
    template
        .functions()
        .values()
        .forEach(
            f -> {
              assertThat(f.name()).startsWith("orderly-dev-");
              assertThat(f.arn()).isEqualTo(ARN + f.name());
              assertThat(f.runtime()).isEqualTo("java17");
              assertThat(f.architectures()).containsExactly("arm64");
              assertThat(f.tracing()).contains("Active");
              assertThat(f.handler()).startsWith("dev.orderly.").endsWith("::handleRequest");
              assertThat(f.environment())
                  .containsEntry("IDEMPOTENCY_TABLE", "orderly-dev-idempotency")
                  .containsEntry(
                      "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "PlaceOrderFunction, orderly-dev-place-order, dev.orderly.orders.handler.PlaceOrderHandler, 1024, 10, functions/orders/target/orders.jar",
    "StartSagaFunction, orderly-dev-start-saga, dev.orderly.orders.handler.StartSagaHandler, 512, 15, functions/orders/target/orders.jar",
    "ChargePaymentFunction, orderly-dev-charge-payment, dev.orderly.payments.handler.ChargePaymentHandler, 512, 30, functions/payments/target/payments.jar",
    "NotificationFunction, orderly-dev-notification, dev.orderly.notifications.handler.NotificationHandler, 512, 30, functions/notifications/target/notifications.jar",
    "ListOrdersFunction, orderly-dev-list-orders, dev.orderly.orderviews.handler.ListOrdersHandler, 1024, 10, functions/order-views/target/order-views.jar",
    "OutboxRelayFunction, orderly-dev-outbox-relay, dev.orderly.outboxrelay.RelayHandler, 512, 60, functions/outbox-relay/target/outbox-relay.jar",
  })
  void function_hasItsHandlerMemoryTimeoutAndCode(
      String logicalId, String name, String handlerClass, int memory, int timeout, String codeUri) {
    FunctionSpec function = template.functions().get(logicalId);

    assertThat(function.name()).isEqualTo(name);
    assertThat(function.handler()).isEqualTo(handlerClass + "::handleRequest");
    assertThat(function.memorySize()).isEqualTo(memory);
    assertThat(function.timeoutSeconds()).isEqualTo(timeout);
    assertThat(function.codeUri()).isEqualTo(codeUri);
  }

  @Test
  void functionEnvironment_mergesGlobalsUnderItsOwnVariablesResolvedToPhysicalNames() {
    assertThat(template.functions().get("PlaceOrderFunction").environment())
        .containsOnlyKeys("IDEMPOTENCY_TABLE", "JAVA_TOOL_OPTIONS", "ORDERS_TABLE")
        .containsEntry("ORDERS_TABLE", "orderly-dev-orders");
    assertThat(template.functions().get("StartSagaFunction").environment())
        .containsEntry(
            "STATE_MACHINE_ARN",
            "arn:aws:states:us-east-1:000000000000:stateMachine:orderly-dev-order-saga");
    assertThat(template.functions().get("NotificationFunction").environment())
        .containsEntry("NOTIFICATIONS_TABLE", "orderly-dev-notifications")
        .containsEntry("EMAIL_SENDER", "ses")
        .containsEntry("FROM_ADDRESS", "orders@example.com");
    assertThat(template.functions().get("OutboxRelayFunction").environment())
        .containsEntry("EVENT_BUS_NAME", "orderly-dev")
        .containsEntry("USERS_TABLE", "orderly-dev-users");
  }

  @Test
  void paymentsFunctions_reserveConcurrencyFromTheParameter() {
    assertThat(template.functions().get("ChargePaymentFunction").reservedConcurrentExecutions())
        .isEqualTo(OptionalInt.of(10));
    assertThat(template.functions().get("PlaceOrderFunction").reservedConcurrentExecutions())
        .isEmpty();
  }

  @Test
  void paymentsConcurrencyZero_removesReservedConcurrencyThroughNoValue() {
    Map<String, String> overrides = new java.util.HashMap<>(REQUIRED);
    overrides.put("PaymentsConcurrency", "0");

    LocalTemplate noBulkhead = read(overrides);

    assertThat(noBulkhead.functions().get("ChargePaymentFunction").reservedConcurrentExecutions())
        .isEmpty();
    assertThat(noBulkhead.functions().get("RefundPaymentFunction").reservedConcurrentExecutions())
        .isEmpty();
  }

  @Test
  void stage_prefixesEveryName() {
    Map<String, String> overrides = new java.util.HashMap<>(REQUIRED);
    overrides.put("Stage", "prod");

    LocalTemplate prod = read(overrides);

    assertThat(prod.functions().get("GetOrderFunction").name()).isEqualTo("orderly-prod-get-order");
    assertThat(prod.queues().get("StartSagaQueue").url())
        .isEqualTo("http://localhost:9324/000000000000/orderly-prod-start-saga");
  }

  @Test
  void httpApi_hasEveryRouteWithTheJwtAuthorizerAndItsThrottling() {
    HttpApiSpec api = template.httpApis().get("OrderlyApi");

    assertThat(api.apiId()).matches("[0-9a-f]{10}");
    assertThat(api.defaultAuthorizer()).contains("OrderlyJwt");
    HttpApiSpec.JwtAuthorizer jwt = api.authorizers().get("OrderlyJwt");
    assertThat(jwt.identitySource()).isEqualTo("$request.header.Authorization");
    assertThat(jwt.issuer()).isEqualTo("https://issuer.example");
    assertThat(jwt.audience()).containsExactly("orderly-web", "orderly-cli");
    assertThat(api.routes())
        .extracting(Route::routeKey)
        .containsExactlyInAnyOrder(
            "POST /orders",
            "GET /orders/{id}",
            "GET /orders",
            "PUT /inventory/{sku}",
            "POST /users",
            "GET /users/{id}",
            "PATCH /users/{id}");
    assertThat(api.routes()).allSatisfy(r -> assertThat(r.authorizer()).contains(jwt));
    assertThat(api.defaultThrottling()).isEqualTo(new Throttling(100, 200));
  }

  @ParameterizedTest
  @CsvSource({
    "POST /orders, PlaceOrderFunction, orderly-dev-place-order, 50, 100",
    "GET /orders/{id}, GetOrderFunction, orderly-dev-get-order, 100, 200",
    "GET /orders, ListOrdersFunction, orderly-dev-list-orders, 100, 200",
    "POST /users, RegisterUserFunction, orderly-dev-register-user, 20, 40",
    "PATCH /users/{id}, UpdateUserFunction, orderly-dev-update-user, 20, 40",
    "PUT /inventory/{sku}, PutStockFunction, orderly-dev-put-stock, 20, 40",
  })
  void route_hasItsFunctionAndThrottling(
      String routeKey, String function, String functionName, double rate, int burst) {
    Route route = template.httpApis().get("OrderlyApi").route(routeKey).orElseThrow();

    assertThat(route.functionLogicalId()).isEqualTo(function);
    assertThat(route.functionName()).isEqualTo(functionName);
    assertThat(route.throttling()).isEqualTo(new Throttling(rate, burst));
  }

  @Test
  void tables_sevenWithKeysStreamsIndexesAndTtl() {
    assertThat(template.tables())
        .containsOnlyKeys(
            "OrdersTable",
            "InventoryTable",
            "PaymentsTable",
            "UsersTable",
            "NotificationsTable",
            "OrderViewsTable",
            "IdempotencyTable");
    assertThat(template.tables().values())
        .allSatisfy(
            t -> {
              assertThat(t.billingMode()).isEqualTo("PAY_PER_REQUEST");
              assertThat(t.timeToLiveAttribute()).contains("expiresAt");
              assertThat(t.arn())
                  .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + t.name());
            });
    TableSpec orders = template.tables().get("OrdersTable");
    assertThat(orders.name()).isEqualTo("orderly-dev-orders");
    assertThat(orders.keySchema())
        .containsExactly(
            new TableSpec.KeyElement("pk", "HASH"), new TableSpec.KeyElement("sk", "RANGE"));
    assertThat(orders.stream().orElseThrow().viewType()).isEqualTo("NEW_IMAGE");
    assertThat(orders.stream().orElseThrow().arn())
        .isEqualTo(orders.arn() + "/stream/" + TableSpec.Stream.TEMPLATE_LABEL);
    assertThat(template.tables().values().stream().filter(t -> t.stream().isPresent()))
        .extracting(TableSpec::logicalId)
        .containsExactly("OrdersTable", "InventoryTable", "PaymentsTable", "UsersTable");
    TableSpec views = template.tables().get("OrderViewsTable");
    assertThat(views.attributeDefinitions()).hasSize(4);
    assertThat(views.globalSecondaryIndexes())
        .containsExactly(
            new TableSpec.Index(
                "byTenant",
                List.of(
                    new TableSpec.KeyElement("gsi1pk", "HASH"),
                    new TableSpec.KeyElement("gsi1sk", "RANGE")),
                "ALL",
                List.of()));
    assertThat(template.tables().get("IdempotencyTable").keySchema())
        .containsExactly(new TableSpec.KeyElement("pk", "HASH"));
  }

  @Test
  void queues_haveUrlsArnsTimeoutsAndRedrive() {
    assertThat(template.queues()).hasSize(9);
    QueueSpec startSaga = template.queues().get("StartSagaQueue");
    assertThat(startSaga.name()).isEqualTo("orderly-dev-start-saga");
    assertThat(startSaga.url())
        .isEqualTo("http://localhost:9324/000000000000/orderly-dev-start-saga");
    assertThat(startSaga.arn())
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:orderly-dev-start-saga");
    assertThat(startSaga.visibilityTimeoutSeconds()).isEqualTo(90);
    assertThat(startSaga.messageRetentionPeriodSeconds()).isEqualTo(345_600);
    QueueSpec.Redrive redrive = startSaga.redrive().orElseThrow();
    assertThat(redrive.maxReceiveCount()).isEqualTo(3);
    assertThat(redrive.deadLetterQueue().logicalId()).isEqualTo("StartSagaDlq");
    assertThat(redrive.deadLetterQueue().kind()).isEqualTo(ResourceKind.QUEUE);

    QueueSpec dlq = template.queues().get("StartSagaDlq");
    assertThat(dlq.messageRetentionPeriodSeconds()).isEqualTo(1_209_600);
    assertThat(dlq.redrive()).isEmpty();
    assertThat(dlq.redriveAllow().orElseThrow())
        .isEqualTo(new QueueSpec.RedriveAllow("byQueue", List.of(startSaga.arn())));
    assertThat(template.queues().get("CompensationDlq").redriveAllow().orElseThrow())
        .isEqualTo(new QueueSpec.RedriveAllow("denyAll", List.of()));
    assertThat(template.queues().get("NotificationsQueue").visibilityTimeoutSeconds())
        .isEqualTo(180);
  }

  @Test
  void busAndRules_resolvePatternsTargetsRetryAndDeadLetters() throws Exception {
    assertThat(template.eventBuses().get("OrderlyEventBus").name()).isEqualTo("orderly-dev");
    assertThat(template.rules()).hasSize(3);
    ObjectMapper json = new ObjectMapper();
    RuleSpec placed = template.rules().get("OrderPlacedRule");
    assertThat(placed.busName()).isEqualTo("orderly-dev");
    assertThat(placed.busLogicalId()).contains("OrderlyEventBus");
    assertThat(placed.arn()).startsWith("arn:aws:events:us-east-1:000000000000:rule/orderly-dev/");
    assertThat(json.readTree(placed.eventPattern()))
        .isEqualTo(
            json.readTree("{\"source\":[\"orderly.orders\"],\"detail-type\":[\"OrderPlaced\"]}"));
    RuleSpec.Target target = placed.targets().get(0);
    assertThat(target.id()).isEqualTo("StartSagaQueue");
    assertThat(target.resource().kind()).isEqualTo(ResourceKind.QUEUE);
    assertThat(target.resource().logicalId()).isEqualTo("StartSagaQueue");
    assertThat(target.retryPolicy()).isEqualTo(new RuleSpec.RetryPolicy(185, 86_400));
    assertThat(target.deadLetterQueue().orElseThrow().logicalId()).isEqualTo("EventDeliveryDlq");

    JsonNode notification =
        json.readTree(template.rules().get("NotificationEventsRule").eventPattern());
    assertThat(notification.get("$or")).hasSize(2);
    assertThat(notification.get("$or").get(1).get("detail-type").toString())
        .isEqualTo("[\"OrderConfirmed\",\"OrderCancelled\"]");
    assertThat(template.rules().get("OrderViewEventsRule").targets().get(0).resource().logicalId())
        .isEqualTo("OrderViewsQueue");
  }

  @Test
  void stateMachine_definitionHasEverySubstitutionAndParses() throws Exception {
    StateMachineSpec saga = template.stateMachines().get("OrderSaga");

    assertThat(saga.name()).isEqualTo("orderly-dev-order-saga");
    assertThat(saga.arn())
        .isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:orderly-dev-order-saga");
    assertThat(saga.type()).isEqualTo("STANDARD");
    assertThat(saga.loggingLevel()).isEqualTo("ALL");
    assertThat(saga.includeExecutionData()).isFalse();
    assertThat(saga.tracingEnabled()).isTrue();
    assertThat(saga.definition()).doesNotContain("${");
    JsonNode definition = new ObjectMapper().readTree(saga.definition());
    assertThat(definition.path("StartAt").asText()).isEqualTo("SelectStockLines");
    List<String> functionNames = new ArrayList<>();
    definition.findValues("FunctionName").forEach(n -> functionNames.add(n.asText()));
    assertThat(functionNames)
        .contains(
            ARN + "orderly-dev-reserve-stock",
            ARN + "orderly-dev-charge-payment",
            ARN + "orderly-dev-confirm-order",
            ARN + "orderly-dev-refund-payment",
            ARN + "orderly-dev-release-stock",
            ARN + "orderly-dev-cancel-order");
    assertThat(definition.findValuesAsText("QueueUrl"))
        .containsExactly("http://localhost:9324/000000000000/orderly-dev-compensation-dlq");
  }

  @Test
  void eventSourceMappings_sevenResolvedToFunctionsAndSources() {
    assertThat(template.eventSourceMappings())
        .containsOnlyKeys(
            "StartSagaEventSource",
            "NotificationEventSource",
            "ProjectionEventSource",
            "OutboxRelayOrdersStream",
            "OutboxRelayInventoryStream",
            "OutboxRelayPaymentsStream",
            "OutboxRelayUsersStream");
    EventSourceMappingSpec startSaga = template.eventSourceMappings().get("StartSagaEventSource");
    assertThat(startSaga.function())
        .isEqualTo(
            new ResourceRef(
                ResourceKind.FUNCTION,
                "StartSagaFunction",
                "orderly-dev-start-saga",
                ARN + "orderly-dev-start-saga"));
    assertThat(startSaga.source().kind()).isEqualTo(ResourceKind.QUEUE);
    assertThat(startSaga.source().logicalId()).isEqualTo("StartSagaQueue");
    assertThat(startSaga.batchSize()).isEqualTo(10);
    assertThat(startSaga.maximumBatchingWindowInSeconds()).isEqualTo(1);
    assertThat(startSaga.reportsBatchItemFailures()).isTrue();
    assertThat(startSaga.maximumConcurrency()).hasValue(10);
    assertThat(startSaga.startingPosition()).isEmpty();
    assertThat(template.eventSourceMappings().get("ProjectionEventSource").maximumConcurrency())
        .isEmpty();

    EventSourceMappingSpec orders = template.eventSourceMappings().get("OutboxRelayOrdersStream");
    assertThat(orders.function().logicalId()).isEqualTo("OutboxRelayFunction");
    assertThat(orders.source().kind()).isEqualTo(ResourceKind.TABLE_STREAM);
    assertThat(orders.source().logicalId()).isEqualTo("OrdersTable");
    assertThat(orders.source().name()).isEqualTo("orderly-dev-orders");
    assertThat(orders.source().arn())
        .isEqualTo(template.tables().get("OrdersTable").stream().orElseThrow().arn());
    assertThat(orders.startingPosition()).contains("TRIM_HORIZON");
    assertThat(orders.batchSize()).isEqualTo(100);
    assertThat(orders.parallelizationFactor()).isEqualTo(1);
    assertThat(orders.maximumRetryAttempts()).isEqualTo(10);
    assertThat(orders.maximumRecordAgeInSeconds()).isEqualTo(86_400);
    assertThat(orders.bisectBatchOnFunctionError()).isTrue();
    assertThat(orders.filterPatterns())
        .containsExactly(
            "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"type\":{\"S\":[\"OUTBOX\"]}}}}");
    assertThat(orders.onFailure().map(ResourceRef::logicalId)).contains("OutboxRelayFailureDlq");
    assertThat(template.eventSourceMappings().values())
        .filteredOn(m -> m.source().kind() == ResourceKind.TABLE_STREAM)
        .extracting(m -> m.source().logicalId())
        .containsExactly("OrdersTable", "InventoryTable", "PaymentsTable", "UsersTable");
  }

  @Test
  void acceptedResources_areListedAndTheConditionalSubscriptionSkipped() {
    assertThat(template.ignoredResources())
        .extracting(IgnoredResource::type)
        .contains(
            "AWS::Logs::LogGroup",
            "AWS::SQS::QueuePolicy",
            "AWS::SNS::Topic",
            "AWS::CloudWatch::Alarm")
        .doesNotContain("AWS::SNS::Subscription");
    assertThat(template.ignoredResources())
        .filteredOn(r -> r.logicalId().equals("OrderSagaLogs"))
        .extracting(IgnoredResource::physicalId)
        .containsExactly("/aws/vendedlogs/states/orderly-dev-order-saga");
    assertThat(template.skippedResources())
        .containsExactly(Map.entry("AlarmEmailSubscription", "HasAlarmEmail"));
  }

  @Test
  void alarmEmail_createsTheSubscription() {
    Map<String, String> overrides = new java.util.HashMap<>(REQUIRED);
    overrides.put("AlarmEmail", "ops@example.com");

    LocalTemplate withEmail = read(overrides);

    assertThat(withEmail.skippedResources()).isEmpty();
    assertThat(withEmail.ignoredResources())
        .extracting(IgnoredResource::logicalId)
        .contains("AlarmEmailSubscription");
  }

  @Test
  void outputs_areResolved() {
    String apiId = template.httpApis().get("OrderlyApi").apiId();
    assertThat(template.outputs())
        .containsEntry("ApiUrl", "https://" + apiId + ".execute-api.us-east-1.amazonaws.com/")
        .containsEntry("EventBusName", "orderly-dev")
        .containsEntry(
            "CompensationDlqUrl", "http://localhost:9324/000000000000/orderly-dev-compensation-dlq")
        .containsEntry("AlarmTopicArn", "arn:aws:sns:us-east-1:000000000000:orderly-dev-alarms")
        .containsEntry("OrdersTableName", "orderly-dev-orders");
  }

  @Test
  void functionNamed_findsByPhysicalName() {
    assertThat(template.functionNamed("orderly-dev-get-user").map(FunctionSpec::logicalId))
        .isEqualTo(Optional.of("GetUserFunction"));
    assertThat(template.functionNamed("nope")).isEmpty();
  }
}
