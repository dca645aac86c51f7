package dev.orderly.dynamodb.internal.error;

import java.util.Map;

/**
 * An error answered to the client with DynamoDB's wire shape: an HTTP status, a {@code __type} and
 * a message. Subtypes carry the extra members some errors have (an item, cancellation reasons).
 */
public class DynamoDbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
  public static final String CONDITIONAL_CHECK_FAILED =
      "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException";
  public static final String RESOURCE_NOT_FOUND =
      "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";
  public static final String RESOURCE_IN_USE =
      "com.amazonaws.dynamodb.v20120810#ResourceInUseException";
  public static final String TRANSACTION_CANCELED =
      "com.amazonaws.dynamodb.v20120810#TransactionCanceledException";
  public static final String TRANSACTION_CONFLICT =
      "com.amazonaws.dynamodb.v20120810#TransactionConflictException";
  public static final String IDEMPOTENT_PARAMETER_MISMATCH =
      "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException";
  public static final String UNKNOWN_OPERATION =
      "com.amazon.coral.service#UnknownOperationException";
  public static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
  public static final String INTERNAL_SERVER_ERROR =
      "com.amazonaws.dynamodb.v20120810#InternalServerError";
  public static final String EXPIRED_ITERATOR =
      "com.amazonaws.dynamodb.v20120810#ExpiredIteratorException";
  public static final String TRIMMED_DATA_ACCESS =
      "com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException";

  private final String type;
  private final int status;

  public DynamoDbException(String type, String message, int status) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  public static DynamoDbException validation(String message) {
    return new DynamoDbException(VALIDATION, message, 400);
  }

  public static DynamoDbException resourceNotFound(String message) {
    return new DynamoDbException(RESOURCE_NOT_FOUND, message, 400);
  }

  public static DynamoDbException tableNotFound() {
    return resourceNotFound("Requested resource not found");
  }

  public static DynamoDbException resourceInUse(String message) {
    return new DynamoDbException(RESOURCE_IN_USE, message, 400);
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  /**
   * Members written beside {@code __type} and {@code message}; values are wire-ready JSON trees.
   */
  public Map<String, Object> extraMembers() {
    return Map.of();
  }
}
