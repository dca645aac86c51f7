package dev.orderly.localcloud.template;

import dev.orderly.localcloud.template.internal.TemplateAssembler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a SAM/CloudFormation template (YAML, long-form intrinsics only) into the {@link
 * LocalTemplate} the local cloud runs: parameters applied, Globals merged, conditions evaluated,
 * intrinsics resolved, names and ARNs computed as CloudFormation would for the given settings.
 * Anything it does not understand fails with a {@link TemplateException} naming the logical id and
 * property, so that the local cloud never runs a template differently from what it says.
 */
public final class TemplateReader {
  private TemplateReader() {}

  /**
   * Reads a template file; relative paths in it (DefinitionUri) resolve against its directory.
   *
   * @param parameterOverrides values for the template's parameters (others take their Default)
   */
  public static LocalTemplate read(
      Path templateFile, Map<String, String> parameterOverrides, LocalSettings settings) {
    Objects.requireNonNull(templateFile, "templateFile");
    String yaml;
    try {
      yaml = Files.readString(templateFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TemplateException("cannot read template " + templateFile + ": " + e, e);
    }
    Path directory = templateFile.toAbsolutePath().getParent();
    return read(
        yaml, templateFile.getFileName().toString(), directory, parameterOverrides, settings);
  }

  /**
   * Reads template text.
   *
   * @param sourceName how errors about the YAML itself name it
   * @param baseDirectory what relative paths in the template resolve against
   */
  public static LocalTemplate read(
      String yaml,
      String sourceName,
      Path baseDirectory,
      Map<String, String> parameterOverrides,
      LocalSettings settings) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(parameterOverrides, "parameterOverrides");
    Objects.requireNonNull(settings, "settings");
    return TemplateAssembler.read(yaml, sourceName, baseDirectory, parameterOverrides, settings);
  }
}
