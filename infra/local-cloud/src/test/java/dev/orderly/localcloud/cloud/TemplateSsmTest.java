package dev.orderly.localcloud.cloud;

import static org.assertj.core.api.Assertions.assertThat;

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

    var parameters = LocalCloud.localSettings(settings).ssmParameters();

    assertThat(parameters.apply("/orderly/dev/from")).contains("orders@example.com");
    assertThat(parameters.apply("/orderly/dev/skus")).contains("A,B");
    assertThat(parameters.apply("/orderly/dev/nothing")).isEmpty();
  }
}
