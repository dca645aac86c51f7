package dev.orderly.payments.provider;

import dev.orderly.payments.domain.ChargeRequest;
import dev.orderly.payments.domain.ChargeResult;
import dev.orderly.payments.domain.PaymentProvider;
import dev.orderly.payments.domain.PaymentProviderUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A payment provider in memory whose behaviour the card token scripts, for the local cloud and
 * tests ({@code PAYMENT_PROVIDER=local}): {@code tok_ok} charges, {@code tok_decline} declines,
 * {@code tok_outage_<n>} fails transiently on the first n attempts of each idempotency key and then
 * charges, {@code tok_down} always fails transiently; any other token is declined as {@code
 * invalid_token}.
 *
 * <p>Like a real provider it is idempotent per key: a key that charged answers the same charge id
 * again and is never charged twice, and reusing a key for another amount or card is refused. Charge
 * ids derive from the key, so another instance (each function has its own) accepts the refund of a
 * charge it did not make. Counters let tests assert that a card was charged exactly once.
 */
public final class LocalPaymentProvider implements PaymentProvider {
  static final String CHARGE_PREFIX = "ch_local_";
  private static final String OUTAGE = "tok_outage_";

  private final Map<String, ChargeRequest> requests = new HashMap<>();
  private final Map<String, ChargeResult> results = new HashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final Map<String, String> refunds = new HashMap<>();
  private final Set<String> refundedCharges = new HashSet<>();
  private int chargeCalls;
  private int refundCalls;

  @Override
  public synchronized ChargeResult charge(ChargeRequest request) {
    chargeCalls++;
    String key = request.idempotencyKey();
    ChargeRequest first = requests.putIfAbsent(key, request);
    if (first != null && !first.equals(request)) {
      throw new IllegalArgumentException("idempotency key " + key + " reused for another charge");
    }
    ChargeResult known = results.get(key);
    if (known != null) {
      return known;
    }
    int attempt = attempts.merge(key, 1, Integer::sum);
    String token = request.token();
    if (token.equals("tok_down") || (token.startsWith(OUTAGE) && attempt <= outages(token))) {
      throw new PaymentProviderUnavailableException(
          "local provider unavailable (attempt " + attempt + " of key " + key + ")");
    }
    ChargeResult result =
        token.equals("tok_ok") || (token.startsWith(OUTAGE) && outages(token) >= 0)
            ? new ChargeResult.Charged(chargeId(key))
            : new ChargeResult.Declined(
                token.equals("tok_decline") ? "card_declined" : "invalid_token");
    results.put(key, result);
    return result;
  }

  /** The n of {@code tok_outage_<n>}, or -1 when the rest is not a number. */
  private static int outages(String token) {
    try {
      return Integer.parseInt(token.substring(OUTAGE.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String chargeId(String key) {
    return CHARGE_PREFIX
        + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
  }

  @Override
  public synchronized String refund(String chargeId, String idempotencyKey) {
    refundCalls++;
    String known = refunds.get(idempotencyKey);
    if (known != null) {
      return known;
    }
    if (chargeId == null || !chargeId.startsWith(CHARGE_PREFIX)) {
      throw new IllegalArgumentException("not a charge of the local provider: " + chargeId);
    }
    if (!refundedCharges.add(chargeId)) {
      throw new IllegalStateException("charge " + chargeId + " is already refunded");
    }
    String refundId = "re_local_" + chargeId.substring(CHARGE_PREFIX.length());
    refunds.put(idempotencyKey, refundId);
    return refundId;
  }

  /** Cards charged: distinct successful charges, however often each was asked for. */
  public synchronized long charges() {
    return results.values().stream().filter(r -> r instanceof ChargeResult.Charged).count();
  }

  /** Charges refunded, each counted once. */
  public synchronized int refunds() {
    return refundedCharges.size();
  }

  /** Every call to {@link #charge}, failed, declined and repeated ones included. */
  public synchronized int chargeCalls() {
    return chargeCalls;
  }

  public synchronized int refundCalls() {
    return refundCalls;
  }

  /** Attempts of one key that reached the charge logic (repeats of a settled key excluded). */
  public synchronized int attempts(String idempotencyKey) {
    return attempts.getOrDefault(idempotencyKey, 0);
  }

  public synchronized boolean isRefunded(String chargeId) {
    return refundedCharges.contains(chargeId);
  }
}
