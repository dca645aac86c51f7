package dev.orderly.localcloud.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.events.RetryPolicy;
import dev.orderly.localcloud.events.RuleSpec;
import dev.orderly.localcloud.events.TargetSpec;
import dev.orderly.localcloud.template.LocalSettings;
import dev.orderly.localcloud.template.TemplateReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every setting of a template's rule reaches the bus: none is read and then dropped. */
class BusRuleTest {
  @Test
  void aTemplateRule_keepsItsStateAndEveryTargetSetting() {
    String yaml =
        """
        Resources:
          Q: {Type: "AWS::SQS::Queue", Properties: {QueueName: q}}
          Dlq: {Type: "AWS::SQS::Queue", Properties: {QueueName: dlq}}
          Rule:
            Type: AWS::Events::Rule
            Properties:
              Name: off
              State: DISABLED
              EventPattern: {source: [orderly.orders]}
              Targets:
                - Id: Constant
                  Arn: {"Fn::GetAtt": [Q, Arn]}
                  Input: '{"fixed": true}'
                  RetryPolicy: {MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 120}
                  DeadLetterConfig: {Arn: {"Fn::GetAtt": [Dlq, Arn]}}
                - Id: Detail
                  Arn: {"Fn::GetAtt": [Q, Arn]}
                  InputPath: $.detail
        """;
    var template =
        TemplateReader.read(yaml, "test.yaml", Path.of("."), Map.of(), LocalSettings.defaults());

    RuleSpec rule = TemplateWiring.busRule(template.rules().get("Rule"));

    assertThat(rule.name()).isEqualTo("off");
    assertThat(rule.state()).isEqualTo("DISABLED");
    assertThat(rule.targets())
        .containsExactly(
            new TargetSpec(
                "Constant",
                "arn:aws:sqs:us-east-1:000000000000:q",
                null,
                null,
                new RetryPolicy(3, 120),
                "arn:aws:sqs:us-east-1:000000000000:dlq",
                "{\"fixed\": true}"),
            TargetSpec.of("Detail", "arn:aws:sqs:us-east-1:000000000000:q")
                .withInputPath("$.detail"));
  }
}
