package dev.orderly.localcloud.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimStringsTest {
  final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"tenant-a\"             | tenant-a",
        "1773345778               | 1773345778",
        "1.5                      | 1.5",
        "true                     | true",
        "[\"admins\",\"buyers\"]  | [admins buyers]",
        "[]                       | []",
        "[1,[\"a\",\"b\"]]        | [1 [a b]]",
        "{\"a\":1}                | {\"a\":1}",
        "null                     | null",
      })
  void claimValues_renderAsApiGatewayRendersThem(String claim, String expected) throws Exception {
    assertThat(ClaimStrings.render(json.readTree(claim))).isEqualTo(expected);
  }
}
