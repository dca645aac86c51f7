package dev.orderly.payments.domain;

import java.util.Objects;

/**
 * The provider's answer to a charge. A decline is an answer, not a failure: it is final for that
 * card and request, so it is never retried. Failures that may pass are {@link
 * PaymentProviderUnavailableException}.
 */
public sealed interface ChargeResult permits ChargeResult.Charged, ChargeResult.Declined {

  /** The card was charged; {@code chargeId} is what a refund names. */
  record Charged(String chargeId) implements ChargeResult {
    public Charged {
      Ids.text(chargeId, "chargeId", 256);
    }
  }

  /** The provider refused the charge, for {@code reason} (a code such as {@code card_declined}). */
  record Declined(String reason) implements ChargeResult {
    public Declined {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
