package dev.orderly.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions deciding which resources exist, and SAM Globals merged into functions. */
class ConditionsAndGlobalsTest {
  static final String CONDITIONAL =
      """
      Parameters:
        Stage: {Type: String, Default: dev}
      Conditions:
        Always: {"Fn::Equals": [a, a]}
        Tested: %s
      Resources:
        Maybe:
          Type: AWS::SQS::Queue
          Condition: Tested
          Properties:
            QueueName: maybe
        Always:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: always
      Outputs:
        MaybeUrl:
          Condition: Tested
          Value: {"Ref": Maybe}
        Choice:
          Value: {"Fn::If": [Tested, created, skipped]}
      """;

  @ParameterizedTest(name = "{0} with Stage={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Fn::Equals\": [{\"Ref\": Stage}, prod]}                           | prod    | true",
        "{\"Fn::Equals\": [{\"Ref\": Stage}, prod]}                           | dev     | false",
        "{\"Fn::Not\": [{\"Fn::Equals\": [{\"Ref\": Stage}, prod]}]}          | dev     | true",
        "{\"Fn::And\": [{\"Fn::Equals\": [{\"Ref\": Stage}, prod]}, {\"Condition\": Always}]} | prod | true",
        "{\"Fn::And\": [{\"Fn::Equals\": [{\"Ref\": Stage}, prod]}, {\"Condition\": Always}]} | dev  | false",
        "{\"Fn::Or\": [{\"Fn::Equals\": [{\"Ref\": Stage}, prod]}, {\"Fn::Equals\": [{\"Ref\": Stage}, qa]}]} | qa | true",
        "{\"Fn::Or\": [{\"Fn::Equals\": [{\"Ref\": Stage}, prod]}, {\"Fn::Equals\": [{\"Ref\": Stage}, qa]}]} | dev | false",
        "{\"Fn::Equals\": [{\"Ref\": \"AWS::Region\"}, us-east-1]}            | dev     | true",
        "{\"Fn::Not\": [{\"Condition\": Always}]}                             | dev     | false",
      })
  void condition_decidesWhetherTheResourceAndOutputExist(
      String condition, String stage, boolean created) {
    LocalTemplate template =
        Templates.read(CONDITIONAL.formatted(condition), Map.of("Stage", stage));

    assertThat(template.queues().containsKey("Maybe")).isEqualTo(created);
    assertThat(template.queues()).containsKey("Always");
    assertThat(template.skippedResources().containsKey("Maybe")).isEqualTo(!created);
    assertThat(template.outputs().containsKey("MaybeUrl")).isEqualTo(created);
    assertThat(template.outputs()).containsEntry("Choice", created ? "created" : "skipped");
  }

  static final String GLOBALS =
      Templates.SAM
          + """
          Globals:
            Function:
              Runtime: java21
              Timeout: 20
              MemorySize: 256
              Architectures: [arm64]
              Environment:
                Variables:
                  SHARED: global
                  OVERRIDDEN: global
          Resources:
            Plain:
              Type: AWS::Serverless::Function
              Properties:
                Handler: dev.example.Plain::handleRequest
                CodeUri: plain.jar
            Own:
              Type: AWS::Serverless::Function
              Properties:
                Handler: dev.example.Own::handleRequest
                CodeUri: own.jar
                Runtime: java17
                Timeout: 5
                Environment:
                  Variables:
                    OVERRIDDEN: own
                    EXTRA: own
          """;

  @Test
  void globals_fillWhatAFunctionLeavesOutAndMergeVariablesWithTheFunctionWinning() {
    LocalTemplate template = Templates.read(GLOBALS);

    FunctionSpec plain = template.functions().get("Plain");
    assertThat(plain.runtime()).isEqualTo("java21");
    assertThat(plain.timeoutSeconds()).isEqualTo(20);
    assertThat(plain.memorySize()).isEqualTo(256);
    assertThat(plain.architectures()).containsExactly("arm64");
    assertThat(plain.environment())
        .containsExactly(Map.entry("SHARED", "global"), Map.entry("OVERRIDDEN", "global"));
    FunctionSpec own = template.functions().get("Own");
    assertThat(own.runtime()).isEqualTo("java17");
    assertThat(own.timeoutSeconds()).isEqualTo(5);
    assertThat(own.memorySize()).isEqualTo(256);
    assertThat(own.environment())
        .containsExactly(
            Map.entry("SHARED", "global"),
            Map.entry("OVERRIDDEN", "own"),
            Map.entry("EXTRA", "own"));
  }

  @Test
  void functionDefaults_areSamsWithoutGlobals() {
    LocalTemplate template =
        Templates.read(Templates.SAM + "Resources:\n" + Templates.function("Fn", ""));

    FunctionSpec fn = template.functions().get("Fn");
    assertThat(fn.memorySize()).isEqualTo(128);
    assertThat(fn.timeoutSeconds()).isEqualTo(3);
    assertThat(fn.environment()).isEmpty();
    assertThat(fn.architectures()).containsExactly("x86_64");
    assertThat(fn.name()).matches("orderly-Fn-[0-9A-F]{12}");
  }

  @Test
  void parameters_commaDelimitedListIsTrimmedAndOverridesWin() {
    String yaml =
        """
        Parameters:
          Names: {Type: CommaDelimitedList, Default: "a , b"}
          Size: {Type: Number, Default: 5, MinValue: 1, MaxValue: 10}
          Name: {Type: String, MinLength: 2, MaxLength: 4, AllowedPattern: "[a-z]+"}
        Resources:
          Q: {Type: AWS::SQS::Queue, Properties: {QueueName: {"Fn::Join": ["-", {"Ref": Names}]}}}
        """;

    LocalTemplate template = Templates.read(yaml, Map.of("Name", "abc", "Size", "10"));

    assertThat(template.parameters())
        .containsExactly(
            Map.entry("Names", "a,b"), Map.entry("Size", "10"), Map.entry("Name", "abc"));
    assertThat(template.queues().get("Q").name()).isEqualTo("a-b");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not allowed         | {Type: String, AllowedValues: [dev, prod]}  | qa   | Parameter P: value 'qa' is not one of the AllowedValues [dev, prod]",
        "pattern             | {Type: String, AllowedPattern: \"^https://.+\"} | http://x | Parameter P: value 'http://x' does not match the AllowedPattern ^https://.+",
        "below minimum       | {Type: Number, MinValue: 1}                 | 0    | Parameter P: value '0' is below MinValue 1",
        "above maximum       | {Type: Number, MaxValue: 9}                 | 10   | Parameter P: value '10' is above MaxValue 9",
        "not a number        | {Type: Number}                              | ten  | Parameter P: value 'ten' is not a number",
        "too short           | {Type: String, MinLength: 3}                | ab   | Parameter P: value 'ab' is shorter than MinLength 3",
        "too long            | {Type: String, MaxLength: 1}                | ab   | Parameter P: value 'ab' is longer than MaxLength 1",
        "list member         | {Type: CommaDelimitedList, AllowedValues: [a, b]} | a,c | Parameter P: value 'c' is not one of the AllowedValues [a, b]",
        "unsupported type    | {Type: \"AWS::SSM::Parameter::Value<String>\"} | x | Parameter P: Type: parameter type AWS::SSM::Parameter::Value<String> is not supported by the local cloud",
        "unknown attribute   | {Type: String, Secret: true}                | x    | Parameters: property P.Secret is not supported by the local cloud",
      })
  void parameter_violatingItsConstraintsFails(
      String name, String declaration, String value, String message) {
    String yaml =
        "Parameters:\n  P: " + declaration + "\nResources:\n  Q: {Type: AWS::SQS::Queue}\n";

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Templates.read(yaml, Map.of("P", value)))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }
}
