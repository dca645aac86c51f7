package dev.orderly.stepfunctions.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/** The encoding and hashing intrinsics: Base64Encode, Base64Decode and Hash. */
final class EncodingFunctions {
  /** "Input string can't exceed 10,000 characters" (Base64Encode, Base64Decode, Hash). */
  static final int MAX_INPUT_CHARS = 10_000;

  static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private EncodingFunctions() {}

  static void registerInto(Map<String, IntrinsicFunction> registry) {
    registry.put("States.Base64Encode", EncodingFunctions::base64Encode);
    registry.put("States.Base64Decode", EncodingFunctions::base64Decode);
    registry.put("States.Hash", EncodingFunctions::hash);
  }

  private static JsonNode base64Encode(Arguments args) {
    args.expectCount(1);
    String input = limited(args, args.string(0));
    return TextNode.valueOf(
        Base64.getEncoder().encodeToString(input.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode base64Decode(Arguments args) {
    args.expectCount(1);
    String input = limited(args, args.string(0));
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(input);
    } catch (IllegalArgumentException e) {
      throw IntrinsicFailureException.failure(args.function(), "input is not valid Base64", e);
    }
    try {
      return TextNode.valueOf(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      throw IntrinsicFailureException.failure(args.function(), "decoded data is not UTF-8", e);
    }
  }

  private static JsonNode hash(Arguments args) {
    args.expectCount(2);
    JsonNode data = args.get(0);
    String input = limited(args, data.isTextual() ? data.textValue() : JsonValues.toJson(data));
    String algorithm = args.string(1);
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw args.fail(
          "unsupported algorithm '" + algorithm + "'; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
      return TextNode.valueOf(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides " + algorithm, e);
    }
  }

  private static String limited(Arguments args, String input) {
    if (input.length() > MAX_INPUT_CHARS) {
      throw args.fail(
          "input has " + input.length() + " characters; at most " + MAX_INPUT_CHARS + " allowed");
    }
    return input;
  }
}
