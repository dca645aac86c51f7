package dev.orderly.orders.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orders.saga.SagaStarter;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The saga starter: a Step Functions client and the state machine it starts. */
@Module
public final class StartSagaModule {
  private StartSagaModule() {}

  @Provides
  @Singleton
  static SfnClient sfn(Environment env) {
    AwsSettings settings = AwsSettings.from(env, "SFN");
    return AwsClients.build(SfnClient.builder(), settings, AwsClients.httpClient(settings));
  }

  @Provides
  @Singleton
  static SagaStarter starter(SfnClient sfn, Environment env) {
    return new SagaStarter(sfn, StartSagaConfig.from(env).stateMachineArn());
  }

  @Provides
  @Singleton
  static StructuredLog log() {
    return StructuredLog.stdout("orders");
  }
}
