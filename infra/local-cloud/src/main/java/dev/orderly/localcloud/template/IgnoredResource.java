package dev.orderly.localcloud.template;

/**
 * A resource the template may declare but the local cloud does not emulate (queue policies, log
 * groups, SNS topics and subscriptions, alarms): its references resolve, nothing runs.
 */
public record IgnoredResource(String logicalId, String type, String physicalId) {}
