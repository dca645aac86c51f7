package dev.orderly.localcloud.sqs;

import java.util.Objects;

/**
 * A queue as {@code AWS::SQS::Queue} declares it: the attributes the template sets, with SQS's
 * defaults for the rest (visibility 30 s, retention 4 days, no delay, standard queue, no DLQ).
 *
 * @param deadLetter the redrive policy, or null for none
 */
public record QueueSpec(
    String name,
    int visibilityTimeoutSeconds,
    int messageRetentionSeconds,
    int delaySeconds,
    boolean fifo,
    DeadLetter deadLetter) {

  public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
  public static final int DEFAULT_RETENTION = 345_600;

  public QueueSpec {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_-]{1,75}(\\.fifo)?")) {
      throw new IllegalArgumentException(
          "Queue name must be 1-80 characters of letters, digits, '-' and '_': " + name);
    }
    if (fifo != name.endsWith(".fifo")) {
      throw new IllegalArgumentException(
          "A FIFO queue's name must end in .fifo, and only a FIFO queue's: " + name);
    }
    range("visibilityTimeoutSeconds", visibilityTimeoutSeconds, 0, 43_200);
    range("messageRetentionSeconds", messageRetentionSeconds, 60, 1_209_600);
    range("delaySeconds", delaySeconds, 0, 900);
  }

  /** A standard queue with SQS's default attributes. */
  public static QueueSpec standard(String name) {
    return new QueueSpec(name, DEFAULT_VISIBILITY_TIMEOUT, DEFAULT_RETENTION, 0, false, null);
  }

  public QueueSpec withVisibilityTimeout(int seconds) {
    return new QueueSpec(name, seconds, messageRetentionSeconds, delaySeconds, fifo, deadLetter);
  }

  public QueueSpec withMessageRetention(int seconds) {
    return new QueueSpec(name, visibilityTimeoutSeconds, seconds, delaySeconds, fifo, deadLetter);
  }

  public QueueSpec withDeadLetter(String queueNameOrArn, int maxReceiveCount) {
    return new QueueSpec(
        name,
        visibilityTimeoutSeconds,
        messageRetentionSeconds,
        delaySeconds,
        fifo,
        new DeadLetter(queueNameOrArn, maxReceiveCount));
  }

  private static void range(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + value);
    }
  }

  /**
   * A {@code RedrivePolicy}: after {@code maxReceiveCount} receives without a delete, SQS moves the
   * message to {@code queue} (a queue name or ARN; the queue must exist already).
   */
  public record DeadLetter(String queue, int maxReceiveCount) {
    public DeadLetter {
      Objects.requireNonNull(queue, "queue");
      range("maxReceiveCount", maxReceiveCount, 1, 1000);
    }
  }
}
