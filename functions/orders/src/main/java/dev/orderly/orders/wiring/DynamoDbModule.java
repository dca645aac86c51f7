package dev.orderly.orders.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client of a function: url-connection-client, settings from the environment. */
@Module
public final class DynamoDbModule {
  private DynamoDbModule() {}

  @Provides
  @Singleton
  static DynamoDbClient dynamo(Environment env) {
    AwsSettings settings = AwsSettings.from(env, "DYNAMODB");
    return AwsClients.build(DynamoDbClient.builder(), settings, AwsClients.httpClient(settings));
  }
}
