package dev.orderly.stepfunctions.internal.integrations;

import dev.orderly.stepfunctions.internal.StatesException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A failed service call as a Task error, named {@code Service.ErrorName}. The Developer Guide gives
 * the rule for service integrations ("Learning to use AWS service SDK integrations",
 * https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html): the service
 * name and the error name joined by a period, the error name always carrying the {@code Exception}
 * suffix (S3's {@code BucketAlreadyExists} is caught as {@code S3.BucketAlreadyExistsException});
 * the optimised DynamoDB integration's conditional failure is {@code
 * DynamoDB.ConditionalCheckFailedException}. A modelled error keeps its SDK exception's name; an
 * unmodelled one is its error code with the suffix added; a call that never got an answer is {@code
 * Service.SdkClientException}, as Lambda's is (see "Handle transient Lambda service exceptions",
 * https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html).
 */
final class ServiceErrors {
  private ServiceErrors() {}

  static StatesException of(
      String service, SdkException failure, Class<? extends AwsServiceException> serviceBase) {
    return new StatesException(
        service + "." + errorName(failure, serviceBase), failure.getMessage());
  }

  private static String errorName(
      SdkException failure, Class<? extends AwsServiceException> serviceBase) {
    if (!(failure instanceof AwsServiceException service)) {
      return "SdkClientException";
    }
    if (failure.getClass() != serviceBase) {
      return failure.getClass().getSimpleName();
    }
    String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
    if (code == null || code.isBlank()) {
      return serviceBase.getSimpleName();
    }
    return code.endsWith("Exception") ? code : code + "Exception";
  }
}
