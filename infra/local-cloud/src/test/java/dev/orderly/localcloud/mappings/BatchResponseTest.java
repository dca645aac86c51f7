package dev.orderly.localcloud.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.mappings.internal.BatchResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchResponseTest {
  private static final Set<String> BATCH = Set.of("a", "b", "c");

  private static BatchResponse parse(String payload) {
    return BatchResponse.parse(payload.getBytes(StandardCharsets.UTF_8), BATCH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "{}",
        "{\"batchItemFailures\":null}",
        "{\"batchItemFailures\":[]}",
        "\"done\""
      })
  void successWhenNothingIsReported(String payload) {
    assertThat(parse(payload)).isInstanceOf(BatchResponse.AllSucceeded.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
        "{\"batchItemFailures\":[{\"itemId\":\"a\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"zzz\"}]}",
        "{\"batchItemFailures\":\"a\"}"
      })
  void completeFailureWhenTheReportIsInvalid(String payload) {
    assertThat(parse(payload)).isInstanceOf(BatchResponse.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"batchItemFailures\":[{\"itemIdentifier\":\"c\"},{\"itemIdentifier\":\"a\"}]}"})
  void reportedItemsFailInTheirOrder(String payload) {
    assertThat(parse(payload)).isEqualTo(new BatchResponse.ItemsFailed(List.of("c", "a")));
  }
}
