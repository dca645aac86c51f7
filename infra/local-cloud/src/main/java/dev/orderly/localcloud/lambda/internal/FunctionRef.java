package dev.orderly.localcloud.lambda.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invoke's {@code FunctionName} read apart: a name ({@code my-function}), a name with a qualifier
 * ({@code my-function:live}), a partial ARN ({@code 123456789012:function:my-function}) or a full
 * ARN ({@code arn:aws:lambda:us-east-1:123456789012:function:my-function[:live]}). The pattern is
 * the one the Lambda API reference gives. Parts the caller did not give are {@code null}.
 */
public record FunctionRef(String region, String accountId, String name, String qualifier) {
  private static final Pattern PATTERN =
      Pattern.compile(
          "(?:arn:aws[a-zA-Z-]*:lambda:)?"
              + "(?:(?<region>[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d):)?"
              + "(?:(?<account>\\d{12}):)?"
              + "(?:function:)?"
              + "(?<name>[a-zA-Z0-9_-]{1,64})"
              + "(?::(?<qualifier>\\$LATEST|[a-zA-Z0-9_-]{1,128}))?");

  /** The parts of {@code nameOrArn}; empty when Lambda would reject it as a FunctionName. */
  public static Optional<FunctionRef> parse(String nameOrArn) {
    if (nameOrArn == null) {
      return Optional.empty();
    }
    Matcher m = PATTERN.matcher(nameOrArn);
    if (!m.matches()) {
      return Optional.empty();
    }
    boolean arn = nameOrArn.startsWith("arn:");
    if (arn && (m.group("region") == null || m.group("account") == null)) {
      return Optional.empty();
    }
    return Optional.of(
        new FunctionRef(
            m.group("region"), m.group("account"), m.group("name"), m.group("qualifier")));
  }

  /** Whether this names a function of {@code region} and {@code accountId} (given parts only). */
  public boolean in(String region, String accountId) {
    return (this.region == null || this.region.equals(region))
        && (this.accountId == null || this.accountId.equals(accountId));
  }

  /** The full ARN, filling in what the caller left out. */
  public String arn(String defaultRegion, String defaultAccountId) {
    return FunctionRef.arn(
            region == null ? defaultRegion : region,
            accountId == null ? defaultAccountId : accountId,
            name)
        + (qualifier == null ? "" : ":" + qualifier);
  }

  public static String arn(String region, String accountId, String name) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
  }
}
