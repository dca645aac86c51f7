package dev.orderly.localcloud.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code AWS::Lambda::EventSourceMapping} (or a SAM {@code SQS}/{@code DynamoDB} event), with
 * Lambda's defaults where the template sets nothing.
 *
 * @param source a QUEUE or a TABLE_STREAM (whose logical id and name are the table's)
 * @param maximumRetryAttempts streams only; -1 means until the record expires
 * @param maximumRecordAgeInSeconds streams only; -1 means the stream's retention
 * @param filterPatterns each filter's Pattern, as JSON checked by event-ruler
 * @param onFailure streams only: DestinationConfig.OnFailure.Destination
 */
public record EventSourceMappingSpec(
    String logicalId,
    ResourceRef function,
    ResourceRef source,
    boolean enabled,
    int batchSize,
    int maximumBatchingWindowInSeconds,
    List<String> functionResponseTypes,
    OptionalInt maximumConcurrency,
    Optional<String> startingPosition,
    int parallelizationFactor,
    int maximumRetryAttempts,
    int maximumRecordAgeInSeconds,
    boolean bisectBatchOnFunctionError,
    List<String> filterPatterns,
    Optional<ResourceRef> onFailure) {
  public EventSourceMappingSpec {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(source, "source");
    functionResponseTypes = Copies.list(functionResponseTypes);
    Objects.requireNonNull(maximumConcurrency, "maximumConcurrency");
    Objects.requireNonNull(startingPosition, "startingPosition");
    filterPatterns = Copies.list(filterPatterns);
    Objects.requireNonNull(onFailure, "onFailure");
  }

  /** FunctionResponseTypes has ReportBatchItemFailures: the function reports partial failures. */
  public boolean reportsBatchItemFailures() {
    return functionResponseTypes.contains("ReportBatchItemFailures");
  }
}
