package dev.orderly.localcloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev key survives between processes, and only its public half is published. */
class DevKeysTest {
  static final String ISSUER = "https://orderly.local/dev";
  final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
  final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void keyPersistedByOneProcess_verifiesTokensInAnother() throws Exception {
    // given — "orderly token" creates the key and mints
    Path file = dir.resolve(".orderly/dev-signing-key.json");
    DevKeys minting = DevKeys.loadOrCreate(file);
    String token =
        new DevTokens(minting, ISSUER, "orderly-api", clock)
            .mint("tenant-a", "user-1", Duration.ofHours(1));

    // when — "orderly serve" loads the same file
    DevKeys serving = DevKeys.loadOrCreate(file);

    // then
    assertThat(serving.keyId()).isEqualTo(minting.keyId());
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    RecordingInvoker functions = new RecordingInvoker();
    try (LocalHttpApi api =
        LocalHttpApi.builder()
            .clock(clock)
            .functions(functions)
            .jwt(ISSUER, List.of("orderly-api"), serving)
            .route(RouteSpec.of("GET /me", "me"))
            .build()) {
      Http http = new Http(api.start());
      assertThat(http.get("/me", "Bearer " + token).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void keysOfAnotherFile_doNotVerify() {
    // given
    DevKeys first = DevKeys.loadOrCreate(dir.resolve("a.json"));
    DevKeys second = DevKeys.loadOrCreate(dir.resolve("b.json"));
    String token =
        new DevTokens(first, ISSUER, "orderly-api", clock)
            .mint("tenant-a", "user-1", Duration.ofHours(1));

    // then
    assertThat(second.keyId()).isNotEqualTo(first.keyId());
    try (LocalHttpApi api =
        LocalHttpApi.builder()
            .clock(clock)
            .functions(new RecordingInvoker())
            .jwt(ISSUER, List.of("orderly-api"), second)
            .route(RouteSpec.of("GET /me", "me"))
            .build()) {
      Http http = new Http(api.start());
      assertThat(http.get("/me", "Bearer " + token).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void wellKnownEndpoints_publishThePublicKeyOnly() throws Exception {
    // given
    DevKeys keys = DevKeys.loadOrCreate(dir.resolve("key.json"));
    try (LocalHttpApi api =
        LocalHttpApi.builder()
            .functions(new RecordingInvoker())
            .jwt(ISSUER, List.of("orderly-api"), keys)
            .build()) {
      Http http = new Http(api.start());

      // when
      HttpResponse<String> discovery = http.get("/.well-known/openid-configuration");
      HttpResponse<String> jwks = http.get("/.well-known/jwks.json");

      // then
      assertThat(discovery.statusCode()).isEqualTo(200);
      JsonNode document = json.readTree(discovery.body());
      assertThat(document.get("issuer").textValue()).isEqualTo(ISSUER);
      assertThat(document.get("jwks_uri").textValue())
          .isEqualTo(api.baseUri() + "/.well-known/jwks.json");
      assertThat(jwks.statusCode()).isEqualTo(200);
      assertThat(jwks.headers().firstValue("content-type")).contains("application/json");
      JsonNode key = json.readTree(jwks.body()).get("keys").get(0);
      assertThat(json.readTree(jwks.body()).get("keys")).hasSize(1);
      assertThat(key.get("kid").textValue()).isEqualTo(keys.keyId());
      assertThat(key.get("kty").textValue()).isEqualTo("RSA");
      assertThat(key.has("n")).isTrue();
      assertThat(key.has("e")).isTrue();
      for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
        assertThat(key.has(privatePart)).as(privatePart).isFalse();
      }
      assertThat(Files.readString(dir.resolve("key.json"))).contains("\"d\"");
    }
  }

  @Test
  void notAPrivateJwk_isRefusedWithTheFileNamed() throws Exception {
    // given
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"kty\":\"oct\"}");

    // then
    assertThatThrownBy(() -> DevKeys.loadOrCreate(file))
        .hasMessageContaining("broken.json")
        .hasMessageContaining("not an RSA JWK");
  }
}
