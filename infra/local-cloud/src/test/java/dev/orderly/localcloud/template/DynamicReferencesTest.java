package dev.orderly.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code {{resolve:ssm:...}}} reads the local SSM parameters; what the stack would refuse fails.
 */
class DynamicReferencesTest {
  private static final Map<String, SsmParameters.Parameter> SSM =
      Map.of(
          "/orderly/dev/from-address",
          new SsmParameters.Parameter("String", "orders@example.com", 3),
          "/orderly/dev/batch",
          new SsmParameters.Parameter("String", "7", 1),
          "/orderly/dev/skus",
          new SsmParameters.Parameter("StringList", "A,B", 1),
          "/orderly/dev/db-password",
          new SsmParameters.Parameter("SecureString", "hunter2", 1));

  private static LocalTemplate read(String properties) {
    String yaml =
        Templates.SAM
            + "Resources:\n"
            + Templates.function("Fn", "FunctionName: fn\n" + properties);
    return TemplateReader.read(
        yaml,
        "test.yaml",
        Path.of("."),
        Map.of(),
        LocalSettings.defaults().withSsmParameters(name -> Optional.ofNullable(SSM.get(name))));
  }

  private static Map<String, String> environment(String variables) {
    return read("Environment:\n  Variables:\n" + variables.indent(4))
        .functions()
        .get("Fn")
        .environment();
  }

  @Test
  void anSsmReference_isReplacedByTheParametersValue_anywhereInAString() {
    assertThat(
            environment(
                "FROM: '{{resolve:ssm:/orderly/dev/from-address}}'\n"
                    + "BATCH: 'batch-{{resolve:ssm:/orderly/dev/batch}}-of-{{resolve:ssm:/orderly/dev/batch}}'\n"
                    + "SKUS: '{{resolve:ssm:/orderly/dev/skus}}'\n"
                    + "PINNED: '{{resolve:ssm:/orderly/dev/from-address:3}}'\n"
                    + "BY_ARN: '{{resolve:ssm:arn:aws:ssm:us-east-1:000000000000:parameter/orderly/dev/batch}}'\n"))
        .containsEntry("FROM", "orders@example.com")
        .containsEntry("BATCH", "batch-7-of-7")
        .containsEntry("SKUS", "A,B")
        .containsEntry("PINNED", "orders@example.com")
        .containsEntry("BY_ARN", "7");
  }

  @Test
  void whatTheStackWouldRefuse_failsNamingTheResourceAndProperty() {
    assertThatThrownBy(() -> environment("A: '{{resolve:ssm:/orderly/dev/missing}}'"))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "Fn: Environment.Variables.A: dynamic reference {{resolve:ssm:/orderly/dev/missing}}:"
                + " no parameter /orderly/dev/missing in the local SSM (the state directory's"
                + " parameters.json)");
    assertThatThrownBy(() -> environment("A: '{{resolve:ssm:/orderly/dev/from-address:2}}'"))
        .hasMessageEndingWith("the local SSM holds version 3 of /orderly/dev/from-address");
    assertThatThrownBy(() -> environment("A: '{{resolve:ssm:/orderly/dev/db-password}}'"))
        .hasMessageEndingWith(
            "/orderly/dev/db-password is a SecureString, which CloudFormation resolves only with"
                + " ssm-secure");
    assertThatThrownBy(() -> environment("A: '{{resolve:secretsmanager:db:SecretString}}'"))
        .hasMessageEndingWith("secretsmanager is not supported by the local cloud (only ssm)");
    assertThatThrownBy(() -> environment("A: '{{resolve:ssm-secure:/orderly/dev/db-password}}'"))
        .hasMessageEndingWith("ssm-secure is not supported by the local cloud (only ssm)");
  }
}
