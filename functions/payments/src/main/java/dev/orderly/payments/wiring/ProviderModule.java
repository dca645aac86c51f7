package dev.orderly.payments.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.payments.domain.PaymentProvider;
import dev.orderly.payments.provider.LocalPaymentProvider;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;

/**
 * The payment provider as {@code PAYMENT_PROVIDER} selects it, or one handed in: the local cloud
 * gives ChargePayment and RefundPayment one shared {@link LocalPaymentProvider}, as they would
 * share one real provider, and tests keep a reference to read its counters.
 */
@Module
public final class ProviderModule {
  private final Optional<PaymentProvider> given;

  public ProviderModule() {
    this.given = Optional.empty();
  }

  public ProviderModule(PaymentProvider provider) {
    this.given = Optional.of(Objects.requireNonNull(provider, "provider"));
  }

  @Provides
  @Singleton
  PaymentProvider provider(PaymentsConfig config) {
    // PaymentsConfig admits only "local" so far; a real provider's adapter is selected here.
    return given.orElseGet(LocalPaymentProvider::new);
  }
}
