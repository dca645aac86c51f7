package dev.orderly.dynamodb;

import dev.orderly.dynamodb.internal.http.Dispatcher;
import dev.orderly.dynamodb.internal.http.DynamoDbHttpServer;
import dev.orderly.dynamodb.internal.ops.Engine;
import dev.orderly.dynamodb.internal.ops.TtlSweeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A DynamoDB-compatible server inside the JVM, speaking the DynamoDB JSON protocol on loopback so
 * that the unchanged AWS SDK and CLI work against it through an endpoint override. Amazon's
 * DynamoDB Local cannot ship with Orderly (its licence), and the open alternatives lack the
 * transactions, streams and TTL that Orderly's idempotency and outbox depend on.
 *
 * <pre>{@code
 * try (DynamoDbEngine engine = DynamoDbEngine.builder().build()) {
 *   DynamoDbClient client = DynamoDbClient.builder().endpointOverride(engine.endpoint())...
 * }
 * }</pre>
 */
public final class DynamoDbEngine implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DynamoDbEngine.class.getName());

  private final Engine engine;
  private final DynamoDbHttpServer server;
  private final TtlSweeper sweeper;
  private final ScheduledExecutorService scheduler;

  private DynamoDbEngine(Builder builder) {
    this.engine = new Engine(builder.clock, builder.region, builder.accountId);
    this.sweeper = new TtlSweeper(engine);
    this.server = new DynamoDbHttpServer(new Dispatcher(engine), builder.port);
    if (builder.ttlSweepInterval != null) {
      long millis = builder.ttlSweepInterval.toMillis();
      this.scheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "dynamodb-engine-ttl");
                thread.setDaemon(true);
                return thread;
              });
      scheduler.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
    } else {
      this.scheduler = null;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts an engine on a free loopback port with the system clock and no automatic TTL sweep. */
  public static DynamoDbEngine start() {
    return builder().build();
  }

  public int port() {
    return server.port();
  }

  /** The endpoint to hand to {@code endpointOverride} or {@code --endpoint-url}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public String region() {
    return engine.region();
  }

  /**
   * Fault injection: the next {@code count} requests for {@code operation} (an API name such as
   * {@code TransactWriteItems}) take effect, but their responses are lost, as when a client times
   * out after DynamoDB committed. For tests of what callers do with an ambiguous failure.
   */
  public void loseResponses(String operation, int count) {
    server.loseResponses(operation, count);
  }

  /**
   * Serves one DynamoDB JSON-protocol request without a socket, exactly as the HTTP endpoint would:
   * {@code target} is the {@code X-Amz-Target} header ({@code DynamoDB_20120810.PutItem}) and
   * {@code body} the request body. Empty when fault injection ({@link #loseResponses}) loses the
   * response: the request took effect and the caller must see a broken connection.
   */
  public Optional<Response> serve(String target, byte[] body) {
    return Optional.ofNullable(server.answer(target, body));
  }

  /**
   * What the endpoint answers: the HTTP status, the JSON body, its CRC32 (the SDK checks the {@code
   * x-amz-crc32} header) and the request id ({@code x-amzn-RequestId}).
   */
  public record Response(int status, byte[] body, String crc32, String requestId) {
    /** The body's content type. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  }

  /** Runs one TTL pass now: deletes expired items and returns how many it deleted. */
  public int sweepExpiredItems() {
    return sweeper.sweep();
  }

  private void sweepQuietly() {
    try {
      sweeper.sweep();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "TTL sweep failed; the next pass retries", e);
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    server.close();
  }

  /** Options: port (0 picks a free one), clock, region and account, TTL sweep interval. */
  public static final class Builder {
    private int port;
    private Clock clock = Clock.systemUTC();
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Duration ttlSweepInterval;

    private Builder() {}

    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** The clock for TTL, stream timestamps and token lifetimes; tests pass a controllable one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** Sweeps expired items in the background at this interval; null (the default) never does. */
    public Builder ttlSweepInterval(Duration interval) {
      if (interval != null && (interval.isNegative() || interval.isZero())) {
        throw new IllegalArgumentException("ttlSweepInterval must be positive: " + interval);
      }
      this.ttlSweepInterval = interval;
      return this;
    }

    public DynamoDbEngine build() {
      return new DynamoDbEngine(this);
    }
  }
}
