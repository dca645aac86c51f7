package dev.orderly.notifications.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a request's AWS Signature Version 4 from what the stub received, as a server would:
 * proves the signature covers the very body and headers that arrived, for SES in the region.
 */
final class SigV4Check {
  private SigV4Check() {}

  /** The signature SES would expect for {@code request}, signed with {@code secret}. */
  static String expectedSignature(
      SesStub.Request request, String secret, String region, String service) {
    String authorization = request.authorization();
    String signedHeaders = field(authorization, "SignedHeaders");
    String date = request.amzDate().substring(0, 8);
    String canonicalHeaders =
        Stream.of(signedHeaders.split(";"))
            .map(name -> name + ":" + header(request.headers(), name).strip() + "\n")
            .collect(Collectors.joining());
    String canonicalRequest =
        String.join(
            "\n",
            request.method(),
            request.path(),
            "",
            canonicalHeaders,
            signedHeaders,
            hex(sha256(request.rawBody())));
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String toSign =
        String.join(
            "\n",
            "AWS4-HMAC-SHA256",
            request.amzDate(),
            scope,
            hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
    byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
    for (String part : scope.split("/")) {
      key = hmac(key, part);
    }
    return hex(hmac(key, toSign));
  }

  static String field(String authorization, String name) {
    for (String part : authorization.substring(authorization.indexOf(' ') + 1).split(",")) {
      String[] pair = part.strip().split("=", 2);
      if (pair[0].equals(name)) {
        return pair[1];
      }
    }
    throw new AssertionError("no " + name + " in " + authorization);
  }

  private static String header(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null) {
      throw new AssertionError("signed header " + name + " did not arrive");
    }
    return value;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
