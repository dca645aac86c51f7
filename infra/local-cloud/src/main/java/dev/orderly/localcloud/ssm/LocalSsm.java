package dev.orderly.localcloud.ssm;

import dev.orderly.localcloud.http.AwsJsonServer;
import dev.orderly.localcloud.ssm.internal.ParameterStore;
import dev.orderly.localcloud.ssm.internal.SsmApi;
import dev.orderly.localcloud.ssm.internal.SsmException;
import dev.orderly.localcloud.template.SsmParameters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * SSM Parameter Store on loopback, backed by a local file, so that configuration read through the
 * unchanged SDK (or Powertools' SSM provider) can be tried locally, hot reload included: the file
 * is read again whenever it changes.
 *
 * <p>The file is either JSON ({@code {"/orderly/dev/feature/x": "on", "/orderly/dev/hosts": ["a",
 * "b"], "/orderly/dev/key": {"type": "SecureString", "value": "s3cr3t"}}}) or, for any other
 * extension, Java properties of String parameters. Answers GetParameter, GetParameters,
 * GetParametersByPath and PutParameter (kept in memory, over the file's values).
 */
public final class LocalSsm implements AutoCloseable {
  private final AwsJsonServer server;

  private LocalSsm(AwsJsonServer server) {
    this.server = server;
  }

  /**
   * Reads the file and starts answering on loopback.
   *
   * @param port the port, or 0 for a free one
   * @param clock the clock of the parameters' LastModifiedDate
   * @throws IllegalArgumentException if the file does not parse
   */
  /**
   * The parameters in {@code file} as a template's dynamic references read them, re-read when the
   * file changes (without serving them).
   */
  public static SsmParameters parameters(Path file, Clock clock) {
    return new ParameterStore(file, clock)::parameter;
  }

  public static LocalSsm start(int port, Path file, String region, String accountId, Clock clock) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    SsmApi api = new SsmApi(new ParameterStore(file, clock), region, accountId);
    return new LocalSsm(
        new AwsJsonServer(
            "ssm",
            "InternalFailure",
            (target, request) -> {
              try {
                return api.dispatch(target, request);
              } catch (SsmException e) {
                throw new AwsJsonServer.Error(e.code(), e.getMessage(), e.status());
              }
            },
            port));
  }

  public int port() {
    return server.port();
  }

  /** The endpoint to hand to {@code endpointOverride} or {@code AWS_ENDPOINT_URL_SSM}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    server.close();
  }
}
