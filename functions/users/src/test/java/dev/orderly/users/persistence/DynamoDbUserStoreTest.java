package dev.orderly.users.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.users.LocalUsers;
import dev.orderly.users.domain.Email;
import dev.orderly.users.domain.Registration;
import dev.orderly.users.domain.Update;
import dev.orderly.users.domain.User;
import dev.orderly.users.domain.UserEvent;
import dev.orderly.users.domain.UserName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The users table through the SDK against the in-process engine: items, claims, outbox. */
class DynamoDbUserStoreTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalUsers local;
  private DynamoDbUserStore store;

  @BeforeEach
  void setUp() {
    local = new LocalUsers(ENGINE.engine());
    store = new DynamoDbUserStore(local.dynamo, local.usersTable);
  }

  private static User user(String tenant, String id, String email) {
    return User.registered(tenant, id, Email.parse(email), UserName.parse("Name " + id), NOW);
  }

  private Registration create(User user) {
    return store.create(
        user, new UserEvent(UserEvent.REGISTERED, "ev-" + user.userId(), "c", NOW, user));
  }

  private Update update(User current, User next, String eventId) {
    return store.update(current, next, new UserEvent(UserEvent.UPDATED, eventId, "c", LATER, next));
  }

  private JsonNode detail(String aggregatePk, long sequence) throws Exception {
    Map<String, AttributeValue> item =
        local
            .dynamo
            .getItem(
                b ->
                    b.tableName(local.usersTable)
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("OUTBOX#" + aggregatePk),
                                "sk", AttributeValue.fromS(String.format("%020d", sequence)))))
            .item();
    assertThat(item).as("outbox entry %s/%d", aggregatePk, sequence).isNotEmpty();
    return JSON.readTree(item.get("detail").s());
  }

  @Test
  void create_writesUserClaimAndRegisteredEventTogether() throws Exception {
    User alice = user("acme", "u1", "Alice@Example.com");

    assertThat(create(alice)).isEqualTo(new Registration.Registered(alice));

    assertThat(store.find("acme", "u1")).contains(alice);
    assertThat(local.items("T#acme#EMAIL#"))
        .singleElement()
        .satisfies(
            claim -> {
              assertThat(claim.get("pk").s()).isEqualTo("T#acme#EMAIL#alice@example.com");
              assertThat(claim.get("sk").s()).isEqualTo("EMAIL");
              assertThat(claim.get("userId").s()).isEqualTo("u1");
            });
    assertThat(local.items("T#acme#USER#u1"))
        .singleElement()
        .satisfies(item -> assertThat(item.get("sk").s()).isEqualTo("USER"));
    JsonNode detail = detail("T#acme#USER#u1", 1);
    assertThat(detail.path("metadata").path("eventId").asText()).isEqualTo("ev-u1");
    assertThat(detail.path("metadata").path("tenantId").asText()).isEqualTo("acme");
    assertThat(detail.path("data").toString())
        .isEqualTo(
            "{\"userId\":\"u1\",\"email\":\"Alice@example.com\",\"name\":\"Name u1\",\"version\":1}");
    assertThat(local.items("OUTBOX#").get(0).get("detailType").s()).isEqualTo("UserRegistered");
  }

  @Test
  void create_withAnEmailTakenInAnotherCase_writesNothing() {
    create(user("acme", "u1", "alice@example.com"));

    Registration second = create(user("acme", "u2", "ALICE@example.COM"));

    assertThat(second).isEqualTo(new Registration.EmailTaken(Email.parse("ALICE@example.com")));
    assertThat(store.find("acme", "u2")).isEmpty();
    assertThat(local.items("OUTBOX#")).hasSize(1);
  }

  @Test
  void emails_areUniquePerTenantOnly() {
    assertThat(create(user("acme", "u1", "alice@example.com")))
        .isInstanceOf(Registration.Registered.class);
    assertThat(create(user("globex", "u1", "alice@example.com")))
        .isInstanceOf(Registration.Registered.class);

    assertThat(store.find("acme", "u1")).map(User::tenant).contains("acme");
    assertThat(store.find("globex", "u1")).map(User::tenant).contains("globex");
  }

  @Test
  void find_doesNotSeeAnotherTenantsUser() {
    create(user("acme", "u1", "alice@example.com"));

    assertThat(store.find("globex", "u1")).isEmpty();
    assertThat(store.find("acme", "u2")).isEmpty();
  }

  @Test
  void update_movesTheClaimAndRecordsTheEventAtTheNewVersion() throws Exception {
    User alice = user("acme", "u1", "alice@example.com");
    create(alice);
    User moved =
        alice.changed(Optional.of(Email.parse("alice@new.example")), Optional.empty(), LATER);

    assertThat(update(alice, moved, "ev-2")).isEqualTo(new Update.Updated(moved));

    assertThat(store.find("acme", "u1")).contains(moved);
    assertThat(local.items("T#acme#EMAIL#"))
        .extracting(item -> item.get("pk").s())
        .containsExactly("T#acme#EMAIL#alice@new.example");
    assertThat(detail("T#acme#USER#u1", 2).path("data").path("email").asText())
        .isEqualTo("alice@new.example");
    assertThat(create(user("acme", "u2", "alice@example.com")))
        .as("the old address is free again")
        .isInstanceOf(Registration.Registered.class);
  }

  @Test
  void update_toATakenEmail_changesNothing() {
    User alice = user("acme", "u1", "alice@example.com");
    create(alice);
    create(user("acme", "u2", "bob@example.com"));
    User clash =
        alice.changed(Optional.of(Email.parse("Bob@Example.com")), Optional.empty(), LATER);

    assertThat(update(alice, clash, "ev-3"))
        .isEqualTo(new Update.EmailTaken(Email.parse("Bob@example.com")));

    assertThat(store.find("acme", "u1")).contains(alice);
    assertThat(local.items("T#acme#EMAIL#")).hasSize(2);
    assertThat(local.items("OUTBOX#T#acme#USER#u1")).hasSize(1);
  }

  @Test
  void update_ofACaseOnlyEmailChange_keepsTheClaim() {
    User alice = user("acme", "u1", "alice@example.com");
    create(alice);
    User recased =
        alice.changed(Optional.of(Email.parse("Alice@example.com")), Optional.empty(), LATER);

    assertThat(update(alice, recased, "ev-4")).isEqualTo(new Update.Updated(recased));

    assertThat(local.items("T#acme#EMAIL#"))
        .extracting(item -> item.get("userId").s())
        .containsExactly("u1");
  }

  @Test
  void update_fromAStaleVersion_answersTheStoredVersionFromTheCancellation() {
    User alice = user("acme", "u1", "alice@example.com");
    create(alice);
    User renamed = alice.changed(Optional.empty(), Optional.of(UserName.parse("A")), LATER);
    update(alice, renamed, "ev-5");
    User lostUpdate = alice.changed(Optional.empty(), Optional.of(UserName.parse("B")), LATER);

    assertThat(update(alice, lostUpdate, "ev-6")).isEqualTo(new Update.VersionMismatch(2));

    assertThat(store.find("acme", "u1")).contains(renamed);
    assertThat(local.items("OUTBOX#T#acme#USER#u1")).hasSize(2);
  }

  @Test
  void update_ofAUserThatDoesNotExist_isNotFound() {
    User ghost = user("acme", "ghost", "ghost@example.com");
    User next = ghost.changed(Optional.empty(), Optional.of(UserName.parse("G")), LATER);

    assertThat(update(ghost, next, "ev-7")).isEqualTo(new Update.NotFound());
    assertThat(local.items("")).isEmpty();
  }

  @Test
  void cancellations_nameTheItemWhoseConditionFailed() {
    Cancellations reasons =
        Cancellations.of(
            List.of(
                software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder()
                    .code("None")
                    .build(),
                software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder()
                    .code("ConditionalCheckFailed")
                    .item(Map.of("version", AttributeValue.fromN("4")))
                    .build()));

    assertThat(reasons.conditionFailed(0)).isFalse();
    assertThat(reasons.conditionFailed(1)).isTrue();
    assertThat(reasons.conditionFailed(2)).isFalse();
    assertThat(reasons.oldItem(0)).isEmpty();
    assertThat(reasons.oldItem(1)).contains(Map.of("version", AttributeValue.fromN("4")));
    assertThat(reasons).hasToString("[None, ConditionalCheckFailed]");
  }
}
