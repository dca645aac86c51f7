package dev.orderly.notifications.domain;

import java.util.Objects;

/**
 * What notifications knows of a customer: where to mail them and how to greet them, learned from
 * the users service's events (order events carry only the customer id, and no service reads
 * another's table). {@code version} is the user's, so a late, older event cannot overwrite a newer
 * address.
 */
public record Customer(String tenant, String userId, String email, String name, long version) {
  public Customer {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
  }
}
