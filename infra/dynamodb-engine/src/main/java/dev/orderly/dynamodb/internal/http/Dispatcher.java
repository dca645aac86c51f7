package dev.orderly.dynamodb.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.ops.BatchOps;
import dev.orderly.dynamodb.internal.ops.Engine;
import dev.orderly.dynamodb.internal.ops.ItemOps;
import dev.orderly.dynamodb.internal.ops.QueryOps;
import dev.orderly.dynamodb.internal.ops.TableOps;
import dev.orderly.dynamodb.internal.ops.TransactOps;
import dev.orderly.dynamodb.internal.stream.StreamOps;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Maps {@code X-Amz-Target} values to operations. */
public final class Dispatcher {
  private static final String DYNAMODB = "DynamoDB_20120810.";
  private static final String STREAMS = "DynamoDBStreams_20120810.";

  private final Map<String, UnaryOperator<ObjectNode>> operations = new HashMap<>();

  public Dispatcher(Engine engine) {
    TableOps tables = new TableOps(engine);
    ItemOps items = new ItemOps(engine);
    QueryOps queries = new QueryOps(engine);
    BatchOps batches = new BatchOps(engine);
    TransactOps transactions = new TransactOps(engine);
    StreamOps streams = new StreamOps(engine);
    dynamodb("CreateTable", tables::createTable);
    dynamodb("DescribeTable", tables::describeTable);
    dynamodb("ListTables", tables::listTables);
    dynamodb("DeleteTable", tables::deleteTable);
    dynamodb("UpdateTable", tables::updateTable);
    dynamodb("UpdateTimeToLive", tables::updateTimeToLive);
    dynamodb("DescribeTimeToLive", tables::describeTimeToLive);
    dynamodb("PutItem", items::putItem);
    dynamodb("GetItem", items::getItem);
    dynamodb("UpdateItem", items::updateItem);
    dynamodb("DeleteItem", items::deleteItem);
    dynamodb("Query", queries::query);
    dynamodb("Scan", queries::scan);
    dynamodb("BatchGetItem", batches::batchGetItem);
    dynamodb("BatchWriteItem", batches::batchWriteItem);
    dynamodb("TransactWriteItems", transactions::transactWriteItems);
    dynamodb("TransactGetItems", transactions::transactGetItems);
    operations.put(STREAMS + "ListStreams", streams::listStreams);
    operations.put(STREAMS + "DescribeStream", streams::describeStream);
    operations.put(STREAMS + "GetShardIterator", streams::getShardIterator);
    operations.put(STREAMS + "GetRecords", streams::getRecords);
  }

  private void dynamodb(String name, UnaryOperator<ObjectNode> operation) {
    operations.put(DYNAMODB + name, operation);
  }

  public ObjectNode dispatch(String target, ObjectNode body) {
    UnaryOperator<ObjectNode> operation = target == null ? null : operations.get(target);
    if (operation == null) {
      throw new DynamoDbException(DynamoDbException.UNKNOWN_OPERATION, null, 400);
    }
    return operation.apply(body);
  }
}
