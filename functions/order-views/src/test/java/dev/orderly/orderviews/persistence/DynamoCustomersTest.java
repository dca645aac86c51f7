package dev.orderly.orderviews.persistence;

import static dev.orderly.orderviews.OrderEvents.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.orderviews.LocalViews;
import dev.orderly.orderviews.domain.Projected;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Customer names through the SDK against the engine: newest version wins, per tenant. */
class DynamoCustomersTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final LocalViews.Calls CALLS = new LocalViews.Calls();
  private static DynamoDbClient dynamo;

  private DynamoCustomers customers;

  @BeforeAll
  static void connect() {
    dynamo = LocalViews.client(ENGINE.engine().endpoint(), CALLS);
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @BeforeEach
  void setUp() {
    customers = new DynamoCustomers(dynamo, LocalViews.createTable(dynamo));
  }

  @Test
  void newerVersion_replacesTheName_olderAndDuplicateDoNot() {
    assertThat(customers.apply(customer("t1", "u1", "Ada", 1))).isEqualTo(Projected.APPLIED);
    assertThat(customers.apply(customer("t1", "u1", "Ada L.", 2))).isEqualTo(Projected.APPLIED);

    assertThat(customers.apply(customer("t1", "u1", "Ada", 1))).isEqualTo(Projected.UNCHANGED);
    assertThat(customers.apply(customer("t1", "u1", "Ada L.", 2))).isEqualTo(Projected.UNCHANGED);

    assertThat(customers.name("t1", "u1")).contains("Ada L.");
  }

  @Test
  void updateArrivingBeforeRegistration_keepsTheUpdatedName() {
    customers.apply(customer("t1", "u1", "Ada L.", 2));
    customers.apply(customer("t1", "u1", "Ada", 1));

    assertThat(customers.name("t1", "u1")).contains("Ada L.");
  }

  @Test
  void names_areTenantScoped_andUnknownCustomersAreAbsent() {
    customers.apply(customer("t1", "u1", "Ada", 1));
    customers.apply(customer("t2", "u2", "Grace", 1));

    assertThat(customers.names("t1", Set.of("u1", "u2", "nobody"))).isEqualTo(Map.of("u1", "Ada"));
    assertThat(customers.name("t2", "u1")).isEmpty();
  }

  @Test
  void names_ofMoreThanOneBatchGetItem_areAllFound() {
    Set<String> ids = IntStream.range(0, 130).mapToObj(i -> "u" + i).collect(Collectors.toSet());
    ids.forEach(id -> customers.apply(customer("t1", id, "name of " + id, 1)));
    CALLS.drain();

    Map<String, String> names = customers.names("t1", ids);

    assertThat(names).hasSize(130).containsEntry("u129", "name of u129");
    assertThat(CALLS.drain()).containsExactly("BatchGetItem", "BatchGetItem");
  }
}
