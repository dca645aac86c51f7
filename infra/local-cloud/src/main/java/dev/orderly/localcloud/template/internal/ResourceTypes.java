package dev.orderly.localcloud.template.internal;

import java.util.List;

/** The resource types the local cloud reads: those it emulates and those it accepts and skips. */
final class ResourceTypes {
  static final String FUNCTION = "AWS::Serverless::Function";
  static final String HTTP_API = "AWS::Serverless::HttpApi";
  static final String STATE_MACHINE = "AWS::Serverless::StateMachine";
  static final String TABLE = "AWS::DynamoDB::Table";
  static final String QUEUE = "AWS::SQS::Queue";
  static final String EVENT_BUS = "AWS::Events::EventBus";
  static final String RULE = "AWS::Events::Rule";
  static final String EVENT_SOURCE_MAPPING = "AWS::Lambda::EventSourceMapping";
  static final String QUEUE_POLICY = "AWS::SQS::QueuePolicy";
  static final String LOG_GROUP = "AWS::Logs::LogGroup";
  static final String SNS_TOPIC = "AWS::SNS::Topic";
  static final String SNS_SUBSCRIPTION = "AWS::SNS::Subscription";
  static final String ALARM = "AWS::CloudWatch::Alarm";

  static final List<String> EMULATED =
      List.of(
          FUNCTION, HTTP_API, STATE_MACHINE, TABLE, QUEUE, EVENT_BUS, RULE, EVENT_SOURCE_MAPPING);

  static final List<String> ACCEPTED_NOT_EMULATED =
      List.of(QUEUE_POLICY, LOG_GROUP, SNS_TOPIC, SNS_SUBSCRIPTION, ALARM);

  private ResourceTypes() {}

  static boolean supported(String type) {
    return EMULATED.contains(type) || ACCEPTED_NOT_EMULATED.contains(type);
  }
}
