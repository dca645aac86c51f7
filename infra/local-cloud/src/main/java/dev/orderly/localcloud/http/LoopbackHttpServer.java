package dev.orderly.localcloud.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The JDK's HTTP server on the loopback interface, with {@code TCP_NODELAY}: every local endpoint
 * is created here (the HTTP API, Lambda, SES, SSM, EventBridge).
 *
 * <p>JDK 17's server writes a response's headers and its body in two writes; with Nagle's algorithm
 * the body waits for the client's ACK of the headers, which a kept-alive connection delays by up to
 * 40 ms (Linux's delayed ACK): every request from a pooling client (the SDK's url-connection
 * client, {@code java.net.http}) took 44-48 ms instead of 2-5 ms, and the notifications function,
 * which sends a batch's mails to SES one by one, sent one per 44 ms in each of its five concurrent
 * batches. JDK 25's server answered in 2 ms either way (the same loop). The server reads {@code
 * sun.net.httpserver.nodelay} once, when the JVM's first one starts, so it is set before that; a
 * value given on the command line wins.
 */
public final class LoopbackHttpServer {
  public static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    noDelay();
  }

  private LoopbackHttpServer() {}

  /**
   * Turns on {@code TCP_NODELAY} for the JDK's HTTP servers of this JVM, unless it was set; for
   * servers started elsewhere (Step Functions' endpoint), before they start.
   */
  public static void noDelay() {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  /** A server on {@code port} (0: any free one) of the loopback interface, not yet started. */
  public static HttpServer create(int port, int backlog) throws IOException {
    return HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
  }
}
