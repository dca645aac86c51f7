package dev.orderly.users.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserServiceTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private InMemoryUserStore store;
  private UserService users;

  @BeforeEach
  void setUp() {
    store = new InMemoryUserStore();
    AtomicInteger ids = new AtomicInteger();
    users =
        new UserService(
            store, Clock.fixed(NOW, ZoneOffset.UTC), () -> "id-" + ids.incrementAndGet());
  }

  private User registerAlice() {
    Registration outcome =
        users.register(
            new RegisterUser(
                "acme", Email.parse("Alice@Example.com"), UserName.parse("Alice"), "corr-1"));
    return ((Registration.Registered) outcome).user();
  }

  private UpdateUser rename(long expectedVersion, String name) {
    return new UpdateUser(
        "acme",
        "id-1",
        expectedVersion,
        Optional.empty(),
        Optional.of(UserName.parse(name)),
        "corr-2");
  }

  @Test
  void register_createsVersionOneWithARegisteredEvent() {
    User alice = registerAlice();

    assertThat(alice)
        .isEqualTo(
            new User(
                "acme",
                "id-1",
                Email.parse("Alice@example.com"),
                UserName.parse("Alice"),
                1,
                NOW,
                NOW));
    assertThat(store.events)
        .containsExactly(new UserEvent(UserEvent.REGISTERED, "id-2", "corr-1", NOW, alice));
  }

  @Test
  void update_appliesTheChangeOneVersionLater() {
    registerAlice();

    Update outcome = users.update(rename(1, "Alice Jones"));

    User updated = ((Update.Updated) outcome).user();
    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.name()).isEqualTo(UserName.parse("Alice Jones"));
    assertThat(updated.email()).isEqualTo(Email.parse("Alice@example.com"));
    assertThat(store.events)
        .last()
        .isEqualTo(new UserEvent(UserEvent.UPDATED, "id-3", "corr-2", NOW, updated));
  }

  @Test
  void update_ofAStaleVersion_answersTheCurrentOneWithoutWriting() {
    registerAlice();
    users.update(rename(1, "Alice Jones"));
    int writes = store.writes;

    Update outcome = users.update(rename(1, "Alice Brown"));

    assertThat(outcome).isEqualTo(new Update.VersionMismatch(2));
    assertThat(store.writes).isEqualTo(writes);
  }

  @Test
  void update_ofAnUnknownUser_isNotFound() {
    assertThat(users.update(rename(1, "Nobody"))).isEqualTo(new Update.NotFound());
    assertThat(store.writes).isZero();
  }

  @Test
  void update_thatChangesNothing_writesAndPublishesNothing() {
    User alice = registerAlice();

    Update outcome = users.update(rename(1, "Alice"));

    assertThat(outcome).isEqualTo(new Update.Updated(alice));
    assertThat(store.writes).isEqualTo(1);
    assertThat(store.events).hasSize(1);
  }

  @Test
  void update_toAnEmailAnotherUserHolds_isEmailTaken() {
    registerAlice();
    users.register(
        new RegisterUser("acme", Email.parse("bob@example.com"), UserName.parse("Bob"), "corr-3"));

    Update outcome =
        users.update(
            new UpdateUser(
                "acme",
                "id-1",
                1,
                Optional.of(Email.parse("BOB@example.com")),
                Optional.empty(),
                "corr-4"));

    assertThat(outcome).isEqualTo(new Update.EmailTaken(Email.parse("BOB@example.com")));
  }

  @Test
  void updateUser_needsSomethingToChangeAndAVersion() {
    assertThatThrownBy(
            () -> new UpdateUser("acme", "id-1", 1, Optional.empty(), Optional.empty(), "c"))
        .hasMessage("an update must change the email, the name or both");
    assertThatThrownBy(
            () ->
                new UpdateUser(
                    "acme", "id-1", 0, Optional.empty(), Optional.of(UserName.parse("A")), "c"))
        .hasMessage("expectedVersion must be at least 1: 0");
  }

  @Test
  void user_refusesVersionZeroAndBlankIds() {
    Email email = Email.parse("a@b.co");
    UserName name = UserName.parse("A");
    assertThatThrownBy(() -> new User("acme", "id", email, name, 0, NOW, NOW))
        .hasMessage("version must be at least 1: 0");
    assertThatThrownBy(() -> new User("acme", " ", email, name, 1, NOW, NOW))
        .hasMessage("userId must not be blank");
    assertThatThrownBy(() -> new User("", "id", email, name, 1, NOW, NOW))
        .hasMessage("tenant must not be blank");
  }

  @Test
  void userEvent_acceptsOnlyTheTwoUserEventTypes() {
    User alice = registerAlice();
    assertThatThrownBy(() -> new UserEvent("UserDeleted", "e", "c", NOW, alice))
        .hasMessage("not a user event type: UserDeleted");
  }
}
