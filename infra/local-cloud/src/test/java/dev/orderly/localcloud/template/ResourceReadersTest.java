package dev.orderly.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resource details beyond what template.yaml uses: defaults, generated names, other forms. */
class ResourceReadersTest {

  @Test
  void generatedNames_areDeterministicPerStackAndFollowCloudFormationsShape() {
    String yaml =
        "Resources:\n  Plain: {Type: \"AWS::SQS::Queue\"}\n"
            + "  Ordered: {Type: \"AWS::SQS::Queue\", Properties: {FifoQueue: true, ContentBasedDeduplication: true}}\n"
            + "  Rule: {Type: \"AWS::Events::Rule\", Properties: {EventPattern: {source: [x]}}}\n";

    LocalTemplate first = Templates.read(yaml);
    LocalTemplate again = Templates.read(yaml);
    LocalTemplate otherStack =
        TemplateReader.read(
            yaml, "t", Path.of("."), Map.of(), LocalSettings.defaults().withStackName("other"));

    assertThat(first.queues().get("Plain").name()).matches("orderly-Plain-[0-9A-F]{12}");
    assertThat(first.queues().get("Ordered").name()).matches("orderly-Ordered-[0-9A-F]{12}\\.fifo");
    assertThat(first.queues().get("Ordered").fifo()).isTrue();
    assertThat(first.rules().get("Rule").name()).matches("orderly-Rule-[0-9A-F]{12}");
    assertThat(again.queues().get("Plain").name()).isEqualTo(first.queues().get("Plain").name());
    assertThat(otherStack.queues().get("Plain").name())
        .startsWith("other-Plain-")
        .isNotEqualTo(first.queues().get("Plain").name().replace("orderly", "other"));
  }

  @Test
  void queue_takesSqsDefaultsAndARedrivePolicyWrittenAsJson() {
    String yaml =
        """
        Resources:
          Dlq: {Type: "AWS::SQS::Queue", Properties: {QueueName: dlq}}
          Work:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: work
              RedrivePolicy: {"Fn::Sub": "{\\"deadLetterTargetArn\\": \\"${Dlq.Arn}\\", \\"maxReceiveCount\\": 5}"}
        """;

    QueueSpec work = Templates.read(yaml).queues().get("Work");

    assertThat(work.visibilityTimeoutSeconds()).isEqualTo(30);
    assertThat(work.messageRetentionPeriodSeconds()).isEqualTo(345_600);
    assertThat(work.delaySeconds()).isZero();
    assertThat(work.maximumMessageSize()).isEqualTo(262_144);
    assertThat(work.receiveMessageWaitTimeSeconds()).isZero();
    assertThat(work.fifo()).isFalse();
    assertThat(work.redrive().orElseThrow().deadLetterQueue().logicalId()).isEqualTo("Dlq");
    assertThat(work.redrive().orElseThrow().maxReceiveCount()).isEqualTo(5);
    assertThat(work.redriveAllow()).isEmpty();
  }

