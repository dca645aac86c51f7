package dev.orderly.localcloud.ses;

import java.time.Instant;
import java.util.List;

/** One mail SendEmail accepted: what a customer would have received. */
public record SentEmail(
    String messageId, Instant at, String from, List<String> to, String subject, String body) {
  public SentEmail {
    to = List.copyOf(to);
  }
}
