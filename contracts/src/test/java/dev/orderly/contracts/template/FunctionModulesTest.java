package dev.orderly.contracts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function of the template resolves to code: its CodeUri is the jar of a service module built
 * by functions/pom.xml, and its Handler names a class of that module with a {@code handleRequest}
 * method. These fail, deliberately, until the service modules exist.
 */
class FunctionModulesTest {
  private static final Pattern JAR = Pattern.compile("functions/([a-z-]+)/target/([a-z-]+)\\.jar");

  static Stream<Arguments> functions() {
    return Template.functions().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void theHandler_isAClassOfTheServiceModuleWhoseJarIsTheCodeUri(String id, JsonNode function) {
    Matcher jar = JAR.matcher(function.path("CodeUri").asText());
    assertThat(jar.matches())
        .as("%s CodeUri is functions/<service>/target/<service>.jar", id)
        .isTrue();
    assertThat(jar.group(2)).isEqualTo(jar.group(1));
    String service = jar.group(1);
    Path module = Repository.path("functions/" + service);

    assertThat(module.resolve("pom.xml")).as("the %s module", service).isRegularFile();
    assertThat(Repository.text(module.resolve("pom.xml")))
        .contains("<artifactId>" + service + "</artifactId>");
    assertThat(Repository.text(Repository.path("functions/pom.xml")))
        .as("functions/pom.xml builds %s", service)
        .contains("<module>" + service + "</module>");

    String handler = function.path("Handler").asText();
    assertThat(handler).endsWith("::handleRequest");
    String className = handler.substring(0, handler.indexOf("::"));
    assertThat(className).startsWith("dev.orderly." + service.replace("-", "") + ".");
    Path source = module.resolve("src/main/java/" + className.replace('.', '/') + ".java");
    assertThat(source).as("the source of %s", className).isRegularFile();
    String simpleName = className.substring(className.lastIndexOf('.') + 1);
    assertThat(Repository.text(source))
        .containsPattern("public (final )?class " + simpleName + "\\b")
        .contains("handleRequest(");
  }
}
