package dev.orderly.orderviews.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read model's copy of each customer's name, at the newest user version seen. */
public interface Customers {
  /** Keeps the change if it is newer than what is stored; a duplicate or older one is UNCHANGED. */
  Projected apply(CustomerChange change);

  Optional<String> name(String tenant, String customerId);

  /** The current names of the given customers; unknown ones are absent from the map. */
  Map<String, String> names(String tenant, Set<String> customerIds);
}
