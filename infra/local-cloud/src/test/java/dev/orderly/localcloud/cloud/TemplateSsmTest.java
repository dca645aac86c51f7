package dev.orderly.localcloud.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.template.SsmParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template's dynamic references read the parameters the local SSM serves. */
class TemplateSsmTest {
  @Test
  void theTemplateReadsTheStateDirectorysParameters(@TempDir Path state) throws Exception {
    Files.writeString(
        state.resolve("parameters.json"),
        "{\"/orderly/dev/from\": \"orders@example.com\", \"/orderly/dev/skus\": [\"A\", \"B\"]}");
    CloudSettings settings = CloudSettings.of(Path.of(".")).withStateDirectory(state);

    var parameters = TemplateWiring.localSettings(settings).ssmParameters();

    assertThat(parameters.get("/orderly/dev/from"))
        .contains(new SsmParameters.Parameter("String", "orders@example.com", 1));
    assertThat(parameters.get("/orderly/dev/skus"))
        .contains(new SsmParameters.Parameter("StringList", "A,B", 1));
    assertThat(parameters.get("/orderly/dev/nothing")).isEmpty();
  }
}
