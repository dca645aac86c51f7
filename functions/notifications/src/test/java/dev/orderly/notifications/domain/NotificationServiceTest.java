package dev.orderly.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  /** The ports in memory: a mailbox, a directory and a sent log. */
  private static final class Fakes implements EmailSender, CustomerDirectory, SentLog {
    final List<EmailMessage> mailed = new ArrayList<>();
    final Map<String, Customer> customers = new HashMap<>();
    final Map<String, SentMail> log = new HashMap<>();

    @Override
    public String send(EmailMessage message) {
      mailed.add(message);
      return "msg-" + mailed.size();
    }

    @Override
    public void remember(Customer customer) {
      customers.merge(
          customer.tenant() + "/" + customer.userId(),
          customer,
          (old, fresh) -> fresh.version() > old.version() ? fresh : old);
    }

    @Override
    public Optional<Customer> find(String tenant, String userId) {
      return Optional.ofNullable(customers.get(tenant + "/" + userId));
    }

    @Override
    public boolean contains(String tenant, String eventId) {
      return log.containsKey(tenant + "/" + eventId);
    }

    @Override
    public void record(SentMail mail) {
      log.putIfAbsent(mail.tenant() + "/" + mail.eventId(), mail);
    }
  }

  private final Fakes fakes = new Fakes();
  private final NotificationService service =
      new NotificationService(fakes, fakes, fakes, Clock.fixed(NOW, ZoneOffset.UTC));

  private static EventMetadata meta(String type, String eventId) {
    return new EventMetadata(type, eventId, "acme", "corr");
  }

  private static InboundEvent.UserRegistered registered(String eventId) {
    return new InboundEvent.UserRegistered(
        meta("UserRegistered", eventId), "u-1", "alice@example.com", "Alice", 1);
  }

  private static InboundEvent.OrderConfirmed confirmed(String customerId) {
    return new InboundEvent.OrderConfirmed(
        meta("OrderConfirmed", "ev-9"), "o-1", customerId, 100, "EUR");
  }

  @Test
  void userRegistered_remembersTheCustomerAndMailsAWelcome() {
    Handled handled = service.handle(registered("ev-1"));

    assertThat(handled).isEqualTo(new Handled.Sent("alice@example.com", "msg-1"));
    assertThat(fakes.find("acme", "u-1")).isPresent();
    assertThat(fakes.log.get("acme/ev-1"))
        .isEqualTo(
            new SentMail(
                "acme",
                "ev-1",
                "UserRegistered",
                "alice@example.com",
                "Welcome to Orderly, Alice",
                "msg-1",
                NOW));
  }

  @Test
  void anEventAlreadyInTheSentLog_isNotMailedAgain() {
    service.handle(registered("ev-1"));

    assertThat(service.handle(registered("ev-1"))).isEqualTo(new Handled.AlreadySent());
    assertThat(fakes.mailed).hasSize(1);
  }

  @Test
  void userUpdated_onlyRemembers() {
    Handled handled =
        service.handle(
            new InboundEvent.UserUpdated(
                meta("UserUpdated", "ev-2"), "u-1", "new@example.com", "Alice", 2));

    assertThat(handled).isEqualTo(new Handled.Remembered("u-1"));
    assertThat(fakes.mailed).isEmpty();
    assertThat(fakes.find("acme", "u-1")).map(Customer::email).contains("new@example.com");
  }

  @Test
  void orderEvents_mailTheKnownCustomer() {
    service.handle(registered("ev-1"));

    assertThat(service.handle(confirmed("u-1")))
        .isEqualTo(new Handled.Sent("alice@example.com", "msg-2"));
  }

  @Test
  void orderEvents_forAnUnknownCustomer_failAndSendNothing() {
    assertThatThrownBy(() -> service.handle(confirmed("u-404")))
        .isInstanceOf(UnknownCustomerException.class)
        .hasMessage("no address known for customer u-404 of tenant acme (event ev-9)");
    assertThat(fakes.mailed).isEmpty();
    assertThat(fakes.log).isEmpty();
  }

  @Test
  void customersAreKnownPerTenant() {
    service.handle(registered("ev-1"));
    InboundEvent.OrderConfirmed otherTenant =
        new InboundEvent.OrderConfirmed(
            new EventMetadata("OrderConfirmed", "ev-10", "globex", "c"), "o-1", "u-1", 1, "EUR");

    assertThatThrownBy(() -> service.handle(otherTenant))
        .isInstanceOf(UnknownCustomerException.class);
  }

  @Test
  void otherEvents_areIgnored() {
    assertThat(service.handle(new InboundEvent.Other(meta("StockReserved", "ev-3"))))
        .isEqualTo(new Handled.Ignored("StockReserved"));
    assertThat(fakes.mailed).isEmpty();
  }

  @Test
  void aFailedSend_leavesNoLogEntry_soARetrySends() {
    NotificationService failing =
        new NotificationService(
            message -> {
              throw new IllegalStateException("SES throttled");
            },
            fakes,
            fakes,
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> failing.handle(registered("ev-1"))).hasMessage("SES throttled");
    assertThat(fakes.log).isEmpty();
    assertThat(service.handle(registered("ev-1"))).isInstanceOf(Handled.Sent.class);
  }
}
