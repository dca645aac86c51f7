package dev.orderly.localcloud.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Objects;

/**
 * The local cloud's signing key: an RSA key pair that stands in for the identity provider, so
 * {@code orderly token} can mint tokens the local HTTP API accepts. It lives in a file as one JWK
 * (private parts included, readable by the owner only), created on first use and read by every
 * later process, so a token minted by one process verifies in another.
 */
public final class DevKeys {
  private final RSAKey key;

  private DevKeys(RSAKey key) {
    if (!key.isPrivate()) {
      throw new IllegalArgumentException(
          "The dev signing key " + key.getKeyID() + " has no private part");
    }
    this.key = key;
  }

  /** A fresh key pair, kept in memory only. */
  public static DevKeys generate() {
    try {
      return new DevKeys(
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA key pair", e);
    }
  }

  /**
   * The key pair in {@code file}, generated and written there first when the file does not exist.
   * When two processes create it at once, one key wins and both use it.
   */
  public static DevKeys loadOrCreate(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      DevKeys created = generate();
      Path temporary = Files.createTempFile(parent, ".dev-signing-key", ".tmp");
      try {
        restrictToOwner(temporary);
        Files.writeString(temporary, created.key.toJSONString(), StandardCharsets.UTF_8);
        try {
          Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
          return read(file);
        } catch (UnsupportedOperationException | IOException e) {
          Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return created;
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the dev signing key " + file, e);
    }
  }

  private static DevKeys read(Path file) throws IOException {
    try {
      return new DevKeys(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (ParseException e) {
      throw new IllegalStateException(
          "The dev signing key " + file + " is not an RSA JWK: " + e.getMessage(), e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions apply
    }
  }

  public String keyId() {
    return key.getKeyID();
  }

  /** The public key as a JWK Set, what {@code /.well-known/jwks.json} serves. */
  public JWKSet publicJwkSet() {
    return new JWKSet(key.toPublicJWK());
  }

  /** The public key as a key source for a JWT verifier. */
  public JWKSource<SecurityContext> jwkSource() {
    return new ImmutableJWKSet<>(publicJwkSet());
  }

  /** Signs these claims: a compact RS256 JWT with this key's {@code kid}. */
  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign with the dev key " + key.getKeyID(), e);
    }
    return jwt.serialize();
  }
}
