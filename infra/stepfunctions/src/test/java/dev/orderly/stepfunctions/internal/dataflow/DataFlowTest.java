package dev.orderly.stepfunctions.internal.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.intrinsics.IntrinsicFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input and output processing, with the examples of the Step Functions Developer Guide, "Processing
 * input and output in Step Functions" (InputPath, Parameters, ResultSelector, ResultPath,
 * OutputPath pages).
 */
class DataFlowTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DataFlow flow =
      new DataFlow(
          new IntrinsicFunctions(
              new Random(1),
              Random::new,
              () -> UUID.fromString("00000000-0000-4000-8000-000000000001")));

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final JsonNode CONTEXT =
      json("{'Execution':{'Id':'arn:aws:states:us-east-1:0:execution:saga:o-1','Name':'o-1'}}");

  @Test
  void inputPath_selectsTheEffectiveInput() {
    JsonNode input = json("{'comment':'x','dataset1':{'val1':1,'val2':2},'dataset2':{'val1':'a'}}");

    assertThat(flow.select("$.dataset2", input, CONTEXT, "InputPath"))
        .isEqualTo(json("{'val1':'a'}"));
    assertThat(flow.select("$", input, CONTEXT, "InputPath")).isEqualTo(input);
  }

  @Test
  void nullPath_givesAnEmptyObject() {
    assertThat(flow.select(null, json("{'a':1}"), CONTEXT, "OutputPath")).isEqualTo(json("{}"));
  }

  @Test
  void pathSelectingNothing_isAStatesRuntimeFailure() {
    assertThatThrownBy(() -> flow.select("$.missing", json("{'a':1}"), CONTEXT, "InputPath"))
        .isInstanceOfSatisfying(
            StatesException.class, e -> assertThat(e.error()).isEqualTo(StatesException.RUNTIME));
  }

  @Test
  void parameters_buildTheTaskInputFromPathsContextAndIntrinsics() {
    JsonNode input = json("{'flagged':7,'vals':[0,10,20,30,40,50],'weight':42,'name':'Ada'}");
    JsonNode template =
        json(
            "{'flagged':true,'parts':{'first.$':'$.vals[0]','last3.$':'$.vals[-3:]'},"
                + "'weight.$':'$.weight','execution.$':'$$.Execution.Name',"
                + "'greeting.$':'GREETING','static':'$.not.a.path'}");
    ((com.fasterxml.jackson.databind.node.ObjectNode) template)
        .put("greeting.$", "States.Format('Hello, {}', $.name)");

    JsonNode parameters = flow.applyTemplate(template, input, CONTEXT);

    assertThat(parameters)
        .isEqualTo(
            json(
                "{'flagged':true,'parts':{'first':0,'last3':[30,40,50]},'weight':42,"
                    + "'execution':'o-1','greeting':'Hello, Ada','static':'$.not.a.path'}"));
  }

  @Test
  void templates_areProcessedInsideArraysToo() {
    JsonNode parameters =
        flow.applyTemplate(
            json("{'items':[{'id.$':'$.a'},{'id':'fixed'}]}"), json("{'a':'x'}"), CONTEXT);

    assertThat(parameters).isEqualTo(json("{'items':[{'id':'x'},{'id':'fixed'}]}"));
  }

  @Test
  void templatePathSelectingNothing_namesTheFieldAndThePath() {
    assertThatThrownBy(() -> flow.applyTemplate(json("{'v.$':'$.nope'}"), json("{'a':1}"), CONTEXT))
        .isInstanceOfSatisfying(
            StatesException.class,
            e -> {
              assertThat(e.error()).isEqualTo(StatesException.RUNTIME);
              assertThat(e.cause())
                  .isEqualTo(
                      "The JSONPath '$.nope' specified for the field 'v.$' could not be found in"
                          + " the input '{\"a\":1}'");
            });
  }

  @Test
  void failingIntrinsic_keepsItsErrorName() {
    assertThatThrownBy(
            () ->
                flow.applyTemplate(
                    json("{'v.$':'States.ArrayGetItem($.a, 5)'}"), json("{'a':[1]}"), CONTEXT))
        .isInstanceOfSatisfying(
            StatesException.class, e -> assertThat(e.error()).isEqualTo("States.IntrinsicFailure"));
  }

  @ParameterizedTest(name = "ResultPath {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$                | {'r':1}",
        "$.taskresult     | {'comment':'in','taskresult':{'r':1}}",
        "$.a.b.c          | {'comment':'in','a':{'b':{'c':{'r':1}}}}",
        "$['comment']     | {'comment':{'r':1}}",
      })
  void resultPath_placesTheResultInACopyOfTheRawInput(String path, String expected) {
    JsonNode raw = json("{'comment':'in'}");

    JsonNode output = flow.applyResultPath(raw, json("{'r':1}"), path.trim(), false);

    assertThat(output).isEqualTo(json(expected));
    assertThat(raw).isEqualTo(json("{'comment':'in'}"));
  }

  @Test
  void nullResultPath_discardsTheResult() {
    JsonNode raw = json("{'comment':'in'}");

    assertThat(flow.applyResultPath(raw, json("{'r':1}"), null, true)).isSameAs(raw);
  }

  @ParameterizedTest(name = "{0} into {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$.comment.inner | {'comment':'text'}",
        "$.list[5]       | {'list':[1]}",
        "$.x             | ['not','an','object']",
      })
  void resultPathThroughANonObject_isAResultPathMatchFailure(String path, String raw) {
    assertThatThrownBy(() -> flow.applyResultPath(json(raw.trim()), json("1"), path.trim(), false))
        .isInstanceOfSatisfying(
            StatesException.class,
            e -> assertThat(e.error()).isEqualTo(StatesException.RESULT_PATH_MATCH_FAILURE));
  }

  @Test
  void resultPathWithAWildcard_isRejected() {
    assertThatThrownBy(() -> flow.applyResultPath(json("{}"), json("1"), "$.a[*]", false))
        .isInstanceOf(StatesException.class)
        .hasMessageContaining("is not a reference path");
  }
}
