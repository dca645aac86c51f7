package dev.orderly.stepfunctions.internal.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.stepfunctions.LambdaFunctions;
import dev.orderly.stepfunctions.internal.StatesException;
import dev.orderly.stepfunctions.internal.interpreter.TaskInvoker;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs a Task's Resource the way Step Functions does for Lambda and the optimised integrations the
 * system uses: a Lambda function ARN, {@code arn:aws:states:::lambda:invoke}, {@code
 * dynamodb:getItem|putItem|updateItem|deleteItem}, {@code sqs:sendMessage} and {@code
 * events:putEvents}. Each service's client is optional; a Task that needs one that is absent fails
 * with {@code States.Runtime} saying so.
 *
 * <p>Any other Resource fails with {@code States.Runtime}, naming it. AWS refuses a Resource that
 * is not a valid resource ARN when the state machine is created ({@code SCHEMA_VALIDATION_FAILED:
 * Value is not a valid resource ARN}, as reported in
 * https://github.com/aws/aws-sam-cli-app-templates/issues/185) and reports one that slips through
 * as {@code States.Runtime}, "The provided ARN ... is invalid" (as reported in
 * https://github.com/serverless-operations/serverless-step-functions/issues/41); no Retry or Catch
 * handles {@code States.Runtime} ("Handling errors in Step Functions workflows",
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
 */
public final class ServiceIntegrations implements TaskInvoker {
  private static final Pattern LAMBDA_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:lambda:.+");
  private static final Pattern INTEGRATION =
      Pattern.compile("arn:aws[a-zA-Z-]*:states:::(?<service>[a-z]+):(?<action>[A-Za-z]+)");

  private final LambdaIntegration lambda;
  private final DynamoDbIntegration dynamoDb;
  private final SqsIntegration sqs;
  private final EventBridgeIntegration eventBridge;

  private ServiceIntegrations(Builder builder) {
    this.lambda =
        new LambdaIntegration(
            builder.functions,
            builder.region,
            builder.accountId,
            builder.clock,
            builder.requestIds);
    this.dynamoDb = builder.dynamoDb == null ? null : new DynamoDbIntegration(builder.dynamoDb);
    this.sqs = builder.sqs == null ? null : new SqsIntegration(builder.sqs);
    this.eventBridge =
        builder.eventBridge == null ? null : new EventBridgeIntegration(builder.eventBridge);
  }

  public static Builder builder(LambdaFunctions functions) {
    return new Builder(functions);
  }

  @Override
  public JsonNode invoke(String resource, JsonNode input) {
    if (LAMBDA_ARN.matcher(resource).matches()) {
      return lambda.invokeArn(resource, input);
    }
    Matcher integration = INTEGRATION.matcher(resource);
    if (!integration.matches()) {
      throw unsupported(resource);
    }
    String action = integration.group("action");
    switch (integration.group("service")) {
      case "lambda":
        if (action.equals("invoke")) {
          return lambda.invoke(input);
        }
        throw unsupported(resource);
      case "dynamodb":
        if (!DynamoDbIntegration.supports(action)) {
          throw unsupported(resource);
        }
        return require(dynamoDb, "DynamoDB", "dynamoDb", resource).call(action, input);
      case "sqs":
        if (!SqsIntegration.supports(action)) {
          throw unsupported(resource);
        }
        return require(sqs, "SQS", "sqs", resource).call(action, input);
      case "events":
        if (!EventBridgeIntegration.supports(action)) {
          throw unsupported(resource);
        }
        return require(eventBridge, "EventBridge", "eventBridge", resource).call(action, input);
      default:
        throw unsupported(resource);
    }
  }

  private static <T> T require(T integration, String service, String method, String resource) {
    if (integration == null) {
      throw new StatesException(
          StatesException.RUNTIME,
          "No "
              + service
              + " client is configured for "
              + resource
              + ": build ServiceIntegrations with ."
              + method
              + "(client)");
    }
    return integration;
  }

  private static StatesException unsupported(String resource) {
    return new StatesException(
        StatesException.RUNTIME,
        "The provided ARN '"
            + resource
            + "' is invalid: only Lambda function ARNs, lambda:invoke, dynamodb:getItem,"
            + " putItem, updateItem and deleteItem, sqs:sendMessage and events:putEvents"
            + " are integrated");
  }

  /** The functions and clients to integrate, and the identity Lambda's answers carry. */
  public static final class Builder {
    private final LambdaFunctions functions;
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private EventBridgeClient eventBridge;
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Clock clock = Clock.systemUTC();
    private Supplier<String> requestIds = () -> UUID.randomUUID().toString();

    private Builder(LambdaFunctions functions) {
      this.functions = Objects.requireNonNull(functions, "functions");
    }

    public Builder dynamoDb(DynamoDbClient dynamoDb) {
      this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
      return this;
    }

    public Builder sqs(SqsClient sqs) {
      this.sqs = Objects.requireNonNull(sqs, "sqs");
      return this;
    }

    public Builder eventBridge(EventBridgeClient eventBridge) {
      this.eventBridge = Objects.requireNonNull(eventBridge, "eventBridge");
      return this;
    }

    /**
     * The region of function ARNs built from a bare name (in error causes); us-east-1 unless set.
     */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The account of function ARNs built from a bare name; 000000000000 unless set. */
    public Builder accountId(String accountId) {
      if (!Objects.requireNonNull(accountId, "accountId").matches("\\d{12}")) {
        throw new IllegalArgumentException("An account id is 12 digits, got " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    /** The clock of the Date header in lambda:invoke results. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Request ids for Lambda's answers; random UUIDs unless set. */
    public Builder requestIds(Supplier<String> requestIds) {
      this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
      return this;
    }

    public ServiceIntegrations build() {
      return new ServiceIntegrations(this);
    }
  }
}
