package dev.orderly.notifications.handler;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.idempotency.PayloadHash;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EventPayloadsTest {
  private final Function<byte[], String> hash = EventPayloads.detailHash();

  private static byte[] event(String id, String time, String data) {
    return ("{\"id\":\""
            + id
            + "\",\"time\":\""
            + time
            + "\",\"detail-type\":\"UserRegistered\","
            + "\"detail\":{\"metadata\":{\"eventId\":\"ev-1\"},\"data\":"
            + data
            + "}}")
        .getBytes(UTF_8);
  }

  @Test
  void twoPublicationsOfOneEvent_hashAlike() {
    assertThat(hash.apply(event("eb-1", "2026-05-01T10:00:00Z", "{\"a\":1}")))
        .isEqualTo(hash.apply(event("eb-2", "2026-05-01T10:00:05Z", "{\"a\":1}")));
  }

  @Test
  void anotherDetailUnderTheSameEventId_hashesDifferently() {
    assertThat(hash.apply(event("eb-1", "2026-05-01T10:00:00Z", "{\"a\":1}")))
        .isNotEqualTo(hash.apply(event("eb-1", "2026-05-01T10:00:00Z", "{\"a\":2}")));
  }

  @Test
  void aBodyThatIsNoEvent_isHashedAsItIs() {
    byte[] raw = "not json".getBytes(UTF_8);

    assertThat(hash.apply(raw)).isEqualTo(PayloadHash.sha256().apply(raw));
    assertThat(hash.apply(null)).isEqualTo(PayloadHash.sha256().apply(new byte[0]));
  }
}