  @Test
  void rule_readsInputTransformerAndTargetsOfEveryKind() {
    String yaml =
        Templates.SAM
            + """
            Resources:
              Bus: {Type: "AWS::Events::EventBus", Properties: {Name: bus}}
              Forward: {Type: "AWS::Events::EventBus", Properties: {Name: forward}}
              Queue: {Type: "AWS::SQS::Queue", Properties: {QueueName: "q.fifo", FifoQueue: true}}
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties: {Name: m, Definition: {StartAt: A, States: {A: {Type: Succeed}}}}
              Rule:
                Type: AWS::Events::Rule
                Properties:
                  Name: everything
                  State: DISABLED
                  EventBusName: {"Fn::GetAtt": [Bus, Arn]}
                  EventPattern: '{"source": [{"prefix": "orderly."}]}'
                  Targets:
                    - Id: ToQueue
                      Arn: {"Fn::GetAtt": [Queue, Arn]}
                      InputTransformer:
                        InputPathsMap: {id: $.detail.id}
                        InputTemplate: '{"orderId": <id>}'
                    - Id: ToFunction
                      Arn: {"Fn::GetAtt": [Fn, Arn]}
                      Input: '{"fixed": true}'
                    - {Id: ToMachine, Arn: {"Ref": Machine}}
                    - {Id: ToBus, Arn: {"Fn::GetAtt": [Forward, Arn]}}
            """
            + Templates.function("Fn", "FunctionName: fn");

    RuleSpec rule = Templates.read(yaml).rules().get("Rule");

    assertThat(rule.name()).isEqualTo("everything");
    assertThat(rule.enabled()).isFalse();
    assertThat(rule.busName()).isEqualTo("bus");
    assertThat(rule.arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/bus/everything");
    assertThat(rule.eventPattern()).isEqualTo("{\"source\":[{\"prefix\":\"orderly.\"}]}");
    assertThat(rule.targets())
        .extracting(t -> t.resource().kind() + " " + t.resource().logicalId())
        .containsExactly(
            "QUEUE Queue", "FUNCTION Fn", "STATE_MACHINE Machine", "EVENT_BUS Forward");
    RuleSpec.Target toQueue = rule.targets().get(0);
    assertThat(toQueue.inputTransformer().orElseThrow())
        .isEqualTo(
            new RuleSpec.InputTransformer(Map.of("id", "$.detail.id"), "{\"orderId\": <id>}"));
    assertThat(toQueue.retryPolicy()).isEqualTo(RuleSpec.RetryPolicy.DEFAULT);
    assertThat(toQueue.deadLetterQueue()).isEmpty();
    assertThat(rule.targets().get(1).input()).contains("{\"fixed\": true}");
  }

  @Test
  void stateMachine_substitutesOnlyItsKeysInAFileRelativeToTheTemplate(@TempDir Path directory)
      throws Exception {
    Files.createDirectories(directory.resolve("machines"));
    Files.writeString(
        directory.resolve("machines/m.asl.json"),
        """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "${FnArn}", "Comment": "${NotASubstitution} ${FnArn}", "End": true}}}
        """);
    Path templateFile = directory.resolve("template.yaml");
    Files.writeString(
        templateFile,
        Templates.SAM
            + """
            Resources:
              M:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Type: EXPRESS
                  DefinitionUri: machines/m.asl.json
                  DefinitionSubstitutions:
                    FnArn: {"Fn::GetAtt": [Fn, Arn]}
            """
            + Templates.function("Fn", "FunctionName: fn"));

    StateMachineSpec machine =
        TemplateReader.read(templateFile, Map.of(), LocalSettings.defaults())
            .stateMachines()
            .get("M");

    String arn = "arn:aws:lambda:us-east-1:000000000000:function:fn";
    assertThat(machine.type()).isEqualTo("EXPRESS");
    assertThat(machine.name()).matches("M-[0-9A-F]{12}");
    assertThat(machine.loggingLevel()).isEqualTo("OFF");
    assertThat(machine.tracingEnabled()).isFalse();
    assertThat(machine.definition())
        .contains("\"Resource\": \"" + arn + "\"")
        .contains("\"Comment\": \"${NotASubstitution} " + arn + "\"");
  }

  @Test
  void table_readsLocalIndexesIncludeProjectionsAndDisabledTtl() {
    String yaml =
        "Resources:\n"
            + Templates.table(
                "T",
                "t",
                """
                BillingMode: PROVISIONED
                ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
                TimeToLiveSpecification: {AttributeName: ttl, Enabled: false}
                LocalSecondaryIndexes:
                  - IndexName: byPk
                    KeySchema: [{AttributeName: pk, KeyType: HASH}]
                    Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [a, b]}
                """);

    TableSpec table = Templates.read(yaml).tables().get("T");

    assertThat(table.billingMode()).isEqualTo("PROVISIONED");
    assertThat(table.timeToLiveAttribute()).isEmpty();
    assertThat(table.stream()).isEmpty();
    assertThat(table.localSecondaryIndexes())
        .containsExactly(
            new TableSpec.Index(
                "byPk",
                List.of(new TableSpec.KeyElement("pk", "HASH")),
                "INCLUDE",
                List.of("a", "b")));
  }

  @Test
  void yamlScalars_keepTheirWrittenForm() {
    String yaml =
        Templates.SAM
            + "Resources:\n"
            + Templates.function(
                "Fn",
                """
                Environment:
                  Variables:
                    FLAG: yes
                    OCTAL: 010
                    VERSION: 1.10
                    BOOL: true
                """);

    assertThat(Templates.read(yaml).functions().get("Fn").environment())
        .containsEntry("FLAG", "yes")
        .containsEntry("OCTAL", "010")
        .containsEntry("VERSION", "1.10")
        .containsEntry("BOOL", "true");
  }
}
