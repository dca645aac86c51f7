package dev.orderly.notifications.domain;

import java.util.Objects;

/**
 * The events notifications reacts to, as read from their EventBridge envelopes; any other
 * detail-type arrives as {@link Other}, which is acknowledged without effect (a rule widened by
 * mistake must not fill the dead-letter queue).
 */
public sealed interface InboundEvent {
  EventMetadata metadata();

  record UserRegistered(
      EventMetadata metadata, String userId, String email, String name, long version)
      implements InboundEvent {
    public UserRegistered {
      Objects.requireNonNull(metadata, "metadata");
    }

    public Customer customer() {
      return new Customer(metadata.tenant(), userId, email, name, version);
    }
  }

  record UserUpdated(EventMetadata metadata, String userId, String email, String name, long version)
      implements InboundEvent {
    public UserUpdated {
      Objects.requireNonNull(metadata, "metadata");
    }

    public Customer customer() {
      return new Customer(metadata.tenant(), userId, email, name, version);
    }
  }

  /**
   * @param total in the currency's minor units
   */
  record OrderConfirmed(
      EventMetadata metadata, String orderId, String customerId, long total, String currency)
      implements InboundEvent {
    public OrderConfirmed {
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(currency, "currency");
    }
  }

  record OrderCancelled(
      EventMetadata metadata, String orderId, String customerId, String reasonCode)
      implements InboundEvent {
    public OrderCancelled {
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(reasonCode, "reasonCode");
    }
  }

  record Other(EventMetadata metadata) implements InboundEvent {}
}
