package dev.orderly.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.cloud.CloudSettings;
import dev.orderly.localcloud.cloud.LocalCloud;
import dev.orderly.localcloud.cloud.Ports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's route throttling, as a cloud started from it enforces it: POST /orders has its own
 * limits (PlaceOrderRateLimit, PlaceOrderBurstLimit), the other routes the API's defaults. The
 * clock stands still, so no token is refilled while the test runs.
 */
class TemplateThrottlingTest {
  @Test
  void postOrders_isThrottledOnItsOwnLimits_andOtherRoutesAreNot(@TempDir Path state) {
    Path repository = Path.of(System.getProperty("orderly.repository"));
    Clock still = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    CloudSettings settings =
        CloudSettings.of(repository)
            .withStateDirectory(state)
            .withPorts(Ports.ephemeral())
            .withClock(still)
            .withParameters(Map.of("PlaceOrderRateLimit", "1", "PlaceOrderBurstLimit", "2"));

    try (LocalCloud cloud = LocalCloud.start(settings, mail -> {})) {
      Api api = new Api(cloud.apiUrl());
      String token = cloud.token("acme", "throttled", Duration.ofHours(1));

      int[] posts = new int[3];
      for (int i = 0; i < posts.length; i++) {
        // a body the function refuses: the throttle counts requests the gateway lets through
        posts[i] =
            api.call(
                    "POST", "/orders", token, "{}", "Idempotency-Key", UUID.randomUUID().toString())
                .status();
      }
      Api.Response throttled =
          api.call("POST", "/orders", token, "{}", "Idempotency-Key", UUID.randomUUID().toString());

      assertThat(posts).containsExactly(400, 400, 429);
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
      for (int i = 0; i < 5; i++) {
        assertThat(api.call("GET", "/orders", token, null).status()).isEqualTo(200);
      }
    }
  }
}
