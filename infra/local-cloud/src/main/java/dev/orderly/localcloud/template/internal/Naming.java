package dev.orderly.localcloud.template.internal;

import dev.orderly.localcloud.template.LocalSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Pseudo parameters, ARNs and the names CloudFormation generates for resources that name none
 * ({@code <stack>-<LogicalId>-<SUFFIX>}), with a suffix derived from stack and logical id so that
 * every run gives the same names.
 */
final class Naming {
  private final LocalSettings settings;

  Naming(LocalSettings settings) {
    this.settings = settings;
  }

  LocalSettings settings() {
    return settings;
  }

  String partition() {
    if (settings.region().startsWith("cn-")) {
      return "aws-cn";
    }
    return settings.region().startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  String urlSuffix() {
    return settings.region().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  }

  String stackId() {
    return "arn:"
        + partition()
        + ":cloudformation:"
        + settings.region()
        + ":"
        + settings.accountId()
        + ":stack/"
        + settings.stackName()
        + "/"
        + uuid("stack");
  }

  /** arn:partition:service:region:account:resource. */
  String arn(String service, String resource) {
    return "arn:"
        + partition()
        + ":"
        + service
        + ":"
        + settings.region()
        + ":"
        + settings.accountId()
        + ":"
        + resource;
  }

  /** {@code <stack>-<LogicalId>-<SUFFIX>}, the logical id shortened to fit maxLength. */
  String generated(String logicalId, int maxLength, String ending) {
    String suffix = hash(logicalId).substring(0, 12).toUpperCase(Locale.ROOT);
    String stack = settings.stackName();
    int room = maxLength - stack.length() - suffix.length() - 2 - ending.length();
    String id = logicalId.length() > room ? logicalId.substring(0, Math.max(room, 1)) : logicalId;
    return stack + "-" + id + "-" + suffix + ending;
  }

  /** A state machine's generated name: {@code <LogicalId>-<SUFFIX>}, as CloudFormation does. */
  String generatedWithoutStack(String logicalId) {
    return logicalId + "-" + hash(logicalId).substring(0, 12).toUpperCase(Locale.ROOT);
  }

  /** An HTTP API's id: ten lowercase letters and digits. */
  String apiId(String logicalId) {
    return hash(logicalId).substring(0, 10);
  }

  String uuid(String logicalId) {
    return UUID.nameUUIDFromBytes(
            (settings.stackName() + "/" + logicalId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private String hash(String logicalId) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] bytes =
          digest.digest((settings.stackName() + "/" + logicalId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
