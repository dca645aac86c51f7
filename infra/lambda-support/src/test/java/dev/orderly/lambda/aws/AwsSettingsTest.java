package dev.orderly.lambda.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.lambda.config.ConfigurationException;
import dev.orderly.lambda.config.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsSettingsTest {
  private static final Map<String, String> BASE =
      Map.of(
          "AWS_REGION", "eu-west-1",
          "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
          "AWS_SECRET_ACCESS_KEY", "secret");
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

  private static Environment env(String... extra) {
    Map<String, String> values = new HashMap<>(BASE);
    for (int i = 0; i < extra.length; i += 2) {
      if (extra[i + 1] == null) {
        values.remove(extra[i]);
      } else {
        values.put(extra[i], extra[i + 1]);
      }
    }
    return Environment.of(values);
  }

  @Test
  void from_readsRegionAndBasicCredentialsWithDefaults() {
    // given
    Environment env = env();

    // when
    AwsSettings settings = AwsSettings.from(env, "DYNAMODB");

    // then
    AwsCredentials credentials = settings.credentials().resolveCredentials();
    assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
    assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThat(credentials.secretAccessKey()).isEqualTo("secret");
    assertThat(credentials).isNotInstanceOf(AwsSessionCredentials.class);
    assertThat(settings.endpoint()).isEmpty();
    assertThat(settings.apiCallTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.maxAttempts()).isEqualTo(3);
  }

  @Test
  void from_usesSessionCredentialsWhenATokenIsSet() {
    // given
    Environment env = env("AWS_SESSION_TOKEN", "token-123");

    // when
    AwsSettings settings = AwsSettings.from(env, "DYNAMODB");

    // then
    assertThat(settings.credentials()).isInstanceOf(StaticCredentialsProvider.class);
    assertThat(settings.credentials().resolveCredentials())
        .isInstanceOfSatisfying(
            AwsSessionCredentials.class,
            session -> {
              assertThat(session.accessKeyId()).isEqualTo("AKIDEXAMPLE");
              assertThat(session.secretAccessKey()).isEqualTo("secret");
              assertThat(session.sessionToken()).isEqualTo("token-123");
            });
  }

  @Test
  void from_ignoresABlankSessionToken() {
    // given
    Environment env = env("AWS_SESSION_TOKEN", " ");

    // when
    AwsSettings settings = AwsSettings.from(env, "DYNAMODB");

    // then
    assertThat(settings.credentials().resolveCredentials())
        .isNotInstanceOf(AwsSessionCredentials.class);
  }

  @ParameterizedTest(name = "[{index}] service={0} specific={1} general={2} -> {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "DYNAMODB, http://dynamo:8000, http://all:4566, http://dynamo:8000",
        "dynamodb, http://dynamo:8000, http://all:4566, http://dynamo:8000",
        "DYNAMODB, -,                  http://all:4566, http://all:4566",
        "DYNAMODB, ' ',                http://all:4566, http://all:4566",
        "SQS,      http://dynamo:8000, http://all:4566, http://all:4566",
        "DYNAMODB, http://dynamo:8000, -,               http://dynamo:8000",
        "DYNAMODB, -,                  -,               -"
      })
  void from_prefersTheServiceEndpointOverTheGeneralOne(
      String service, String specific, String general, String expected) {
    // given
    Environment env = env("AWS_ENDPOINT_URL_DYNAMODB", specific, "AWS_ENDPOINT_URL", general);

    // when
    AwsSettings settings = AwsSettings.from(env, service);

    // then
    assertThat(settings.endpoint()).isEqualTo(Optional.ofNullable(expected).map(URI::create));
  }

  @Test
  void from_refusesAMalformedServiceEndpointNamingIt() {
    // given
    Environment env = env("AWS_ENDPOINT_URL_DYNAMODB", "dynamo:8000");

    // when / then
    assertThatThrownBy(() -> AwsSettings.from(env, "DYNAMODB"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB");
  }

  @Test
  void from_readsTimeoutsAndAttempts() {
    // given
    Environment env =
        env(
            "ORDERLY_AWS_CALL_TIMEOUT_MS", "2500",
            "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS", "400",
            "ORDERLY_AWS_MAX_ATTEMPTS", "5");

    // when
    AwsSettings settings = AwsSettings.from(env, "DYNAMODB");

    // then
    assertThat(settings.apiCallTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofMillis(400));
    assertThat(settings.maxAttempts()).isEqualTo(5);
  }

  @Test
  void from_letsOneServiceOverrideTheTimeoutsAndAttempts() {
    // given
    Environment env =
        env(
            "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS", "400",
            "ORDERLY_AWS_CALL_TIMEOUT_MS_SESV2", "20000",
            "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS_SESV2", "10000",
            "ORDERLY_AWS_MAX_ATTEMPTS_SESV2", "2");

    // when
    AwsSettings ses = AwsSettings.from(env, "sesv2");
    AwsSettings dynamo = AwsSettings.from(env, "DYNAMODB");

    // then
    assertThat(ses.apiCallTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(ses.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ses.maxAttempts()).isEqualTo(2);
    assertThat(dynamo.apiCallTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(dynamo.attemptTimeout()).isEqualTo(Duration.ofMillis(400));
    assertThat(dynamo.maxAttempts()).isEqualTo(3);
  }

  @Test
  void from_namesTheServiceVariableThatIsWrong() {
    // given
    Environment env = env("ORDERLY_AWS_ATTEMPT_TIMEOUT_MS_SESV2", "5000");

    // when / then
    assertThatThrownBy(() -> AwsSettings.from(env, "SESV2"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "environment variable ORDERLY_AWS_CALL_TIMEOUT_MS (3000) must be at least"
                + " ORDERLY_AWS_ATTEMPT_TIMEOUT_MS_SESV2 (5000)");
  }

  @ParameterizedTest(name = "[{index}] {0} missing")
  @ValueSource(strings = {"AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"})
  void from_refusesAMissingRequiredVariableNamingIt(String name) {
    // given
    Environment env = env(name, null);

    // when / then
    assertThatThrownBy(() -> AwsSettings.from(env, "DYNAMODB"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("environment variable " + name + " is not set");
  }

  @ParameterizedTest(name = "[{index}] {0}={1}")
  @CsvSource({
    "ORDERLY_AWS_CALL_TIMEOUT_MS,    soon",
    "ORDERLY_AWS_CALL_TIMEOUT_MS,    0",
    "ORDERLY_AWS_CALL_TIMEOUT_MS,    -1",
    "ORDERLY_AWS_CALL_TIMEOUT_MS,    999",
    "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS, 1.5",
    "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS, 0",
    "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS, -100",
    "ORDERLY_AWS_ATTEMPT_TIMEOUT_MS, 3001",
    "ORDERLY_AWS_MAX_ATTEMPTS,       three",
    "ORDERLY_AWS_MAX_ATTEMPTS,       0",
    "ORDERLY_AWS_MAX_ATTEMPTS,       -2"
  })
  void from_refusesABadTimeoutOrAttemptsNamingTheVariable(String name, String value) {
    // given
    Environment env = env(name, value);

    // when / then
    assertThatThrownBy(() -> AwsSettings.from(env, "DYNAMODB"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(name);
  }

  @Test
  void constructor_acceptsACallTimeoutEqualToOneAttempt() {
    // given
    Duration oneSecond = Duration.ofSeconds(1);

    // when
    AwsSettings settings = settings(oneSecond, oneSecond, 1);

    // then
    assertThat(settings.apiCallTimeout()).isEqualTo(settings.attemptTimeout());
  }

  @ParameterizedTest(name = "[{index}] call={0}ms attempt={1}ms attempts={2}")
  @CsvSource({
    "999, 1000, 3, the call timeout must cover at least one attempt",
    "1000, 1000, 0, maxAttempts must be at least 1",
    "1000, 0, 3, attemptTimeout must be positive",
    "1000, -5, 3, attemptTimeout must be positive",
    "0, 0, 3, attemptTimeout must be positive"
  })
  void constructor_refusesInconsistentTimeoutsAndAttempts(
      long callMillis, long attemptMillis, int attempts, String message) {
    // given
    Duration call = Duration.ofMillis(callMillis);
    Duration attempt = Duration.ofMillis(attemptMillis);

    // when / then
    assertThatThrownBy(() -> settings(call, attempt, attempts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void constructor_refusesMissingParts() {
    // given
    Duration second = Duration.ofSeconds(1);
    StaticCredentialsProvider credentials = CREDENTIALS;

    // when / then
    assertThatThrownBy(
            () -> new AwsSettings(null, credentials, Optional.empty(), second, second, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("region");
    assertThatThrownBy(
            () -> new AwsSettings(Region.EU_WEST_1, null, Optional.empty(), second, second, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("credentials");
    assertThatThrownBy(
            () -> new AwsSettings(Region.EU_WEST_1, credentials, null, second, second, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("endpoint");
    assertThatThrownBy(
            () -> new AwsSettings(Region.EU_WEST_1, credentials, Optional.empty(), null, second, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("apiCallTimeout");
    assertThatThrownBy(
            () -> new AwsSettings(Region.EU_WEST_1, credentials, Optional.empty(), second, null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("attemptTimeout");
  }

  private static AwsSettings settings(Duration call, Duration attempt, int attempts) {
    return new AwsSettings(
        Region.EU_WEST_1, CREDENTIALS, Optional.empty(), call, attempt, attempts);
  }
}
