package dev.orderly.localcloud.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code {{resolve:ssm:name}}} reads the local SSM parameters; what it cannot resolve fails. */
class DynamicReferencesTest {
  private static final Map<String, String> SSM =
      Map.of("/orderly/dev/from-address", "orders@example.com", "/orderly/dev/batch", "7");

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

  @Test
  void anSsmReference_isReplacedByTheParametersValue_anywhereInAString() {
    LocalTemplate template =
        read(
            "Environment:\n"
                + "  Variables:\n"
                + "    FROM_ADDRESS: '{{resolve:ssm:/orderly/dev/from-address}}'\n"
                + "    BATCH: 'batch-{{resolve:ssm:/orderly/dev/batch}}-of-{{resolve:ssm:/orderly/dev/batch}}'\n");

    assertThat(template.functions().get("Fn").environment())
        .containsEntry("FROM_ADDRESS", "orders@example.com")
        .containsEntry("BATCH", "batch-7-of-7");
  }

  @Test
  void whatTheLocalCloudCannotResolve_failsNamingTheResourceAndProperty() {
    assertThatThrownBy(
            () -> read("Environment: {Variables: {A: '{{resolve:ssm:/orderly/dev/missing}}'}}\n"))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "Fn: Environment.Variables.A: dynamic reference {{resolve:ssm:/orderly/dev/missing}}:"
                + " no parameter /orderly/dev/missing in the local SSM (the state directory's"
                + " parameters.json)");
    assertThatThrownBy(
            () ->
                read(
                    "Environment: {Variables: {A: '{{resolve:secretsmanager:db:SecretString}}'}}\n"))
        .hasMessageContaining("secretsmanager is not supported by the local cloud (only ssm)");
    assertThatThrownBy(
            () -> read("Environment: {Variables: {A: '{{resolve:ssm:/orderly/dev/batch:2}}'}}\n"))
        .hasMessageContaining("a version or label is not supported by the local cloud");
  }
}
