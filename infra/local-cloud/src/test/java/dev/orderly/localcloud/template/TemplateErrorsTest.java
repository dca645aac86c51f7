package dev.orderly.localcloud.template;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the reader does not understand fails, naming the resource and the property. */
class TemplateErrorsTest {
  static final String TABLE = Templates.table("OrdersTable", "orders", "%s");
  static final String QUEUE = "  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n%s";

  static Stream<Arguments> errors() {
    return Stream.of(
        error(
            "unsupported resource type",
            "Resources:\n  Bucket: {Type: \"AWS::S3::Bucket\"}\n",
            "Bucket: resource type AWS::S3::Bucket is not supported by the local cloud"),
        error(
            "unsupported property",
            "Resources:\n" + TABLE.formatted("SSESpecification: {SSEEnabled: true}"),
            "OrdersTable: property SSESpecification is not supported by the local cloud"),
        error(
            "unsupported nested property",
            "Resources:\n"
                + TABLE.formatted("StreamSpecification: {StreamViewType: NEW_IMAGE, Extra: 1}"),
            "OrdersTable: property StreamSpecification.Extra is not supported by the local cloud"),
        error(
            "unsupported resource attribute",
            "Resources:\n  Q: {Type: \"AWS::SQS::Queue\", CreationPolicy: {}}\n",
            "Q: property CreationPolicy is not supported by the local cloud"),
        error(
            "unsupported section",
            "Mappings: {M: {a: {b: c}}}\nResources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n",
            "Template: property Mappings is not supported by the local cloud"),
        error(
            "unknown intrinsic",
            "Resources:\n" + QUEUE.formatted("      QueueName: {\"Fn::Base64\": abc}\n"),
            "Q: QueueName: intrinsic function Fn::Base64 is not supported by the local cloud"),
        error(
            "unsupported intrinsic",
            "Resources:\n" + QUEUE.formatted("      QueueName: {\"Fn::FindInMap\": [M, a, b]}\n"),
            "Q: QueueName: intrinsic function Fn::FindInMap is not supported by the local cloud"),
        error(
            "short tag",
            "Resources:\n" + QUEUE.formatted("      QueueName: !Ref AWS::StackName\n"),
            "test.yaml line 5: YAML tag !Ref is not supported: write intrinsic functions in their"
                + " long form, e.g. {\"Ref\": ...} or {\"Fn::GetAtt\": [..]}"),
        error(
            "duplicate key",
            "Resources:\n" + QUEUE.formatted("      QueueName: a\n      QueueName: b\n"),
            "test.yaml line 6: duplicate key QueueName"),
        error(
            "missing parameter",
            "Parameters:\n  JwtIssuer: {Type: String}\nResources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n",
            "Parameter JwtIssuer has no Default and no value was given for it"),
        error(
            "Ref to unknown name",
            "Resources:\n" + QUEUE.formatted("      QueueName: {\"Ref\": Missing}\n"),
            "Q: QueueName.Ref: Missing is neither a parameter nor a resource of the template"),
        error(
            "Sub of unknown name",
            "Resources:\n" + QUEUE.formatted("      QueueName: {\"Fn::Sub\": \"x-${Missing}\"}\n"),
            "Q: QueueName.Fn::Sub: Missing is neither a parameter nor a resource of the template"),
        error(
            "GetAtt of unknown resource",
            "Resources:\n" + QUEUE.formatted("      QueueName: {\"Fn::GetAtt\": [Nope, Arn]}\n"),
            "Q: QueueName.Fn::GetAtt: Nope is neither a parameter nor a resource of the template"),
        error(
            "GetAtt of unknown attribute",
            "Resources:\n  Other: {Type: \"AWS::SQS::Queue\"}\n"
                + QUEUE.formatted("      QueueName: {\"Fn::GetAtt\": [Other, Color]}\n"),
            "Q: QueueName.Fn::GetAtt: Other (AWS::SQS::Queue) has no attribute Color the local"
                + " cloud knows; it knows [Arn, QueueName, QueueUrl]"),
        error(
            "StreamArn without stream",
            "Resources:\n"
                + TABLE.formatted("")
                + QUEUE.formatted("      QueueName: {\"Fn::GetAtt\": [OrdersTable, StreamArn]}\n"),
            "Q: QueueName.Fn::GetAtt: OrdersTable has no StreamArn: it has no StreamSpecification"),
        error(
            "circular names",
            "Resources:\n"
                + "  A: {Type: \"AWS::SQS::Queue\", Properties: {QueueName: {\"Fn::Sub\": \"${B.QueueName}-a\"}}}\n"
                + "  B: {Type: \"AWS::SQS::Queue\", Properties: {QueueName: {\"Fn::Sub\": \"${A.QueueName}-b\"}}}\n",
            "B: QueueName.Fn::Sub: circular reference: A -> B -> A"),
        error(
            "circular conditions",
            "Conditions:\n  X: {\"Condition\": Y}\n  Y: {\"Fn::Not\": [{\"Condition\": X}]}\n"
                + "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n",
            "Conditions: circular condition: X -> Y -> X"),
        error(
            "undefined condition",
            "Resources:\n  Q: {Type: \"AWS::SQS::Queue\", Condition: Nope}\n",
            "Q: Condition: condition Nope is not defined in Conditions"),
        error(
            "condition referring to a resource",
            "Conditions:\n  X: {\"Fn::Equals\": [{\"Ref\": Q}, a]}\n"
                + "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n",
            "Condition X: Fn::Equals[0].Ref: a condition cannot refer to resource Q"),
        error(
            "reference to a skipped resource",
            "Conditions:\n  Never: {\"Fn::Equals\": [a, b]}\nResources:\n"
                + "  Gone: {Type: \"AWS::SQS::Queue\", Condition: Never}\n"
                + QUEUE.formatted("      QueueName: {\"Fn::GetAtt\": [Gone, QueueName]}\n"),
            "Q: QueueName.Fn::GetAtt: refers to Gone, which is not created: its condition Never is false"),
        error(
            "wrong intrinsic arguments",
            "Resources:\n" + QUEUE.formatted("      QueueName: {\"Fn::Join\": [\"-\"]}\n"),
            "Q: QueueName.Fn::Join: takes a list of 2 arguments, not a list [\"-\"]"),
        error(
            "select out of range",
            "Resources:\n" + QUEUE.formatted("      QueueName: {\"Fn::Select\": [3, [a, b]]}\n"),
            "Q: QueueName.Fn::Select: Fn::Select index 3 is outside a list of 2"),
        error(
            "redrive to a queue outside the template",
            "Resources:\n"
                + QUEUE.formatted(
                    "      RedrivePolicy: {deadLetterTargetArn: \"arn:aws:sqs:us-east-1:000000000000:elsewhere\", maxReceiveCount: 3}\n"),
            "Q: RedrivePolicy.deadLetterTargetArn: queue arn:aws:sqs:us-east-1:000000000000:elsewhere"
                + " is not a queue of this template: the local cloud runs only the template's own resources"),
        error(
            "rule with a schedule",
            "Resources:\n  R: {Type: \"AWS::Events::Rule\", Properties: {ScheduleExpression: \"rate(1 minute)\", EventPattern: {source: [x]}}}\n",
            "R: property ScheduleExpression is not supported by the local cloud"),
        error(
            "invalid event pattern",
            "Resources:\n  R: {Type: \"AWS::Events::Rule\", Properties: {EventPattern: {source: x}}}\n",
            "R: EventPattern: is not a valid event pattern: "),
        error(
            "stream setting on a queue mapping",
            Templates.SAM
                + "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n"
                + Templates.function("Fn", "")
                + "  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n"
                + "      FunctionName: {\"Ref\": Fn}\n"
                + "      EventSourceArn: {\"Fn::GetAtt\": [Q, Arn]}\n"
                + "      StartingPosition: LATEST\n",
            "M: StartingPosition: applies only to stream sources, not to queue Q"),
        error(
            "stream mapping without starting position",
            Templates.SAM
                + "Resources:\n"
                + TABLE.formatted("StreamSpecification: {StreamViewType: NEW_IMAGE}")
                + Templates.function("Fn", "")
                + "  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n"
                + "      FunctionName: {\"Ref\": Fn}\n"
                + "      EventSourceArn: {\"Fn::GetAtt\": [OrdersTable, StreamArn]}\n",
            "M: StartingPosition: is required for a stream source"),
        error(
            "mapping from a table instead of its stream",
            Templates.SAM
                + "Resources:\n"
                + TABLE.formatted("StreamSpecification: {StreamViewType: NEW_IMAGE}")
                + Templates.function("Fn", "")
                + "  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n"
                + "      FunctionName: {\"Ref\": Fn}\n"
                + "      EventSourceArn: {\"Fn::GetAtt\": [OrdersTable, Arn]}\n",
            "M: EventSourceArn: event source arn:aws:dynamodb:us-east-1:000000000000:table/orders"
                + " is not a table stream or queue of this template"),
        error(
            "non-Java runtime",
            Templates.SAM
                + "Resources:\n"
                + "  Fn: {Type: \"AWS::Serverless::Function\", Properties: {Handler: h, CodeUri: c, Runtime: python3.12}}\n",
            "Fn: Runtime: runtime python3.12 is not supported by the local cloud (Java runtimes only)"),
        error(
            "unsupported event type",
            Templates.SAM
                + "Resources:\n"
                + Templates.function(
                    "Fn",
                    "Events:\n  Tick: {Type: Schedule, Properties: {Schedule: \"rate(1 minute)\"}}"),
            "Fn: Events.Tick.Type: event type Schedule is not supported by the local cloud"),
        error(
            "unsupported property of a SAM event",
            Templates.SAM
                + "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n"
                + Templates.function(
                    "Fn",
                    "Events:\n  Consume: {Type: SQS, Properties: {Queue: {\"Fn::GetAtt\": [Q, Arn]}, Tumbling: 5}}"),
            "Fn: property Events.Consume.Properties.Tumbling is not supported by the local cloud"),
        error(
            "invalid filter pattern",
            Templates.SAM
                + "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n"
                + Templates.function("Fn", "")
                + "  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n"
                + "      FunctionName: {\"Ref\": Fn}\n"
                + "      EventSourceArn: {\"Fn::GetAtt\": [Q, Arn]}\n"
                + "      FilterCriteria: {Filters: [{Pattern: '{\"body\": 1}'}]}\n",
            "M: FilterCriteria.Filters[0].Pattern: is not a valid event pattern: "),
        error(
            "Lambda authorizer",
            Templates.SAM
                + "Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n"
                + "      Auth: {Authorizers: {Custom: {FunctionArn: x, JwtConfiguration: {issuer: i, audience: [a]}}}}\n",
            "Api: property Auth.Authorizers.Custom.FunctionArn is not supported by the local cloud"),
        error(
            "route settings for no route",
            Templates.SAM
                + "Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n"
                + "      RouteSettings: {\"GET /nope\": {ThrottlingRateLimit: 1}}\n",
            "Api: RouteSettings.\"GET /nope\": names no route of the API"),
        error(
            "route on an authorizer the API lacks",
            Templates.SAM
                + "Resources:\n  Api: {Type: \"AWS::Serverless::HttpApi\"}\n"
                + Templates.function(
                    "Fn",
                    "Events:\n  Get: {Type: HttpApi, Properties: {ApiId: {\"Ref\": Api}, Method: GET, Path: /x, Auth: {Authorizer: Nope}}}"),
            "Fn: Events.Get.Properties: Auth.Authorizer Nope is not an authorizer of Api"),
        error(
            "route on another authorizer than the API's default",
            Templates.SAM
                + "Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n"
                + "      Auth:\n        DefaultAuthorizer: A\n        Authorizers:\n"
                + "          A: {JwtConfiguration: {issuer: i, audience: [a]}}\n"
                + "          B: {JwtConfiguration: {issuer: j, audience: [b]}}\n"
                + Templates.function(
                    "Fn",
                    "Events:\n  Get: {Type: HttpApi, Properties: {ApiId: {\"Ref\": Api}, Method: GET, Path: /x, Auth: {Authorizer: B}}}"),
            "Fn: Events.Get.Properties: Auth.Authorizer B: the local cloud verifies every route of"
                + " Api with its DefaultAuthorizer (A)"),
        error(
            "identity source other than the Authorization header",
            Templates.SAM
                + "Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n"
                + "      Auth: {Authorizers: {A: {IdentitySource: $request.header.X-Token, JwtConfiguration: {issuer: i, audience: [a]}}}}\n",
            "Api: Auth.Authorizers.A.IdentitySource: only $request.header.Authorization is"
                + " supported by the local cloud"),
        error(
            "integration timeout other than the default",
            Templates.SAM
                + "Resources:\n  Api: {Type: \"AWS::Serverless::HttpApi\"}\n"
                + Templates.function(
                    "Fn",
                    "Events:\n  Get: {Type: HttpApi, Properties: {ApiId: {\"Ref\": Api}, Method: GET, Path: /x, TimeoutInMillis: 5000}}"),
            "Fn: Events.Get.Properties.TimeoutInMillis: only the default 30000 is supported by the"
                + " local cloud"),
        error(
            "SQS parameters of a rule target",
            "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n"
                + "  R:\n    Type: AWS::Events::Rule\n    Properties:\n"
                + "      EventPattern: {source: [x]}\n"
                + "      Targets: [{Id: T, Arn: {\"Fn::GetAtt\": [Q, Arn]}, SqsParameters: {MessageGroupId: g}}]\n",
            "R: Targets[0].SqsParameters: is not supported by the local cloud (its EventBridge sends"
                + " to no FIFO queue)"),
        error(
            "rule target Input with trailing text",
            "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n"
                + "  R:\n    Type: AWS::Events::Rule\n    Properties:\n"
                + "      EventPattern: {source: [x]}\n"
                + "      Targets: [{Id: T, Arn: {\"Fn::GetAtt\": [Q, Arn]}, Input: '{\"a\": 1} junk'}]\n",
            "R: Targets[0].Input: is not valid JSON: "),
        error(
            "filter on an SQS mapping",
            Templates.SAM
                + "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n"
                + Templates.function("Fn", "")
                + "  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n"
                + "      FunctionName: {\"Ref\": Fn}\n"
                + "      EventSourceArn: {\"Fn::GetAtt\": [Q, Arn]}\n"
                + "      FilterCriteria: {Filters: [{Pattern: '{\"body\": {\"a\": [1]}}'}]}\n",
            "M: FilterCriteria: on an SQS source is not supported by the local cloud (only on"
                + " streams)"),
        error(
            "unsupported Globals section",
            Templates.SAM + "Globals:\n  Api: {}\nResources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n",
            "Globals: property Api is not supported by the local cloud"),
        error(
            "SAM type without the transform",
            "Resources:\n" + Templates.function("Fn", ""),
            "Fn: AWS::Serverless::Function needs Transform: AWS::Serverless-2016-10-31"),
        error(
            "unknown parameter override",
            "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\n",
            "Parameters: [JwtIssuer] given but not declared by the template",
            Map.of("JwtIssuer", "x")),
        error(
            "FIFO queue name",
            "Resources:\n  Q: {Type: \"AWS::SQS::Queue\", Properties: {QueueName: q, FifoQueue: true}}\n",
            "Q: QueueName: a FIFO queue's name must end with .fifo: q"),
        error(
            "bad integer",
            "Resources:\n  Q: {Type: \"AWS::SQS::Queue\", Properties: {VisibilityTimeout: soon}}\n",
            "Q: VisibilityTimeout: must be an integer, not soon"));
  }

