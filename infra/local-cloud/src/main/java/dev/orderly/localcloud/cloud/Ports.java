package dev.orderly.localcloud.cloud;

/**
 * Where each local service listens. {@link #standard()} are fixed ports a developer can put in
 * {@code AWS_ENDPOINT_URL_*} once (the API on 3000 and Lambda on 3001, as {@code sam local} uses;
 * DynamoDB on 8000 and SQS on 9324, as DynamoDB Local and ElasticMQ do); {@link #ephemeral()} takes
 * any free port for each, for tests and for demos that must not collide with a running {@code up}.
 */
public record Ports(
    int api,
    int lambda,
    int dynamodb,
    int sqs,
    int stepFunctions,
    int eventBridge,
    int ses,
    int ssm) {
  public static Ports standard() {
    return new Ports(3000, 3001, 8000, 9324, 8083, 8084, 8085, 8086);
  }

  public static Ports ephemeral() {
    return new Ports(0, 0, 0, 0, 0, 0, 0, 0);
  }
}
