package dev.orderly.payments.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.payments.domain.PaymentService;
import jakarta.inject.Singleton;

/**
 * The object graph of the RefundPayment compensation, built once per Lambda instance from the
 * function's environment; its circuit breaker lives as long as the instance.
 */
@Singleton
@Component(modules = PaymentsModule.class)
public interface RefundPaymentComponent {
  PaymentService service();

  StructuredLog log();

  /** The environment is required; the clock and the provider default to the configured ones. */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder environment(Environment environment);

    Builder sourcesModule(SourcesModule clock);

    Builder providerModule(ProviderModule provider);

    RefundPaymentComponent build();
  }
}
