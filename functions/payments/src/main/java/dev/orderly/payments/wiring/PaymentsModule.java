package dev.orderly.payments.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.idempotency.dynamodb.TransactionalIdempotency;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.payments.domain.PaymentProvider;
import dev.orderly.payments.domain.PaymentRepository;
import dev.orderly.payments.domain.PaymentService;
import dev.orderly.payments.persistence.DynamoDbPaymentRepository;
import dev.orderly.payments.provider.ResilientPaymentProvider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every payments function is made of: config, DynamoDB, the guarded provider, the service. */
@Module(includes = {SourcesModule.class, ProviderModule.class})
public final class PaymentsModule {
  private PaymentsModule() {}

  @Provides
  @Singleton
  static PaymentsConfig config(Environment env) {
    return PaymentsConfig.from(env);
  }

  @Provides
  @Singleton
  static SdkHttpClient http(PaymentsConfig config) {
    return AwsClients.httpClient(config.dynamo());
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamo(PaymentsConfig config, SdkHttpClient http) {
    return AwsClients.build(DynamoDbClient.builder(), config.dynamo(), http);
  }

  @Provides
  @Singleton
  static PaymentRepository repository(DynamoDbClient dynamo, PaymentsConfig config, Clock clock) {
    return new DynamoDbPaymentRepository(
        dynamo,
        config.paymentsTable(),
        TransactionalIdempotency.builder(dynamo, config.idempotencyTable()).clock(clock).build());
  }

  @Provides
  @Singleton
  static ResilientPaymentProvider guarded(
      PaymentProvider provider, PaymentsConfig config, Clock clock) {
    return new ResilientPaymentProvider(
        provider, config.resilience(), clock, () -> ThreadLocalRandom.current().nextDouble());
  }

  @Provides
  @Singleton
  static PaymentService service(
      PaymentRepository repository,
      ResilientPaymentProvider provider,
      Clock clock,
      Supplier<String> ids) {
    return new PaymentService(repository, provider, clock, ids);
  }

  @Provides
  @Singleton
  static StructuredLog log(Clock clock) {
    return new StructuredLog("payments", clock, System.out);
  }
}
