package dev.orderly.dynamodb.internal.ops;

/** The values of the ReturnValues and ReturnValuesOnConditionCheckFailure members. */
final class ReturnValues {
  static final String[] ALL = {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"};
  static final String[] ON_FAILURE = {"ALL_OLD", "NONE"};
  static final String[] CAPACITY = {"INDEXES", "TOTAL", "NONE"};
  static final String[] METRICS = {"SIZE", "NONE"};

  private ReturnValues() {}
}
