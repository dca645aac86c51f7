package dev.orderly.stepfunctions.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingFunctionsTest {
  private final Intrinsics intrinsics = new Intrinsics();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.Base64Encode($.input)          | RGF0YSB0byBlbmNvZGU=",
        "States.Base64Decode($.base64)         | Data to encode",
        "States.Base64Encode('')               | ``",
        "States.Base64Decode(States.Base64Encode('héllo \\{\\}')) | héllo {}",
      })
  void base64_encodesAndDecodesUtf8(String expression, String expected) {
    String input = "{\"input\": \"Data to encode\", \"base64\": \"RGF0YSB0byBlbmNvZGU=\"}";

    assertThat(intrinsics.evaluate(expression, input).textValue()).isEqualTo(expected);
  }

  // Expected digests come from md5sum, sha1sum, sha256sum, sha384sum and sha512sum.
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      quoteCharacter = '`',
      value = {
        "MD5, 812f45842bc6d66ee14572ce20db8e86",
        "SHA-1, aaff4a450a104cd177d28d18d74485e8cae074b7",
        "SHA-256, b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
        "SHA-384, d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562",
        "SHA-512, 6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4",
      })
  void hash_returnsLowercaseHexDigest(String algorithm, String expected) {
    String input = "{\"Data\": \"input data\", \"Algorithm\": \"" + algorithm + "\"}";

    assertThat(intrinsics.evaluate("States.Hash($.Data, $.Algorithm)", input).textValue())
        .isEqualTo(expected);
  }

  @Test
  void hash_hashesTheJsonTextOfANonString() {
    // md5sum of the five characters ["x"]
    assertThat(intrinsics.evaluate("States.Hash($.v, 'MD5')", "{\"v\": [\"x\"]}").textValue())
        .isEqualTo("4559c071008d3779d3efd0caa5135728");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "States.Base64Encode($.long)    | at most 10000",
        "States.Base64Decode($.long)    | at most 10000",
        "States.Hash($.long, 'MD5')     | at most 10000",
        "States.Base64Decode('not*b64') | not valid Base64",
        "States.Base64Decode('//79')    | not UTF-8",
        "States.Base64Encode(1)         | must be a string",
        "States.Base64Encode()          | expected 1 argument(s)",
        "States.Hash('a', 'SHA-224')    | unsupported algorithm 'SHA-224'",
        "States.Hash('a', 'sha-256')    | unsupported algorithm",
        "States.Hash('a')               | expected 2 argument(s)",
      })
  void encoding_rejectsBadInput(String expression, String detail) {
    String input = "{\"long\": \"" + "a".repeat(10_001) + "\"}";
    intrinsics.assertFails(expression, input, detail);
  }

  @Test
  void base64Encode_acceptsExactly10000Characters() {
    String input = "{\"s\": \"" + "a".repeat(10_000) + "\"}";

    assertThat(intrinsics.evaluate("States.Base64Encode($.s)", input).textValue()).hasSize(13_336);
  }
}
