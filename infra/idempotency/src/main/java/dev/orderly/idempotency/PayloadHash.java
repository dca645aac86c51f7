package dev.orderly.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/** Hashes of payloads, so a reused key with another payload is recognised without storing it. */
public final class PayloadHash {
  private PayloadHash() {}

  /** SHA-256 in hex: collision-resistant, unlike the MD5 Powertools defaults to. */
  public static Function<byte[], String> sha256() {
    return payload -> {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(payload == null ? new byte[0] : payload));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required by every Java platform", e);
      }
    };
  }
}
