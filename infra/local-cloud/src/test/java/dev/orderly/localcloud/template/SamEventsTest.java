package dev.orderly.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.template.HttpApiSpec.Route;
import dev.orderly.localcloud.template.HttpApiSpec.Throttling;
import org.junit.jupiter.api.Test;

/** SAM's Events of functions and state machines, read as the resources SAM generates. */
class SamEventsTest {
  static final String TEMPLATE =
      Templates.SAM
          + """
          Resources:
            Queue: {Type: "AWS::SQS::Queue", Properties: {QueueName: work}}
            Failures: {Type: "AWS::SQS::Queue", Properties: {QueueName: failures}}
            Bus: {Type: "AWS::Events::EventBus", Properties: {Name: bus}}
          """
          + Templates.table(
              "Table", "items", "StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}")
          + """
            Api:
              Type: AWS::Serverless::HttpApi
              Properties:
                Auth:
                  DefaultAuthorizer: Jwt
                  Authorizers:
                    Jwt:
                      JwtConfiguration: {issuer: "https://issuer", audience: single}
                DefaultRouteSettings: {ThrottlingRateLimit: 5}
                RouteSettings:
                  "GET /open": {ThrottlingBurstLimit: 7}
            Machine:
              Type: AWS::Serverless::StateMachine
              Properties:
                Name: machine
                Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}
                Events:
                  OnOrder:
                    Type: EventBridgeRule
                    Properties:
                      EventBusName: {"Ref": Bus}
                      Pattern: {source: [orders]}
          """
          + Templates.function(
              "Worker",
              """
              FunctionName: worker
              Events:
                Consume:
                  Type: SQS
                  Properties:
                    Queue: {"Fn::GetAtt": [Queue, Arn]}
                    BatchSize: 5
                    FunctionResponseTypes: [ReportBatchItemFailures]
                    ScalingConfig: {MaximumConcurrency: 3}
                Changes:
                  Type: DynamoDB
                  Properties:
                    Stream: {"Fn::GetAtt": [Table, StreamArn]}
                    StartingPosition: LATEST
                    DestinationConfig:
                      OnFailure: {Type: SQS, Destination: {"Fn::GetAtt": [Failures, Arn]}}
                Events:
                  Type: EventBridgeRule
                  Properties:
                    Pattern: {detail-type: [Ping]}
                    RetryPolicy: {MaximumRetryAttempts: 2}
                    InputPath: $.detail
                Secured:
                  Type: HttpApi
                  Properties: {ApiId: {"Ref": Api}, Method: post, Path: /secured}
                Open:
                  Type: HttpApi
                  Properties: {ApiId: {"Ref": Api}, Method: GET, Path: /open, Auth: {Authorizer: NONE}}
                Implicit:
                  Type: HttpApi
                  Properties: {Method: ANY, Path: "/{proxy+}"}
              """);

  final LocalTemplate template = Templates.read(TEMPLATE);

  @Test
  void sqsEvent_isAnEventSourceMappingFromTheQueue() {
    EventSourceMappingSpec mapping = template.eventSourceMappings().get("WorkerConsume");

    assertThat(mapping.function().logicalId()).isEqualTo("Worker");
    assertThat(mapping.function().name()).isEqualTo("worker");
    assertThat(mapping.source().kind()).isEqualTo(ResourceKind.QUEUE);
    assertThat(mapping.source().logicalId()).isEqualTo("Queue");
    assertThat(mapping.batchSize()).isEqualTo(5);
    assertThat(mapping.maximumConcurrency()).hasValue(3);
    assertThat(mapping.reportsBatchItemFailures()).isTrue();
    assertThat(mapping.enabled()).isTrue();
  }

