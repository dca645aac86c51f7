package dev.orderly.dynamodb;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine standalone: {@code java -jar dynamodb-engine.jar --port 8000}. Options: {@code
 * --port N} (default 8000, 0 for a free one), {@code --region R}, {@code --ttl-sweep-seconds S}
 * (default 1; 0 disables). Stops on Ctrl-C.
 */
public final class DynamoDbEngineMain {
  private DynamoDbEngineMain() {}

  public static void main(String[] args) throws InterruptedException {
    DynamoDbEngine.Builder builder = DynamoDbEngine.builder().port(8000);
    long sweepSeconds = 1;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        System.out.println(
            "usage: dynamodb-engine [--port N] [--region R] [--ttl-sweep-seconds S]");
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--port":
          builder.port(Integer.parseInt(value));
          break;
        case "--region":
          builder.region(value);
          break;
        case "--ttl-sweep-seconds":
          sweepSeconds = Long.parseLong(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    builder.ttlSweepInterval(sweepSeconds > 0 ? Duration.ofSeconds(sweepSeconds) : null);
    DynamoDbEngine engine = builder.build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                }));
    System.out.println("DynamoDB engine listening at " + engine.endpoint());
    stopped.await();
  }
}
