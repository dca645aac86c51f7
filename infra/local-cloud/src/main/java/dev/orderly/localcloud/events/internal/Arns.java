package dev.orderly.localcloud.events.internal;

/** The ARNs EventBridge names its buses and rules by, and the service part of a target ARN. */
public final class Arns {
  private final String region;
  private final String account;

  public Arns(String region, String account) {
    this.region = region;
    this.account = account;
  }

  public String region() {
    return region;
  }

  public String account() {
    return account;
  }

  public String bus(String name) {
    return "arn:aws:events:" + region + ":" + account + ":event-bus/" + name;
  }

  /** Rules on the default bus are {@code rule/NAME}; on a custom bus {@code rule/BUS/NAME}. */
  public String rule(String bus, String name) {
    String path = "default".equals(bus) ? name : bus + "/" + name;
    return "arn:aws:events:" + region + ":" + account + ":rule/" + path;
  }

  /** A bus name from a name or a bus ARN, as EventBusName accepts either. */
  public static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isEmpty()) {
      return "default";
    }
    int slash = nameOrArn.indexOf(":event-bus/");
    return nameOrArn.startsWith("arn:") && slash >= 0
        ? nameOrArn.substring(slash + ":event-bus/".length())
        : nameOrArn;
  }

  /** The service of an ARN ({@code arn:PARTITION:SERVICE:...}), or null when it is not an ARN. */
  public static String service(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") ? parts[2] : null;
  }
}
