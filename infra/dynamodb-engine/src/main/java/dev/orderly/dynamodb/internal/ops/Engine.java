package dev.orderly.dynamodb.internal.ops;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.table.Table;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The engine's state: its tables, the clock it reads, and the write lock. Every mutation of items
 * (single writes, batches, transactions, TTL deletes) runs under the one lock, which makes single
 * writes and transactions atomic and linearizable; reads need no lock.
 */
public final class Engine {
  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Clock clock;
  private final String region;
  private final String accountId;

  public Engine(Clock clock, String region, String accountId) {
    this.clock = clock;
    this.region = region;
    this.accountId = accountId;
  }

  public Clock clock() {
    return clock;
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  public Map<String, Table> tables() {
    return tables;
  }

  public Table table(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw DynamoDbException.tableNotFound();
    }
    return table;
  }

  /** Runs a mutation under the write lock. */
  public <T> T write(Supplier<T> mutation) {
    writeLock.lock();
    try {
      return mutation.get();
    } finally {
      writeLock.unlock();
    }
  }

  /** Looks a table up for a table-level operation, whose error names the table. */
  public Table describedTable(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw DynamoDbException.resourceNotFound(
          "Requested resource not found: Table: " + name + " not found");
    }
    return table;
  }

  public String tableArn(String name) {
    return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name;
  }
}
