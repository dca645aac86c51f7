package dev.orderly.notifications.email;

import dev.orderly.notifications.domain.EmailMessage;
import dev.orderly.notifications.domain.EmailSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mail on a laptop ({@code EMAIL_SENDER=local}): nothing leaves the JVM; every mail is recorded in
 * order, so the local cloud can show what customers would have received and tests can count it.
 * Thread-safe: SQS pollers may deliver batches concurrently.
 */
public final class LocalEmailSender implements EmailSender {
  private final String fromAddress;
  private final List<RecordedEmail> sent = new ArrayList<>();

  public LocalEmailSender(String fromAddress) {
    this.fromAddress = Objects.requireNonNull(fromAddress, "fromAddress");
  }

  @Override
  public synchronized String send(EmailMessage message) {
    String messageId = "local-" + (sent.size() + 1);
    sent.add(
        new RecordedEmail(messageId, fromAddress, message.to(), message.subject(), message.body()));
    return messageId;
  }

  /** Every mail sent so far, oldest first (a copy). */
  public synchronized List<RecordedEmail> sent() {
    return List.copyOf(sent);
  }

  public synchronized List<RecordedEmail> sentTo(String address) {
    return sent.stream().filter(mail -> mail.to().equalsIgnoreCase(address)).toList();
  }

  public synchronized void clear() {
    sent.clear();
  }
}
