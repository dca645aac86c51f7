package dev.orderly.localcloud.template.internal;

import dev.orderly.localcloud.template.EventSourceMappingSpec;
import dev.orderly.localcloud.template.ResourceKind;
import dev.orderly.localcloud.template.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads an {@code AWS::Lambda::EventSourceMapping} from an SQS queue or a DynamoDB stream of the
 * template. Supported: FunctionName, EventSourceArn, Enabled, BatchSize,
 * MaximumBatchingWindowInSeconds, FunctionResponseTypes, FilterCriteria; for queues ScalingConfig;
 * for streams StartingPosition, ParallelizationFactor, MaximumRetryAttempts,
 * MaximumRecordAgeInSeconds, BisectBatchOnFunctionError, DestinationConfig.OnFailure. A stream
 * setting on a queue mapping (or the reverse) fails, as Lambda refuses it.
 */
final class EventSourceMappingReader {
  private static final List<String> STREAM_ONLY =
      List.of(
          "StartingPosition",
          "ParallelizationFactor",
          "MaximumRetryAttempts",
          "MaximumRecordAgeInSeconds",
          "BisectBatchOnFunctionError",
          "DestinationConfig");

  private EventSourceMappingReader() {}

  static EventSourceMappingSpec read(RawResource r, TemplateContext context) {
    Props p = Props.of(context.resolveProperties(r), r.where());
    ResourceRef function =
        context.find(
            p.requiredString("FunctionName"),
            ResourceIndex.kinds(ResourceKind.FUNCTION),
            p.where("FunctionName"),
            "function");
    ResourceRef source =
        context.find(
            p.requiredString("EventSourceArn"),
            ResourceIndex.kinds(ResourceKind.QUEUE, ResourceKind.TABLE_STREAM),
            p.where("EventSourceArn"),
            "event source");
    boolean stream = source.kind() == ResourceKind.TABLE_STREAM;
    for (String key : STREAM_ONLY) {
      if (!stream && p.has(key)) {
        throw p.where(key)
            .fail("applies only to stream sources, not to queue " + source.logicalId());
      }
    }
    if (stream && p.has("ScalingConfig")) {
      throw p.where("ScalingConfig").fail("applies only to SQS sources");
    }
    boolean enabled = p.bool("Enabled", true);
    int batchSize = p.integer("BatchSize", stream ? 100 : 10, 1, 10_000);
    int window = p.integer("MaximumBatchingWindowInSeconds", 0, 0, 300);
    if (!stream && batchSize > 10 && window == 0) {
      throw p.where("BatchSize")
          .fail("above 10 needs MaximumBatchingWindowInSeconds of at least 1");
    }
    List<String> responseTypes = p.strings("FunctionResponseTypes");
    for (String type : responseTypes) {
      if (!type.equals("ReportBatchItemFailures")) {
        throw p.where("FunctionResponseTypes")
            .fail("only ReportBatchItemFailures exists, not " + type);
      }
    }
    OptionalInt maximumConcurrency = OptionalInt.empty();
    Optional<Props> scaling = p.object("ScalingConfig");
    if (scaling.isPresent()) {
      maximumConcurrency = scaling.get().integer("MaximumConcurrency");
      if (maximumConcurrency.isPresent()
          && (maximumConcurrency.getAsInt() < 2 || maximumConcurrency.getAsInt() > 1000)) {
        throw scaling.get().where("MaximumConcurrency").fail("must be between 2 and 1000");
      }
      scaling.get().done();
    }
    Optional<String> startingPosition =
        Optional.ofNullable(p.oneOf("StartingPosition", null, "TRIM_HORIZON", "LATEST"));
    if (stream && startingPosition.isEmpty()) {
      throw p.where("StartingPosition").fail("is required for a stream source");
    }
    int parallelization = p.integer("ParallelizationFactor", 1, 1, 10);
    int retries = p.integer("MaximumRetryAttempts", -1, -1, 10_000);
    int recordAge = p.integer("MaximumRecordAgeInSeconds", -1, -1, 604_800);
    if (recordAge >= 0 && recordAge < 60) {
      throw p.where("MaximumRecordAgeInSeconds").fail("must be -1 or between 60 and 604800");
    }
    boolean bisect = p.bool("BisectBatchOnFunctionError", false);
    List<String> filters = new ArrayList<>();
    Optional<Props> criteria = p.object("FilterCriteria");
    if (criteria.isPresent()) {
      for (Props filter : criteria.get().objects("Filters")) {
        filters.add(
            EventPatterns.read(
                filter
                    .node("Pattern")
                    .orElseThrow(() -> filter.where("Pattern").fail("is required")),
                filter.where("Pattern")));
        filter.done();
      }
      criteria.get().done();
      if (!stream && !filters.isEmpty()) {
        throw p.where("FilterCriteria")
            .fail("on an SQS source is not supported by the local cloud (only on streams)");
      }
    }
    Optional<ResourceRef> onFailure = Optional.empty();
    Optional<Props> destination = p.object("DestinationConfig");
    if (destination.isPresent()) {
      Props failure = destination.get().requiredObject("OnFailure");
      onFailure =
          Optional.of(
              context.find(
                  failure.requiredString("Destination"),
                  ResourceIndex.kinds(ResourceKind.QUEUE),
                  failure.where("Destination"),
                  "on-failure destination"));
      failure.done();
      destination.get().done();
    }
    p.done();
    return new EventSourceMappingSpec(
        r.logicalId(),
        function,
        source,
        enabled,
        batchSize,
        window,
        responseTypes,
        maximumConcurrency,
        startingPosition,
        parallelization,
        retries,
        recordAge,
        bisect,
        filters,
        onFailure);
  }
}
