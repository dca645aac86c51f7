package dev.orderly.localcloud.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * SQS on loopback: ElasticMQ embedded, answering SDK v2's JSON protocol and the AWS CLI, with the
 * template's queues created through a real {@link SqsClient} so that the queues the functions see
 * are exactly what SQS would hold (redrive, visibility, retention, FIFO are ElasticMQ's own).
 *
 * <p>Queue URLs are {@code http://localhost:<port>/<accountId>/<name>} and ARNs {@code
 * arn:aws:sqs:<region>:<accountId>:<name>}, as ElasticMQ reports them.
 */
public final class LocalSqs implements AutoCloseable {
  private final ActorSystem actors;
  private final ActorRef queueManager;
  private final SQSRestServer server;
  private final int port;
  private final String region;
  private final String accountId;
  private final SqsClient client;

  private LocalSqs(PortReservation reservation, String region, String accountId) {
    this.port = reservation.port();
    this.region = region;
    this.accountId = accountId;
    // The queue manager is made here rather than by the builder, so that this JVM's own parts can
    // reach the queues without HTTP (DirectSqsClient); the endpoint drives the same actors.
    this.actors = ActorSystem.create("elasticmq");
    this.queueManager =
        actors.actorOf(
            Props.create(
                QueueManagerActor.class,
                () ->
                    new QueueManagerActor(
                        new NowProvider(), StrictSQSLimits$.MODULE$, Option.empty())));
    // the reserved port is let go only now, a moment before ElasticMQ binds it
    reservation.close();
    this.server =
        SQSRestServerBuilder.withActorSystem(actors)
            .withQueueManagerActor(queueManager)
            .withPort(port)
            .withInterface("127.0.0.1")
            .withServerAddress(new NodeAddress("http", "localhost", port, ""))
            .withAWSRegion(region)
            .withAWSAccountId(accountId)
            .start();
    server.waitUntilStarted();
    this.client =
        SqsClient.builder()
            .endpointOverride(endpoint())
            .region(Region.of(region))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.builder().build())
            .build();
  }

  /**
   * Starts ElasticMQ on loopback.
   *
   * @param port the port, or 0 for a free one
   */
  public static LocalSqs start(int port, String region, String accountId) {
    return start(reserve(port), region, accountId);
  }

  /** Starts ElasticMQ on a port reserved by {@link #reserve}, releasing the reservation to bind. */
  public static LocalSqs start(PortReservation port, String region, String accountId) {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    try {
      return new LocalSqs(port, region, accountId);
    } finally {
      port.close();
    }
  }

  /**
   * Reserves the port {@link #start(PortReservation, String, String)} will listen on, so a caller
   * knows the endpoint before ElasticMQ is up (it takes most of a second to start): {@code port}
   * itself, or for 0 a free one, held by a listening socket until ElasticMQ binds it so that no
   * other socket can take it meanwhile.
   */
  public static PortReservation reserve(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    if (port != 0) {
      return new PortReservation(port, null);
    }
    try {
      ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      return new PortReservation(held.getLocalPort(), held);
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** A loopback port held for SQS; closing it (idempotent) lets it go. */
  public static final class PortReservation implements AutoCloseable {
    private final int port;
    private final ServerSocket held;

    private PortReservation(int port, ServerSocket held) {
      this.port = port;
      this.held = held;
    }

    public int port() {
      return port;
    }

    @Override
    public void close() {
      if (held == null) {
        return;
      }
      try {
        held.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot release port " + port, e);
      }
    }
  }

  /** The endpoint of SQS on {@code port}, as {@link #endpoint()} will give it. */
  public static URI endpoint(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The endpoint to hand to {@code endpointOverride} or {@code --endpoint-url}. */
  public URI endpoint() {
    return endpoint(port);
  }

  public int port() {
    return port;
  }

  public String region() {
    return region;
  }

  /** A client on this endpoint, owned by this instance (closed with it). */
  public SqsClient client() {
    return client;
  }

  /**
   * A client that reaches the queues without HTTP for sends, receives, deletes and visibility
   * changes, and sends the rest through {@link #client()} ({@link DirectSqsClient}).
   */
  public SqsClient directClient() {
    return new DirectSqsClient(() -> queueManager, client);
  }

  /** ElasticMQ's queue manager actor, for a {@link DirectSqsClient} made before SQS started. */
  public ActorRef queueManager() {
    return queueManager;
  }

  /**
   * Creates the queue (idempotent for equal attributes, as SQS) and returns its URL. A dead-letter
   * queue must be created first: its ARN is looked up.
   */
  public String createQueue(QueueSpec spec) {
    Map<QueueAttributeName, String> attributes = new HashMap<>();
    attributes.put(
        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(spec.visibilityTimeoutSeconds()));
    attributes.put(
        QueueAttributeName.MESSAGE_RETENTION_PERIOD,
        Integer.toString(spec.messageRetentionSeconds()));
    attributes.put(QueueAttributeName.DELAY_SECONDS, Integer.toString(spec.delaySeconds()));
    if (spec.fifo()) {
      attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
    }
    if (spec.deadLetter() != null) {
      attributes.put(
          QueueAttributeName.REDRIVE_POLICY,
          "{\"deadLetterTargetArn\":\""
              + deadLetterArn(spec.deadLetter().queue())
              + "\",\"maxReceiveCount\":"
              + spec.deadLetter().maxReceiveCount()
              + "}");
    }
    return client.createQueue(b -> b.queueName(spec.name()).attributes(attributes)).queueUrl();
  }

  /** The URL of an existing queue; {@link QueueDoesNotExistException} if there is none. */
  public String queueUrl(String name) {
    return client.getQueueUrl(b -> b.queueName(name)).queueUrl();
  }

  /** The ARN SQS gives the queue of that name (whether or not it exists yet). */
  public String queueArn(String name) {
    return "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
  }

  private String deadLetterArn(String queueNameOrArn) {
    String name =
        queueNameOrArn.startsWith("arn:")
            ? queueNameOrArn.substring(queueNameOrArn.lastIndexOf(':') + 1)
            : queueNameOrArn;
    try {
      queueUrl(name);
    } catch (QueueDoesNotExistException e) {
      throw new IllegalStateException(
          "Dead-letter queue " + name + " does not exist: create it before its source queue", e);
    }
    return queueArn(name);
  }

  @Override
  public void close() {
    client.close();
    server.stopAndWait();
    actors.terminate();
    actors.getWhenTerminated().toCompletableFuture().join();
  }
}
