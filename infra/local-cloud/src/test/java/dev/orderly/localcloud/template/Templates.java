package dev.orderly.localcloud.template;

import java.nio.file.Path;
import java.util.Map;

/** Small synthetic templates for the reader's tests. */
final class Templates {
  static final String SAM = "Transform: AWS::Serverless-2016-10-31\n";

  private Templates() {}

  static LocalTemplate read(String yaml) {
    return read(yaml, Map.of());
  }

  static LocalTemplate read(String yaml, Map<String, String> overrides) {
    return read(yaml, overrides, Path.of("."));
  }

  static LocalTemplate read(String yaml, Map<String, String> overrides, Path baseDirectory) {
    return TemplateReader.read(
        yaml, "test.yaml", baseDirectory, overrides, LocalSettings.defaults());
  }

  /** A minimal function resource, indented for Resources, with extra properties appended. */
  static String function(String logicalId, String extraProperties) {
    return "  "
        + logicalId
        + ":\n"
        + "    Type: AWS::Serverless::Function\n"
        + "    Properties:\n"
        + "      Handler: dev.example.Handler::handleRequest\n"
        + "      Runtime: java17\n"
        + "      CodeUri: target/example.jar\n"
        + extraProperties.indent(6);
  }

  static String table(String logicalId, String tableName, String extraProperties) {
    return "  "
        + logicalId
        + ":\n"
        + "    Type: AWS::DynamoDB::Table\n"
        + "    Properties:\n"
        + "      TableName: "
        + tableName
        + "\n"
        + "      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]\n"
        + "      KeySchema: [{AttributeName: pk, KeyType: HASH}]\n"
        + extraProperties.indent(6);
  }
}
