package dev.orderly.contracts.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import dev.orderly.contracts.template.References.Reference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The template reads the same in CloudFormation and in a plain YAML parser (long-form intrinsics
 * only), and every name it refers to is defined: a resource, a parameter, a pseudo parameter or a
 * condition, with an attribute that resource type has.
 */
class TemplateReferencesTest {
  private static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NoValue",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix");

  /** The attributes the template may read of each resource type it reads any of. */
  private static final Map<String, Set<String>> ATTRIBUTES =
      Map.of(
          "AWS::Serverless::Function", Set.of("Arn"),
          "AWS::Serverless::StateMachine", Set.of("Arn", "Name"),
          "AWS::DynamoDB::Table", Set.of("Arn", "StreamArn"),
          "AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl"),
          "AWS::Logs::LogGroup", Set.of("Arn"),
          "AWS::Events::EventBus", Set.of("Arn", "Name"),
          "AWS::Events::Rule", Set.of("Arn"),
          "AWS::SNS::Topic", Set.of("TopicArn", "TopicName"));

  private static final Pattern SHORT_FORM =
      Pattern.compile(
          "(?m)^[^#\\n]*?(?:^|[\\s\\[{,:-])!(Ref|GetAtt|Sub|If|Equals|Not|And|Or|Select|Split"
              + "|Join|FindInMap|ImportValue|Base64|Cidr|GetAZs|Condition|Transform)\\b");

  @Test
  void theTemplate_usesNoShortFormIntrinsics() {
    List<String> lines = new ArrayList<>();
    Matcher matcher = SHORT_FORM.matcher(Repository.text(Template.FILE));
    while (matcher.find()) {
      lines.add(matcher.group().trim());
    }

    assertThat(lines).isEmpty();
  }

  @Test
  void theShortFormCheck_findsATag() {
    assertThat(SHORT_FORM.matcher("      TableName: !Ref OrdersTable").find()).isTrue();
    assertThat(SHORT_FORM.matcher("      - !GetAtt [A, Arn]").find()).isTrue();
    assertThat(SHORT_FORM.matcher("      Value: {\"Ref\": \"A\"}  # not !Ref").find()).isFalse();
  }

  @Test
  void theTemplate_isASamTemplate_whoseParametersAreEachDescribed() {
    assertThat(Template.ROOT.get("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
    Template.ROOT
        .get("Parameters")
        .fields()
        .forEachRemaining(
            p ->
                assertThat(p.getValue().path("Description").asText())
                    .as("description of %s", p.getKey())
                    .hasSizeGreaterThan(20));
  }

  @Test
  void everyReference_namesSomethingDefined() {
    Set<String> names = new HashSet<>(PSEUDO_PARAMETERS);
    Template.ROOT.get("Parameters").fieldNames().forEachRemaining(names::add);
    Template.resources().fieldNames().forEachRemaining(names::add);
    Set<String> conditions = new HashSet<>();
    Template.ROOT.path("Conditions").fieldNames().forEachRemaining(conditions::add);
    List<Reference> references = References.in(Template.ROOT);

    List<Reference> unresolved =
        references.stream()
            .filter(
                r ->
                    r.kind().equals("If") || r.kind().equals("Condition")
                        ? !conditions.contains(r.name())
                        : !names.contains(r.name()))
            .toList();

    assertThat(references).hasSizeGreaterThan(100);
    assertThat(unresolved).isEmpty();
  }

  @Test
  void everyAttributeRead_isOneItsResourceTypeHas() {
    List<Reference> wrong =
        References.in(Template.ROOT).stream()
            .filter(r -> r.attribute() != null)
            .filter(
                r ->
                    !ATTRIBUTES
                        .getOrDefault(Template.type(r.name()), Set.of())
                        .contains(r.attribute()))
            .toList();

    assertThat(wrong).isEmpty();
  }

  @Test
  void aStreamArn_isReadOnlyOfATableThatHasAStream() {
    References.in(Template.ROOT).stream()
        .filter(r -> "StreamArn".equals(r.attribute()))
        .forEach(
            r -> {
              JsonNode stream = Template.resource(r.name()).at("/Properties/StreamSpecification");
              assertThat(stream.isMissingNode()).as("%s has a stream", r.name()).isFalse();
            });
  }

  @Test
  void theReferenceWalker_seesEveryKindOfReference() {
    JsonNode sample =
        Repository.json(
            "{\"Resources\": {\"A\": {\"Condition\": \"C\", \"DependsOn\": [\"B\"],"
                + " \"Properties\": {\"x\": {\"Fn::Sub\": [\"${Own}-${P}-${B.Arn}-${!Lit}\","
                + " {\"Own\": \"v\"}]}, \"y\": {\"Fn::If\": [\"C2\", {\"Ref\": \"R\"},"
                + " {\"Fn::GetAtt\": \"G.Name\"}]}}}}}");

    assertThat(References.in(sample))
        .extracting(Reference::kind, Reference::name)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Condition", "C"),
            org.assertj.core.groups.Tuple.tuple("DependsOn", "B"),
            org.assertj.core.groups.Tuple.tuple("Sub", "P"),
            org.assertj.core.groups.Tuple.tuple("Sub", "B"),
            org.assertj.core.groups.Tuple.tuple("If", "C2"),
            org.assertj.core.groups.Tuple.tuple("Ref", "R"),
            org.assertj.core.groups.Tuple.tuple("GetAtt", "G"));
  }
}
