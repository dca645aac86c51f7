package dev.orderly.lambda.aws;

import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * How a function talks to one AWS service: region, credentials, endpoint (overridable, as the SDK's
 * {@code AWS_ENDPOINT_URL_<SERVICE>} / {@code AWS_ENDPOINT_URL} convention has it), and timeouts.
 * Read from the function's {@link Environment}, never from the process directly, so that the local
 * cloud can give each in-process function its own.
 *
 * @param apiCallTimeout the whole call, retries included
 * @param attemptTimeout one HTTP attempt
 * @param transport endpoints served inside this JVM ({@link Environment#transport()}), if any
 */
public record AwsSettings(
    Region region,
    AwsCredentialsProvider credentials,
    Optional<URI> endpoint,
    Duration apiCallTimeout,
    Duration attemptTimeout,
    int maxAttempts,
    Optional<InJvmEndpoints> transport) {

  private static final String CALL_TIMEOUT = "ORDERLY_AWS_CALL_TIMEOUT_MS";
  private static final String ATTEMPT_TIMEOUT = "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS";
  private static final String MAX_ATTEMPTS = "ORDERLY_AWS_MAX_ATTEMPTS";

  /** Settings whose clients make their own HTTP connections (no {@link #transport}). */
  public AwsSettings(
      Region region,
      AwsCredentialsProvider credentials,
      Optional<URI> endpoint,
      Duration apiCallTimeout,
      Duration attemptTimeout,
      int maxAttempts) {
    this(
        region,
        credentials,
        endpoint,
        apiCallTimeout,
        attemptTimeout,
        maxAttempts,
        Optional.empty());
  }

  public AwsSettings {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    // A zero timeout would switch the SDK's timers and the HTTP client's socket timeouts off.
    if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
      throw new IllegalArgumentException("attemptTimeout must be positive");
    }
    if (apiCallTimeout.compareTo(attemptTimeout) < 0) {
      throw new IllegalArgumentException("the call timeout must cover at least one attempt");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /**
   * Settings for {@code service} (e.g. {@code "DYNAMODB"}): {@code AWS_REGION}; credentials from
   * {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN} (what the
   * Lambda runtime sets: no provider chain to probe at cold start); the endpoint from {@code
   * AWS_ENDPOINT_URL_<SERVICE>}, else {@code AWS_ENDPOINT_URL}; timeouts from {@code
   * ORDERLY_AWS_CALL_TIMEOUT_MS} (default 3000) and {@code ORDERLY_AWS_ATTEMPT_TIMEOUT_MS} (1000),
   * attempts from {@code ORDERLY_AWS_MAX_ATTEMPTS} (3), each overridden for one service by the same
   * name with {@code _<SERVICE>} appended (a call that must not be cut short, such as SES's {@code
   * SendEmail}, which has no idempotency token, gets its own). A timeout that is not positive, a
   * call timeout shorter than one attempt, or fewer than one attempt fails naming the variable.
   */
  public static AwsSettings from(Environment env, String service) {
    String key = env.require("AWS_ACCESS_KEY_ID");
    String secret = env.require("AWS_SECRET_ACCESS_KEY");
    Optional<String> session = env.optional("AWS_SESSION_TOKEN");
    AwsCredentialsProvider credentials =
        StaticCredentialsProvider.create(
            session.isPresent()
                ? AwsSessionCredentials.create(key, secret, session.get())
                : AwsBasicCredentials.create(key, secret));
    Optional<URI> endpoint =
        env.uri("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT))
            .or(() -> env.uri("AWS_ENDPOINT_URL"));
    Region region = Region.of(env.require("AWS_REGION"));
    String suffix = "_" + service.toUpperCase(Locale.ROOT);
    String callName = perService(env, CALL_TIMEOUT, suffix);
    String attemptName = perService(env, ATTEMPT_TIMEOUT, suffix);
    String attemptsName = perService(env, MAX_ATTEMPTS, suffix);
    Duration callTimeout = env.millis(callName, Duration.ofSeconds(3));
    Duration attemptTimeout = env.millis(attemptName, Duration.ofSeconds(1));
    int maxAttempts = env.integer(attemptsName, 3);
    if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
      throw new ConfigurationException(
          "environment variable "
              + attemptName
              + " must be positive, was "
              + attemptTimeout.toMillis());
    }
    if (callTimeout.compareTo(attemptTimeout) < 0) {
      throw new ConfigurationException(
          "environment variable "
              + callName
              + " ("
              + callTimeout.toMillis()
              + ") must be at least "
              + attemptName
              + " ("
              + attemptTimeout.toMillis()
              + ")");
    }
    if (maxAttempts < 1) {
      throw new ConfigurationException(
          "environment variable " + attemptsName + " must be at least 1, was " + maxAttempts);
    }
    return new AwsSettings(
        region, credentials, endpoint, callTimeout, attemptTimeout, maxAttempts, env.transport());
  }

  /** {@code <name>_<SERVICE>} when the environment sets it, else {@code <name>}. */
  private static String perService(Environment env, String name, String suffix) {
    return env.optional(name + suffix).isPresent() ? name + suffix : name;
  }
}
