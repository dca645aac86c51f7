package dev.orderly.users.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.users.domain.UserService;
import dev.orderly.users.domain.UserStore;
import dev.orderly.users.persistence.DynamoDbUserStore;
import java.time.Clock;
import java.util.function.Supplier;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every users function shares: config, clock, the DynamoDB client, the store and service. */
@Module(includes = SourcesModule.class)
public final class UsersModule {
  private UsersModule() {}

  @Provides
  @Singleton
  static UsersConfig config(Environment env) {
    return UsersConfig.from(env);
  }

  @Provides
  @Singleton
  static AwsSettings dynamoSettings(Environment env) {
    return AwsSettings.from(env, "DYNAMODB");
  }

  @Provides
  @Singleton
  static SdkHttpClient http(AwsSettings settings) {
    return AwsClients.httpClient(settings);
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamo(AwsSettings settings, SdkHttpClient http) {
    return AwsClients.build(DynamoDbClient.builder(), settings, http);
  }

  @Provides
  @Singleton
  static UserStore store(DynamoDbClient dynamo, UsersConfig config) {
    return new DynamoDbUserStore(dynamo, config.usersTable());
  }

  @Provides
  @Singleton
  static UserService service(UserStore store, Clock clock, Supplier<String> ids) {
    return new UserService(store, clock, ids);
  }

  @Provides
  @Singleton
  static StructuredLog log(Clock clock) {
    return new StructuredLog("users", clock, System.out);
  }
}
