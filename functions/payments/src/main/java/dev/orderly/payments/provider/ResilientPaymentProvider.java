package dev.orderly.payments.provider;

import dev.orderly.lambda.saga.TransientFailure;
import dev.orderly.payments.domain.ChargeRequest;
import dev.orderly.payments.domain.ChargeResult;
import dev.orderly.payments.domain.PaymentProvider;
import dev.orderly.payments.domain.PaymentProviderUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The provider behind a retry and a circuit breaker (resilience4j). Each attempt passes the
 * breaker; only {@link PaymentProviderUnavailableException} is retried (jittered exponential
 * backoff) and counted as a failure — a decline is an answer. When the attempts are spent or the
 * circuit is open the call fails with {@link TransientFailure}, which the saga retries later;
 * retrying is safe because the provider is idempotent per key.
 */
public final class ResilientPaymentProvider implements PaymentProvider {
  private final PaymentProvider provider;
  private final Retry retry;
  private final CircuitBreaker breaker;

  public ResilientPaymentProvider(
      PaymentProvider provider, ResilienceSettings settings, Clock clock, DoubleSupplier random) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.retry =
        Retry.of(
            "payment-provider",
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(
                    new JitteredBackoff(settings.initialWait(), settings.maxWait(), random))
                .retryExceptions(PaymentProviderUnavailableException.class)
                .build());
    this.breaker =
        CircuitBreaker.of(
            "payment-provider",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(PaymentProviderUnavailableException.class)
                .clock(clock)
                .build());
  }

  @Override
  public ChargeResult charge(ChargeRequest request) {
    return guarded(() -> provider.charge(request));
  }

  @Override
  public String refund(String chargeId, String idempotencyKey) {
    return guarded(() -> provider.refund(chargeId, idempotencyKey));
  }

  /** The circuit's state, for logs and tests. */
  public CircuitBreaker.State circuit() {
    return breaker.getState();
  }

  private <T> T guarded(Supplier<T> call) {
    try {
      return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    } catch (CallNotPermittedException open) {
      throw new TransientFailure("the payment provider's circuit is open", open);
    } catch (PaymentProviderUnavailableException down) {
      throw new TransientFailure("the payment provider is unavailable", down);
    }
  }
}
