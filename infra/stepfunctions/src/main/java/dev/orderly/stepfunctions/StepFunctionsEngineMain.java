package dev.orderly.stepfunctions;

import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Step Functions standalone: {@code java -jar stepfunctions.jar --port 8083}. Options: {@code
 * --port N} (default 8083, 0 for a free one), {@code --region R}, {@code --account A}, and the
 * endpoints of the optimised integrations: {@code --dynamodb-endpoint URL}, {@code --sqs-endpoint
 * URL}, {@code --events-endpoint URL}. No Lambda function is registered standalone: a Lambda task
 * fails with {@code Lambda.ResourceNotFoundException}, as Lambda answers for a missing function.
 * Stops on Ctrl-C.
 */
public final class StepFunctionsEngineMain {
  private static final String USAGE =
      "usage: stepfunctions [--port N] [--region R] [--account A] [--dynamodb-endpoint URL]"
          + " [--sqs-endpoint URL] [--events-endpoint URL]";

  private StepFunctionsEngineMain() {}

  public static void main(String[] args) throws InterruptedException {
    StepFunctionsEngine.Builder builder = StepFunctionsEngine.builder().port(8083);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        System.out.println(USAGE);
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option + "\n" + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--port":
          builder.port(Integer.parseInt(value));
          break;
        case "--region":
          builder.region(value);
          break;
        case "--account":
          builder.accountId(value);
          break;
        case "--dynamodb-endpoint":
          builder.dynamoDbEndpoint(URI.create(value));
          break;
        case "--sqs-endpoint":
          builder.sqsEndpoint(URI.create(value));
          break;
        case "--events-endpoint":
          builder.eventBridgeEndpoint(URI.create(value));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
      }
    }
    StepFunctionsEngine engine = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                }));
    System.out.println("Step Functions listening at " + engine.endpoint());
    stopped.await();
  }
}
