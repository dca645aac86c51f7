package dev.orderly.users.persistence;

import dev.orderly.users.domain.Email;
import dev.orderly.users.domain.User;
import dev.orderly.users.domain.UserName;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The users table's items, mapped by hand: the user ({@code T#<t>#USER#<id>} / {@code USER}) and
 * the tenant's unique-email claim ({@code T#<t>#EMAIL#<lower-cased email>} / {@code EMAIL}), which
 * names the user that holds the address.
 */
final class UserItems {
  static final String USER_SK = "USER";
  static final String EMAIL_SK = "EMAIL";

  private UserItems() {}

  static String userPk(String tenant, String userId) {
    return "T#" + tenant + "#USER#" + userId;
  }

  static String emailPk(String tenant, Email email) {
    return "T#" + tenant + "#EMAIL#" + email.claimKey();
  }

  static Map<String, AttributeValue> userKey(String tenant, String userId) {
    return Map.of("pk", s(userPk(tenant, userId)), "sk", s(USER_SK));
  }

  static Map<String, AttributeValue> emailKey(String tenant, Email email) {
    return Map.of("pk", s(emailPk(tenant, email)), "sk", s(EMAIL_SK));
  }

  static Map<String, AttributeValue> user(User user) {
    Map<String, AttributeValue> item = new HashMap<>(userKey(user.tenant(), user.userId()));
    item.put("type", s("USER"));
    item.put("tenant", s(user.tenant()));
    item.put("userId", s(user.userId()));
    item.put("email", s(user.email().address()));
    item.put("name", s(user.name().value()));
    item.put("version", n(user.version()));
    item.put("createdAt", s(user.createdAt().toString()));
    item.put("updatedAt", s(user.updatedAt().toString()));
    return item;
  }

  static User user(Map<String, AttributeValue> item) {
    return new User(
        item.get("tenant").s(),
        item.get("userId").s(),
        new Email(item.get("email").s()),
        new UserName(item.get("name").s()),
        version(item),
        Instant.parse(item.get("createdAt").s()),
        Instant.parse(item.get("updatedAt").s()));
  }

  static long version(Map<String, AttributeValue> item) {
    return Long.parseLong(item.get("version").n());
  }

  static Map<String, AttributeValue> emailClaim(User user, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(emailKey(user.tenant(), user.email()));
    item.put("type", s("EMAIL_CLAIM"));
    item.put("userId", s(user.userId()));
    item.put("claimedAt", s(now.toString()));
    return item;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
