package dev.orderly.orderviews.wiring;

import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import java.util.Objects;

/**
 * Everything the order-views functions read from their environment, read once: the table ({@code
 * ORDER_VIEWS_TABLE}, holding views and customer items) and how to reach DynamoDB.
 */
public record OrderViewsConfig(String viewsTable, AwsSettings dynamo) {
  public OrderViewsConfig {
    Objects.requireNonNull(viewsTable, "viewsTable");
    Objects.requireNonNull(dynamo, "dynamo");
  }

  public static OrderViewsConfig from(Environment env) {
    return new OrderViewsConfig(
        env.require("ORDER_VIEWS_TABLE"), AwsSettings.from(env, "DYNAMODB"));
  }
}