  @Test
  void dynamoDbEvent_isAnEventSourceMappingFromTheStreamWithLambdaDefaults() {
    EventSourceMappingSpec mapping = template.eventSourceMappings().get("WorkerChanges");

    assertThat(mapping.source().kind()).isEqualTo(ResourceKind.TABLE_STREAM);
    assertThat(mapping.source().logicalId()).isEqualTo("Table");
    assertThat(mapping.source().name()).isEqualTo("items");
    assertThat(mapping.startingPosition()).contains("LATEST");
    assertThat(mapping.batchSize()).isEqualTo(100);
    assertThat(mapping.maximumRetryAttempts()).isEqualTo(-1);
    assertThat(mapping.maximumRecordAgeInSeconds()).isEqualTo(-1);
    assertThat(mapping.bisectBatchOnFunctionError()).isFalse();
    assertThat(mapping.reportsBatchItemFailures()).isFalse();
    assertThat(mapping.onFailure().map(ResourceRef::logicalId)).contains("Failures");
    assertThat(template.tables().get("Table").stream().orElseThrow().viewType())
        .isEqualTo("NEW_AND_OLD_IMAGES");
  }

  @Test
  void eventBridgeRuleEvent_isARuleOnTheDefaultBusTargetingTheFunction() {
    RuleSpec rule = template.rules().get("WorkerEvents");

    assertThat(rule.busName()).isEqualTo("default");
    assertThat(rule.busLogicalId()).isEmpty();
    assertThat(rule.arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + rule.name());
    assertThat(rule.eventPattern()).isEqualTo("{\"detail-type\":[\"Ping\"]}");
    RuleSpec.Target target = rule.targets().get(0);
    assertThat(target.id()).isEqualTo("WorkerEventsLambdaTarget");
    assertThat(target.resource().kind()).isEqualTo(ResourceKind.FUNCTION);
    assertThat(target.resource().logicalId()).isEqualTo("Worker");
    assertThat(target.retryPolicy()).isEqualTo(new RuleSpec.RetryPolicy(2, 86_400));
    assertThat(target.inputPath()).contains("$.detail");
  }

  @Test
  void stateMachineEvent_isARuleTargetingTheStateMachine() {
    RuleSpec rule = template.rules().get("MachineOnOrder");

    assertThat(rule.busLogicalId()).contains("Bus");
    RuleSpec.Target target = rule.targets().get(0);
    assertThat(target.id()).isEqualTo("MachineOnOrderStepFunctionsTarget");
    assertThat(target.resource())
        .isEqualTo(
            new ResourceRef(
                ResourceKind.STATE_MACHINE,
                "Machine",
                "machine",
                "arn:aws:states:us-east-1:000000000000:stateMachine:machine"));
  }

  @Test
  void httpApiEvents_areRoutesWithDefaultAuthorizerUnlessNone() {
    HttpApiSpec api = template.httpApis().get("Api");

    Route secured = api.route("POST /secured").orElseThrow();
    assertThat(secured.authorizer().map(HttpApiSpec.JwtAuthorizer::audience))
        .contains(java.util.List.of("single"));
    assertThat(secured.authorizer().map(HttpApiSpec.JwtAuthorizer::identitySource))
        .contains("$request.header.Authorization");
    assertThat(secured.throttling()).isEqualTo(new Throttling(5, 5_000));
    Route open = api.route("GET /open").orElseThrow();
    assertThat(open.authorizer()).isEmpty();
    assertThat(open.throttling()).isEqualTo(new Throttling(5, 7));
  }

  @Test
  void httpApiEventWithoutApiId_goesToTheImplicitApi() {
    HttpApiSpec implicit = template.httpApis().get("ServerlessHttpApi");

    assertThat(implicit.routes())
        .extracting(Route::routeKey, Route::functionLogicalId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ANY /{proxy+}", "Worker"));
    assertThat(implicit.routes().get(0).authorizer()).isEmpty();
    assertThat(implicit.defaultThrottling()).isEqualTo(Throttling.ACCOUNT_DEFAULT);
    assertThat(implicit.apiId()).isNotEqualTo(template.httpApis().get("Api").apiId());
  }
}
