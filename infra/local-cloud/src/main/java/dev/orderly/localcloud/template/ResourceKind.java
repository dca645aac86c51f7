package dev.orderly.localcloud.template;

/** What a logical id of the template stands for, so that callers wire resources without ARNs. */
public enum ResourceKind {
  FUNCTION,
  HTTP_API,
  STATE_MACHINE,
  TABLE,
  /** A table's stream: its logical id is the table's, its name the table's name. */
  TABLE_STREAM,
  QUEUE,
  EVENT_BUS,
  RULE,
  EVENT_SOURCE_MAPPING,
  LOG_GROUP,
  SNS_TOPIC,
  SNS_SUBSCRIPTION,
  QUEUE_POLICY,
  ALARM
}
