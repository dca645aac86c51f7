package dev.orderly.dynamodb.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.DynamoDbEngine.Response;
import dev.orderly.dynamodb.internal.error.DynamoDbException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * The DynamoDB JSON protocol on loopback: POST with {@code X-Amz-Target}, a JSON body, and a JSON
 * answer with {@code x-amz-crc32} (which the SDK verifies) and a request id. Errors carry
 * DynamoDB's {@code __type}; an unexpected failure answers 500 without internals.
 *
 * <p>A small blocking HTTP/1.1 server, one thread per keep-alive connection: AWS clients keep a few
 * pooled connections open, a request costs a few microseconds of engine work, and a response leaves
 * in one write with TCP_NODELAY. Measured against the JDK's built-in server it halves the round
 * trip (see the module README's benchmark).
 */
public final class DynamoDbHttpServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DynamoDbHttpServer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = Response.CONTENT_TYPE;

  private final ServerSocket listener;
  private final Dispatcher dispatcher;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final String requestIdPrefix =
      UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicInteger> responsesToLose = new ConcurrentHashMap<>();
  private final Thread acceptor;
  private volatile boolean closed;

  public DynamoDbHttpServer(Dispatcher dispatcher, int port) {
    this.dispatcher = dispatcher;
    try {
      this.listener = new ServerSocket();
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    this.acceptor = new Thread(this::accept, "dynamodb-engine-accept-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Applies the next {@code count} requests for {@code operation} (e.g. {@code TransactWriteItems})
   * and then drops their connections instead of answering: the write happened but the client sees a
   * failure, as after a network timeout. Replaces any earlier count.
   */
  public void loseResponses(String operation, int count) {
    responsesToLose.put(operation, new AtomicInteger(count));
  }

  private boolean loseResponse(String target) {
    if (responsesToLose.isEmpty() || target == null) {
      return false;
    }
    AtomicInteger left = responsesToLose.get(target.substring(target.indexOf('.') + 1));
    return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  private void accept() {
    long count = 0;
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
        socket.setTcpNoDelay(true);
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "accept failed", e);
        }
        continue;
      }
      connections.add(socket);
      Thread worker = new Thread(() -> serve(socket), "dynamodb-engine-" + port() + "-" + ++count);
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void serve(Socket socket) {
    HttpConnection connection;
    try {
      connection = new HttpConnection(socket);
    } catch (IOException e) {
      forget(socket);
      return;
    }
    try {
      while (!closed) {
        HttpConnection.Request request;
        try {
          request = connection.read();
        } catch (HttpConnection.BadRequest e) {
          connection.write(
              e.status,
              "Bad Request",
              "text/plain",
              new String[0],
              e.getMessage().getBytes(StandardCharsets.UTF_8));
          return;
        }
        if (request == null) {
          return;
        }
        if (!respond(connection, request) || !request.keepAlive()) {
          return;
        }
      }
    } catch (SocketException | java.io.EOFException e) {
      // the client went away; nothing to answer
    } catch (IOException e) {
      LOG.log(Level.FINE, "connection failed", e);
    } finally {
      connection.close();
      forget(socket);
    }
  }

  private void forget(Socket socket) {
    connections.remove(socket);
  }

  /** Answers the request; false when its response was lost on purpose and the connection ends. */
  private boolean respond(HttpConnection connection, HttpConnection.Request request)
      throws IOException {
    if (!"POST".equals(request.method())) {
      connection.write(
          200,
          "OK",
          "text/plain",
          new String[0],
          "healthy: dynamodb.local".getBytes(StandardCharsets.UTF_8));
      return true;
    }
    Response answer = answer(request.target(), request.body());
    if (answer == null) {
      return false;
    }
    connection.write(
        answer.status(),
        answer.status() == 200
            ? "OK"
            : answer.status() == 500 ? "Internal Server Error" : "Bad Request",
        CONTENT_TYPE,
        new String[] {"x-amz-crc32", answer.crc32(), "x-amzn-RequestId", answer.requestId()},
        answer.body());
    return true;
  }

  /**
   * Runs one request ({@code X-Amz-Target} and body), as the socket path does; {@code null} when
   * its response is to be lost ({@link #loseResponses}): it took effect, the caller gets no answer.
   */
  public Response answer(String target, byte[] body) {
    int status = 200;
    byte[] response;
    try {
      ObjectNode node = parse(body);
      response = JSON.writeValueAsBytes(dispatcher.dispatch(target, node));
    } catch (DynamoDbException e) {
      status = e.status();
      response = errorBytes(e);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "unexpected failure", e);
      status = 500;
      response =
          errorBytes(
              new DynamoDbException(
                  DynamoDbException.INTERNAL_SERVER_ERROR, "Internal server error", 500));
    }
    if (loseResponse(target)) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(response);
    return new Response(status, response, Long.toString(crc.getValue()), requestId());
  }

  private static byte[] errorBytes(DynamoDbException e) {
    try {
      return error(e);
    } catch (JsonProcessingException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** Unique per server and cheap: a random prefix and a counter (no SecureRandom per request). */
  private String requestId() {
    return requestIdPrefix + Long.toHexString(requests.incrementAndGet());
  }

  private static ObjectNode parse(byte[] request) {
    try {
      JsonNode node = request.length == 0 ? JSON.createObjectNode() : JSON.readTree(request);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // fall through to the serialization error below
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new DynamoDbException(
        DynamoDbException.SERIALIZATION, "Start of structure or map found where not expected", 400);
  }

  private static byte[] error(DynamoDbException e) throws JsonProcessingException {
    ObjectNode node = JSON.createObjectNode();
    node.put("__type", e.type());
    if (e.getMessage() != null) {
      node.put("message", e.getMessage());
    }
    for (Map.Entry<String, Object> member : e.extraMembers().entrySet()) {
      node.set(member.getKey(), JSON.valueToTree(member.getValue()));
    }
    return JSON.writeValueAsBytes(node);
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the listener failed", e);
    }
    for (Socket socket : connections) {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing a connection failed", e);
      }
    }
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
