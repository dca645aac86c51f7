package dev.orderly.localcloud.template;

import java.net.URI;
import java.util.Objects;

/**
 * What the template cannot say about the local cloud but its names and ARNs depend on: the region,
 * account and stack name CloudFormation would supply as pseudo parameters, and the base URL of the
 * local SQS endpoint (a queue's {@code Ref} is its URL); and the local SSM parameters that dynamic
 * references ({@code {{resolve:ssm:name}}}) read.
 *
 * @param ssmParameters what {@code {{resolve:ssm:name}}} reads (compared by identity in {@code
 *     equals})
 */
public record LocalSettings(
    String region,
    String accountId,
    String stackName,
    URI sqsBaseUrl,
    SsmParameters ssmParameters) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";
  public static final String DEFAULT_STACK_NAME = "orderly";
  public static final URI DEFAULT_SQS_BASE_URL = URI.create("http://localhost:9324");

  public LocalSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(stackName, "stackName");
    Objects.requireNonNull(sqsBaseUrl, "sqsBaseUrl");
    Objects.requireNonNull(ssmParameters, "ssmParameters");
    if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException("not a region: " + region);
    }
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("an account id has 12 digits: " + accountId);
    }
    if (!stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
      throw new IllegalArgumentException("not a CloudFormation stack name: " + stackName);
    }
    if (!sqsBaseUrl.isAbsolute()) {
      throw new IllegalArgumentException("the SQS base URL must be absolute: " + sqsBaseUrl);
    }
  }

  /**
   * us-east-1, account 000000000000, stack "orderly", SQS on http://localhost:9324, no SSM
   * parameters.
   */
  public static LocalSettings defaults() {
    return new LocalSettings(
        DEFAULT_REGION,
        DEFAULT_ACCOUNT_ID,
        DEFAULT_STACK_NAME,
        DEFAULT_SQS_BASE_URL,
        SsmParameters.NONE);
  }

  public LocalSettings withRegion(String newRegion) {
    return new LocalSettings(newRegion, accountId, stackName, sqsBaseUrl, ssmParameters);
  }

  public LocalSettings withAccountId(String newAccountId) {
    return new LocalSettings(region, newAccountId, stackName, sqsBaseUrl, ssmParameters);
  }

  public LocalSettings withStackName(String newStackName) {
    return new LocalSettings(region, accountId, newStackName, sqsBaseUrl, ssmParameters);
  }

  public LocalSettings withSqsBaseUrl(URI newSqsBaseUrl) {
    return new LocalSettings(region, accountId, stackName, newSqsBaseUrl, ssmParameters);
  }

  public LocalSettings withSsmParameters(SsmParameters parameters) {
    return new LocalSettings(region, accountId, stackName, sqsBaseUrl, parameters);
  }

  /** The URL ElasticMQ gives a queue: {@code <base>/<account>/<name>}. */
  public String queueUrl(String queueName) {
    String base = sqsBaseUrl.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/" + accountId + "/" + queueName;
  }
}