  static Arguments error(String name, String yaml, String message) {
    return error(name, yaml, message, Map.of());
  }

  static Arguments error(String name, String yaml, String message, Map<String, String> overrides) {
    return Arguments.of(name, yaml, message, overrides);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void template_failsNamingWhatIsWrong(
      String name, String yaml, String message, Map<String, String> overrides) {
    assertThatThrownBy(() -> Templates.read(yaml, overrides))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void stateMachine_missingDefinitionFileFails(@TempDir Path directory) {
    String yaml =
        Templates.SAM
            + "Resources:\n  M: {Type: \"AWS::Serverless::StateMachine\", Properties: {DefinitionUri: missing.asl.json}}\n";

    assertThatThrownBy(() -> Templates.read(yaml, Map.of(), directory))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(
            "M: DefinitionUri: cannot read " + directory.resolve("missing.asl.json"));
  }

  @Test
  void stateMachine_definitionThatIsNoLongerJsonFails(@TempDir Path directory) throws Exception {
    java.nio.file.Files.writeString(
        directory.resolve("sm.json"), "{\"StartAt\": ${Start}, \"States\": {}}");
    String yaml =
        Templates.SAM
            + "Resources:\n  M: {Type: \"AWS::Serverless::StateMachine\", Properties: {DefinitionUri: sm.json, DefinitionSubstitutions: {Start: \"not json\"}}}\n";

    assertThatThrownBy(() -> Templates.read(yaml, Map.of(), directory))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(
            "M: DefinitionUri: the definition is not valid JSON after DefinitionSubstitutions");
  }

  @Test
  void templateFile_thatDoesNotExistFails(@TempDir Path directory) {
    Path missing = directory.resolve("template.yaml");

    assertThatThrownBy(() -> TemplateReader.read(missing, Map.of(), LocalSettings.defaults()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("cannot read template " + missing);
  }
}
