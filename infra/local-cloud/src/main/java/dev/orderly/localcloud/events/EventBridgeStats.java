package dev.orderly.localcloud.events;

/**
 * What the bus did so far, for the demo summary and for tests.
 *
 * @param accepted PutEvents entries accepted (given an EventId)
 * @param rejected PutEvents entries answered with an ErrorCode
 * @param matched rule matches (one event matching two rules counts two)
 * @param unmatched accepted events that matched no rule (they go nowhere, as in AWS)
 * @param delivered deliveries a target accepted
 * @param retried delivery attempts scheduled after a failure
 * @param deadLettered undeliverable events sent to their target's DLQ
 * @param dropped undeliverable events with no DLQ, or whose DLQ send failed (each one is logged)
 */
public record EventBridgeStats(
    long accepted,
    long rejected,
    long matched,
    long unmatched,
    long delivered,
    long retried,
    long deadLettered,
    long dropped) {}
