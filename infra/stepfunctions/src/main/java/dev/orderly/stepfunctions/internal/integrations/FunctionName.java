package dev.orderly.stepfunctions.internal.integrations;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda {@code FunctionName} read apart: a name, a partial ARN or a full ARN, each with an
 * optional version or alias. The pattern is the one the Lambda API reference gives for Invoke's
 * FunctionName (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). Parts the caller
 * did not give are {@code null}.
 */
public record FunctionName(
    String partition, String region, String accountId, String name, String qualifier) {
  private static final Pattern PATTERN =
      Pattern.compile(
          "(?:arn:(?<partition>aws[a-zA-Z-]*):lambda:)?"
              + "(?:(?<region>[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d):)?"
              + "(?:(?<account>\\d{12}):)?"
              + "(?:function:)?"
              + "(?<name>[a-zA-Z0-9_.-]+)"
              + "(?::(?<qualifier>\\$LATEST|[a-zA-Z0-9_-]+))?");
  private static final int MAX_NAME_LENGTH = 64;

  /** The parts of {@code nameOrArn}; empty when Lambda would reject it as a FunctionName. */
  public static Optional<FunctionName> parse(String nameOrArn) {
    if (nameOrArn == null) {
      return Optional.empty();
    }
    Matcher matcher = PATTERN.matcher(nameOrArn);
    if (!matcher.matches() || matcher.group("name").length() > MAX_NAME_LENGTH) {
      return Optional.empty();
    }
    boolean arn = nameOrArn.startsWith("arn:");
    if (arn && (matcher.group("region") == null || matcher.group("account") == null)) {
      return Optional.empty();
    }
    return Optional.of(
        new FunctionName(
            matcher.group("partition"),
            matcher.group("region"),
            matcher.group("account"),
            matcher.group("name"),
            matcher.group("qualifier")));
  }

  /** The name to register a function under: a name or ARN without a version or alias. */
  public static String registrable(String nameOrArn) {
    FunctionName parsed =
        parse(nameOrArn)
            .orElseThrow(
                () -> new IllegalArgumentException("Not a Lambda function name: " + nameOrArn));
    if (parsed.qualifier() != null) {
      throw new IllegalArgumentException(
          "Register "
              + parsed.name()
              + " without a version or alias: every qualifier invokes the same function");
    }
    return parsed.name();
  }

  /** The full ARN, filling in what the caller left out. */
  public String arn(String defaultRegion, String defaultAccountId) {
    return "arn:"
        + (partition == null ? "aws" : partition)
        + ":lambda:"
        + (region == null ? defaultRegion : region)
        + ":"
        + (accountId == null ? defaultAccountId : accountId)
        + ":function:"
        + name
        + (qualifier == null ? "" : ":" + qualifier);
  }

  /**
   * The version Lambda reports as executed: a numbered version when one was named, otherwise {@code
   * $LATEST} (an in-process function has no published versions for an alias to point at).
   */
  public String executedVersion() {
    return qualifier != null && qualifier.chars().allMatch(Character::isDigit)
        ? qualifier
        : "$LATEST";
  }
}
