package dev.orderly.localcloud.mappings;

/**
 * Counters of one mapping since it started.
 *
 * @param batches invocations of the function (each with one batch)
 * @param records records delivered in those invocations (a record retried counts again)
 * @param failures invocations that did not fully succeed: function errors, throttles, invalid batch
 *     responses and responses reporting item failures
 * @param retries stream batches invoked again after a failure (SQS retries are redeliveries)
 * @param discarded stream records given up on after their retries or age ran out
 * @param sentToDestination discarded records described to the on-failure destination
 */
public record MappingStats(
    long batches,
    long records,
    long failures,
    long retries,
    long discarded,
    long sentToDestination) {}
