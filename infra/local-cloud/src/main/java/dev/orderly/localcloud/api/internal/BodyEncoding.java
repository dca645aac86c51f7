package dev.orderly.localcloud.api.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Which request bodies reach the function as text and which base64-encoded. AWS documents only that
 * binary bodies are base64-encoded; the split measured against a real HTTP API (payload 2.0,
 * reported in ministackorg/ministack#766) is: text for {@code text/*}, {@code application/json},
 * {@code application/xml} and {@code application/javascript}; base64 for everything else, including
 * a missing content type and {@code application/x-www-form-urlencoded}.
 */
final class BodyEncoding {
  private static final Set<String> TEXT_TYPES =
      Set.of("application/json", "application/xml", "application/javascript");

  private BodyEncoding() {}

  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    return mediaType.startsWith("text/") || TEXT_TYPES.contains(mediaType);
  }
}
