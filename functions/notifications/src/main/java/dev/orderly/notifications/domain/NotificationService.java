package dev.orderly.notifications.domain;

import java.time.Clock;
import java.util.Objects;

/**
 * Turns events into mail, at most once per event id: the sent log is checked before sending and
 * written after, on top of the batch processor's idempotency record. Customers' addresses are
 * learned from user events, kept newest-version-wins.
 */
public final class NotificationService {
  private final EmailSender sender;
  private final CustomerDirectory customers;
  private final SentLog sentLog;
  private final Clock clock;

  public NotificationService(
      EmailSender sender, CustomerDirectory customers, SentLog sentLog, Clock clock) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.sentLog = Objects.requireNonNull(sentLog, "sentLog");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @throws UnknownCustomerException for an order event whose customer is not known yet
   */
  public Handled handle(InboundEvent event) {
    if (event instanceof InboundEvent.UserRegistered registered) {
      customers.remember(registered.customer());
      return mailOnce(event, MailTemplates.welcome(registered.customer()));
    }
    if (event instanceof InboundEvent.UserUpdated updated) {
      customers.remember(updated.customer());
      return new Handled.Remembered(updated.userId());
    }
    if (event instanceof InboundEvent.OrderConfirmed confirmed) {
      return mailOnce(
          event, MailTemplates.orderConfirmed(confirmed, customer(event, confirmed.customerId())));
    }
    if (event instanceof InboundEvent.OrderCancelled cancelled) {
      return mailOnce(
          event, MailTemplates.orderCancelled(cancelled, customer(event, cancelled.customerId())));
    }
    return new Handled.Ignored(event.metadata().detailType());
  }

  private Customer customer(InboundEvent event, String customerId) {
    EventMetadata metadata = event.metadata();
    return customers
        .find(metadata.tenant(), customerId)
        .orElseThrow(
            () -> new UnknownCustomerException(metadata.tenant(), customerId, metadata.eventId()));
  }

  private Handled mailOnce(InboundEvent event, EmailMessage mail) {
    EventMetadata metadata = event.metadata();
    if (sentLog.contains(metadata.tenant(), metadata.eventId())) {
      return new Handled.AlreadySent();
    }
    String messageId = sender.send(mail);
    sentLog.record(
        new SentMail(
            metadata.tenant(),
            metadata.eventId(),
            metadata.detailType(),
            mail.to(),
            mail.subject(),
            messageId,
            clock.instant()));
    return new Handled.Sent(mail.to(), messageId);
  }
}
