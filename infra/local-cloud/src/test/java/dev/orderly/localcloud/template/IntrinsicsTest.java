package dev.orderly.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every intrinsic function, resolved into a function's environment variable. */
class IntrinsicsTest {
  static final String TEMPLATE =
      Templates.SAM
          + """
          Parameters:
            Stage: {Type: String, Default: dev}
            Names: {Type: CommaDelimitedList, Default: "a, b,c"}
            Count: {Type: Number, Default: 3}
          Conditions:
            IsDev: {"Fn::Equals": [{"Ref": Stage}, dev]}
          Resources:
            Table:
              Type: AWS::DynamoDB::Table
              Properties:
                TableName: {"Fn::Sub": "${Stage}-table"}
                AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                KeySchema: [{AttributeName: pk, KeyType: HASH}]
                StreamSpecification: {StreamViewType: NEW_IMAGE}
            Queue:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: {"Fn::Join": ["-", [{"Ref": Stage}, queue]]}
            Machine:
              Type: AWS::Serverless::StateMachine
              Properties:
                Name: saga
                Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}
          """
          + Templates.function(
              "Fn",
              """
              FunctionName: {"Fn::Sub": "${Stage}-fn"}
              Environment:
                Variables:
                  VALUE: %s
              """);

  static String resolve(String valueYaml, Map<String, String> overrides) {
    LocalTemplate template = Templates.read(TEMPLATE.formatted(valueYaml), overrides);
    return template.functions().get("Fn").environment().get("VALUE");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Ref\": Stage}                                      | dev",
        "{\"Ref\": Count}                                      | 3",
        "{\"Ref\": Table}                                      | dev-table",
        "{\"Ref\": Queue}                                      | http://localhost:9324/000000000000/dev-queue",
        "{\"Ref\": Fn}                                         | dev-fn",
        "{\"Ref\": Machine}                                    | arn:aws:states:us-east-1:000000000000:stateMachine:saga",
        "{\"Ref\": \"AWS::Region\"}                            | us-east-1",
        "{\"Ref\": \"AWS::AccountId\"}                         | 000000000000",
        "{\"Ref\": \"AWS::Partition\"}                         | aws",
        "{\"Ref\": \"AWS::URLSuffix\"}                         | amazonaws.com",
        "{\"Ref\": \"AWS::StackName\"}                         | orderly",
        "{\"Fn::GetAtt\": [Table, Arn]}                        | arn:aws:dynamodb:us-east-1:000000000000:table/dev-table",
        "{\"Fn::GetAtt\": Table.StreamArn}                     | arn:aws:dynamodb:us-east-1:000000000000:table/dev-table/stream/1970-01-01T00:00:00.000",
        "{\"Fn::GetAtt\": [Queue, Arn]}                        | arn:aws:sqs:us-east-1:000000000000:dev-queue",
        "{\"Fn::GetAtt\": [Queue, QueueName]}                  | dev-queue",
        "{\"Fn::GetAtt\": [Queue, QueueUrl]}                   | http://localhost:9324/000000000000/dev-queue",
        "{\"Fn::GetAtt\": [Fn, Arn]}                           | arn:aws:lambda:us-east-1:000000000000:function:dev-fn",
        "{\"Fn::GetAtt\": [Machine, Name]}                     | saga",
        "{\"Fn::GetAtt\": [Fn, {\"Fn::Sub\": Arn}]}            | arn:aws:lambda:us-east-1:000000000000:function:dev-fn",
        "{\"Fn::Sub\": \"${Stage}/${Table}/${AWS::Region}\"}   | dev/dev-table/us-east-1",
        "{\"Fn::Sub\": \"${Table.Arn}/index/*\"}               | arn:aws:dynamodb:us-east-1:000000000000:table/dev-table/index/*",
        "{\"Fn::Sub\": \"${!Literal} and ${ Stage }\"}         | ${Literal} and dev",
        "{\"Fn::Sub\": \"no variables\"}                       | no variables",
        "{\"Fn::Sub\": [\"${A}-${Stage}\", {A: {\"Ref\": Table}}]} | dev-table-dev",
        "{\"Fn::Sub\": [\"${Stage}\", {Stage: shadowed}]}      | shadowed",
        "{\"Fn::Join\": [\"-\", [a, {\"Ref\": Stage}, 3]]}     | a-dev-3",
        "{\"Fn::Join\": [\",\", {\"Ref\": Names}]}             | a,b,c",
        "{\"Fn::Join\": [\"\", []]}                            | ''",
        "{\"Fn::Select\": [1, {\"Ref\": Names}]}               | b",
        "{\"Fn::Select\": [\"2\", {\"Fn::Split\": [\"@\", x@y@z]}]} | z",
        "{\"Fn::Join\": [\"+\", {\"Fn::Split\": [\",\", \"a,,b\"]}]} | a++b",
        "{\"Fn::If\": [IsDev, yes, no]}                        | yes",
        "{\"Fn::If\": [IsDev, {\"Fn::If\": [IsDev, nested, x]}, no]} | nested",
        "{\"Fn::Equals\": [{\"Ref\": Stage}, dev]}             | true",
        "{\"Fn::Not\": [{\"Fn::Equals\": [{\"Ref\": Stage}, dev]}]} | false",
        "{\"Fn::Join\": [\"\", [{\"Fn::If\": [IsDev, {\"Ref\": \"AWS::NoValue\"}, x]}, y]]} | y",
      })
  void intrinsic_resolves(String valueYaml, String expected) {
    assertThat(resolve(valueYaml, Map.of())).isEqualTo(expected);
  }

  @Test
  void parameterOverride_flowsThroughSubIntoNames() {
    assertThat(resolve("{\"Fn::GetAtt\": [Table, Arn]}", Map.of("Stage", "prod")))
        .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/prod-table");
  }

  @Test
  void noValue_removesTheProperty() {
    LocalTemplate template =
        Templates.read(
            TEMPLATE.formatted("{\"Fn::If\": [IsDev, {\"Ref\": \"AWS::NoValue\"}, kept]}"));

    assertThat(template.functions().get("Fn").environment()).doesNotContainKey("VALUE");
  }

  @Test
  void settings_giveRegionAccountPartitionAndQueueUrls() {
    LocalSettings settings =
        LocalSettings.defaults()
            .withRegion("cn-north-1")
            .withAccountId("123456789012")
            .withSqsBaseUrl(java.net.URI.create("http://127.0.0.1:4566"));

    LocalTemplate template =
        TemplateReader.read(
            TEMPLATE.formatted("{\"Fn::Sub\": \"${AWS::Partition} ${AWS::URLSuffix} ${Queue}\"}"),
            "test.yaml",
            java.nio.file.Path.of("."),
            Map.of(),
            settings);

    assertThat(template.functions().get("Fn").environment().get("VALUE"))
        .isEqualTo("aws-cn amazonaws.com.cn http://127.0.0.1:4566/123456789012/dev-queue");
    assertThat(template.tables().get("Table").arn())
        .isEqualTo("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/dev-table");
  }
}
