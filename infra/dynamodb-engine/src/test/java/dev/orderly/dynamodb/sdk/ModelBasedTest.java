package dev.orderly.dynamodb.sdk;

import static dev.orderly.dynamodb.sdk.Tables.key;
import static dev.orderly.dynamodb.sdk.Tables.n;
import static dev.orderly.dynamodb.sdk.Tables.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngine;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Random sequences of conditional puts, updates, deletes and two-item transactions from a seeded
 * generator, run against the engine through the SDK and against a plain in-memory model; after
 * every step the touched items must agree, and at the end the whole table must. A failing seed
 * reproduces exactly.
 */
class ModelBasedTest {
  private static final int STEPS = 250;
  private static final String[] KEYS = {"k0", "k1", "k2", "k3"};
  private static DynamoDbEngine engine;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    engine = DynamoDbEngine.start();
    dynamo = Clients.dynamo(engine.endpoint());
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    engine.close();
  }

  static LongStream seeds() {
    return LongStream.range(1, 21);
  }

  /** A condition form the model can evaluate: its expression, values and meaning. */
  private record Condition(String expression, Map<String, AttributeValue> values, Check check) {
    interface Check {
      boolean holds(Map<String, Long> item);
    }

    static Condition random(Random random) {
      long v = random.nextInt(4);
      switch (random.nextInt(5)) {
        case 0:
          return new Condition(null, Map.of(), item -> true);
        case 1:
          return new Condition("attribute_not_exists(pk)", Map.of(), item -> item == null);
        case 2:
          return new Condition("attribute_exists(pk)", Map.of(), item -> item != null);
        case 3:
          return new Condition(
              "version = :cv",
              Map.of(":cv", n(v)),
              item -> item != null && Long.valueOf(v).equals(item.get("version")));
        default:
          return new Condition(
              "hits < :cc",
              Map.of(":cc", n(v * 3)),
              item -> item != null && item.get("hits") != null && item.get("hits") < v * 3);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomConditionalWrites_agreeWithTheModel(long seed) {
    String table = "model_" + seed;
    Tables.create(dynamo, table);
    Map<String, Map<String, Long>> model = new HashMap<>();
    Random random = new Random(seed);
    for (int step = 0; step < STEPS; step++) {
      String pk = KEYS[random.nextInt(KEYS.length)];
      Condition condition = Condition.random(random);
      Map<String, Long> current = model.get(pk);
      boolean holds = condition.check().holds(current);
      int kind = random.nextInt(4);
      boolean succeeded;
      String context =
          "seed " + seed + " step " + step + " kind " + kind + " " + condition.expression();
      if (kind == 3) {
        String other = KEYS[(java.util.Arrays.asList(KEYS).indexOf(pk) + 1) % KEYS.length];
        Condition otherCondition = Condition.random(random);
        boolean otherHolds = otherCondition.check().holds(model.get(other));
        succeeded = transact(table, pk, condition, other, otherCondition);
        assertThat(succeeded).as(context).isEqualTo(holds && otherHolds);
        if (succeeded) {
          increment(model, pk);
          increment(model, other);
        }
        assertAgrees(table, model, other, context);
      } else {
        int version = random.nextInt(4);
        succeeded = write(table, kind, pk, condition, version);
        assertThat(succeeded).as(context).isEqualTo(holds);
        if (succeeded) {
          applyToModel(model, kind, pk, version);
        }
      }
      assertAgrees(table, model, pk, context);
    }
    Map<String, Map<String, Long>> scanned = new TreeMap<>();
    dynamo
        .scanPaginator(b -> b.tableName(table).limit(2))
        .items()
        .forEach(item -> scanned.put(item.get("pk").s(), asModel(item)));
    assertThat(scanned).isEqualTo(new TreeMap<>(model));
  }

  private static boolean write(
      String table, int kind, String pk, Condition condition, int version) {
    Map<String, AttributeValue> values = new LinkedHashMap<>(condition.values());
    try {
      switch (kind) {
        case 0:
          dynamo.putItem(
              b ->
                  b.tableName(table)
                      .item(Map.of("pk", s(pk), "version", n(version), "hits", n(0)))
                      .conditionExpression(condition.expression())
                      .expressionAttributeValues(values.isEmpty() ? null : values));
          break;
        case 1:
          values.put(":nv", n(version));
          values.put(":one", n(1));
          dynamo.updateItem(
              b ->
                  b.tableName(table)
                      .key(key(pk))
                      .updateExpression("SET version = :nv ADD hits :one")
                      .conditionExpression(condition.expression())
                      .expressionAttributeValues(values));
          break;
        default:
          dynamo.deleteItem(
              b ->
                  b.tableName(table)
                      .key(key(pk))
                      .conditionExpression(condition.expression())
                      .expressionAttributeValues(values.isEmpty() ? null : values));
      }
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static void applyToModel(
      Map<String, Map<String, Long>> model, int kind, String pk, long version) {
    switch (kind) {
      case 0:
        model.put(pk, new HashMap<>(Map.of("version", version, "hits", 0L)));
        break;
      case 1:
        {
          Map<String, Long> item = model.computeIfAbsent(pk, k -> new HashMap<>());
          item.put("version", version);
          item.merge("hits", 1L, Long::sum);
          break;
        }
      default:
        model.remove(pk);
    }
  }

  private static void increment(Map<String, Map<String, Long>> model, String pk) {
    model.computeIfAbsent(pk, k -> new HashMap<>()).merge("hits", 1L, Long::sum);
  }

  private static boolean transact(
      String table,
      String first,
      Condition firstCondition,
      String second,
      Condition secondCondition) {
    try {
      dynamo.transactWriteItems(
          b ->
              b.transactItems(
                  incrementItem(table, first, firstCondition),
                  incrementItem(table, second, secondCondition)));
      return true;
    } catch (TransactionCanceledException e) {
      return false;
    }
  }

  private static TransactWriteItem incrementItem(String table, String pk, Condition condition) {
    Map<String, AttributeValue> values = new LinkedHashMap<>(condition.values());
    values.put(":one", n(1));
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(key(pk))
                    .updateExpression("ADD hits :one")
                    .conditionExpression(condition.expression())
                    .expressionAttributeValues(values))
        .build();
  }

  private static void assertAgrees(
      String table, Map<String, Map<String, Long>> model, String pk, String context) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
    Map<String, Long> actual = item == null || item.isEmpty() ? null : asModel(item);
    assertThat(actual).as(context + " item " + pk).isEqualTo(model.get(pk));
  }

  private static Map<String, Long> asModel(Map<String, AttributeValue> item) {
    Map<String, Long> values = new HashMap<>();
    item.forEach(
        (name, value) -> {
          if (!name.equals("pk")) {
            values.put(name, Long.parseLong(value.n()));
          }
        });
    return values;
  }
}
