package dev.orderly.users.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.ErrorCode;
import dev.orderly.lambda.http.FieldViolation;
import dev.orderly.lambda.http.JsonFields;
import dev.orderly.users.domain.Email;
import dev.orderly.users.domain.UserName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the users API's requests: bodies field by field (every violation reported at once, unknown
 * fields refused), the user id of the path and the {@code If-Match} version. The domain's rules
 * ({@link Email}, {@link UserName}) decide validity; this class only names the field.
 */
final class UserRequests {
  /** Text fields are bounded by the 64 KiB body cap; the domain rule states the real limit. */
  private static final int ANY_LENGTH = Integer.MAX_VALUE;

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern STRONG_ETAG = Pattern.compile("\"([1-9][0-9]{0,18})\"");

  private UserRequests() {}

  record NewUser(Email email, UserName name) {}

  record Changes(Optional<Email> email, Optional<UserName> name) {}

  static NewUser newUser(ObjectNode body) {
    JsonFields fields = JsonFields.of(body).allowOnly(Set.of("email", "name"));
    if (!body.hasNonNull("email")) {
      fields.violation("email", "is required");
    }
    if (!body.hasNonNull("name")) {
      fields.violation("name", "is required");
    }
    Optional<Email> email = read(fields, "email", Email::parse);
    Optional<UserName> name = read(fields, "name", UserName::parse);
    fields.throwIfInvalid();
    return new NewUser(email.orElseThrow(), name.orElseThrow());
  }

  static Changes changes(ObjectNode body) {
    JsonFields fields = JsonFields.of(body).allowOnly(Set.of("email", "name"));
    Optional<Email> email = read(fields, "email", Email::parse);
    Optional<UserName> name = read(fields, "name", UserName::parse);
    if (fields.valid() && email.isEmpty() && name.isEmpty()) {
      throw ApiException.invalid(
          List.of(new FieldViolation("email", "or name is required: nothing to change")));
    }
    fields.throwIfInvalid();
    return new Changes(email, name);
  }

  /** The path's user id; one that no user could have is simply not found. */
  static String userId(ApiRequest request) {
    String id = request.pathParameter("id");
    if (!USER_ID.matcher(id).matches()) {
      throw notFound();
    }
    return id;
  }

  static ApiException notFound() {
    return new ApiException(ErrorCode.NOT_FOUND, "There is no user with this id.");
  }

  /**
   * The version named by {@code If-Match}: one strong entity tag as this API issues them ({@code
   * "3"}). Missing, or {@code *} (which would skip the very check If-Match is required for): 428.
   */
  static long expectedVersion(ApiRequest request) {
    String value = request.header("If-Match").map(String::strip).orElse("");
    if (value.isEmpty() || value.equals("*")) {
      throw new ApiException(
          ErrorCode.PRECONDITION_REQUIRED,
          "Send If-Match with the ETag of the user as you last read it.");
    }
    var matcher = STRONG_ETAG.matcher(value);
    if (!matcher.matches()) {
      throw ApiException.invalid(
          List.of(new FieldViolation("If-Match", "must be one ETag as returned, like \"3\"")));
    }
    return Long.parseLong(matcher.group(1));
  }

  private static <T> Optional<T> read(JsonFields fields, String name, Function<String, T> rule) {
    Optional<String> text = fields.optionalText(name, ANY_LENGTH);
    try {
      return text.map(rule);
    } catch (IllegalArgumentException broken) {
      fields.violation(name, broken.getMessage());
      return Optional.empty();
    }
  }
}
