package dev.orderly.notifications.domain;

import java.util.Optional;

/** The customers' addresses, as last announced by the users service. */
public interface CustomerDirectory {
  /** Keeps {@code customer} unless a version at least as new is already known. */
  void remember(Customer customer);

  Optional<Customer> find(String tenant, String userId);
}
