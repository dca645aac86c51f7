package dev.orderly.localcloud.demo;

import dev.orderly.localcloud.lambda.FunctionStats;
import dev.orderly.localcloud.ses.SentEmail;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * What the demo needs from a running cloud: the API to drive, tokens to call it with, and read
 * access to the state it then checks (tables, executions, mail). The demo places orders only
 * through the HTTP API; everything else here is for publishing duplicates and for checking the
 * outcome.
 */
public interface DemoCloud {
  URI apiUrl();

  /**
   * A bearer token the API's JWT authorizer accepts, for {@code tenant} and user {@code subject}.
   */
  String token(String tenant, String subject);

  DynamoDbClient dynamo();

  /** The physical name of a table of the template, by logical id ({@code OrdersTable}). */
  String tableName(String logicalId);

  SfnClient stepFunctions();

  String sagaArn();

  /** Publishes one event on the system's bus, as the outbox relay does (a duplicate, here). */
  void publish(String source, String detailType, String detail);

  /**
   * Messages held by each dead-letter queue of the template (the queues whose logical id ends in
   * {@code Dlq}), by logical id: anything there is work the system gave up on.
   */
  Map<String, Long> deadLetters();

  /** Every mail the notifications function sent so far. */
  List<SentEmail> mails();

  /** What each function has done so far, by function name. */
  Map<String, FunctionStats> functionStats();

  /**
   * Fault injection: the next {@code count} invocations of the function (by logical id) whose
   * payload matches fail without running it.
   */
  void injectErrors(String functionLogicalId, int count, Predicate<String> payloadMatches);
}
