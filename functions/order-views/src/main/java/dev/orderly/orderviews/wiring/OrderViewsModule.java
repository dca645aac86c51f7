package dev.orderly.orderviews.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orderviews.domain.Customers;
import dev.orderly.orderviews.domain.OrderViews;
import dev.orderly.orderviews.persistence.DynamoCustomers;
import dev.orderly.orderviews.persistence.DynamoOrderViews;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What both order-views functions share: configuration, the DynamoDB client, the stores, logs. */
@Module
public final class OrderViewsModule {
  private OrderViewsModule() {}

  @Provides
  @Singleton
  static OrderViewsConfig config(Environment env) {
    return OrderViewsConfig.from(env);
  }

  @Provides
  @Singleton
  static SdkHttpClient http(OrderViewsConfig config) {
    return AwsClients.httpClient(config.dynamo());
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamo(OrderViewsConfig config, SdkHttpClient http) {
    return AwsClients.build(DynamoDbClient.builder(), config.dynamo(), http);
  }

  @Provides
  @Singleton
  static OrderViews views(DynamoDbClient dynamo, OrderViewsConfig config) {
    return new DynamoOrderViews(dynamo, config.viewsTable());
  }

  @Provides
  @Singleton
  static Customers customers(DynamoDbClient dynamo, OrderViewsConfig config) {
    return new DynamoCustomers(dynamo, config.viewsTable());
  }

  @Provides
  @Singleton
  static StructuredLog log() {
    return StructuredLog.stdout("order-views");
  }
}
