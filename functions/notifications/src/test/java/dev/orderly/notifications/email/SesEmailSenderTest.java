package dev.orderly.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import dev.orderly.notifications.domain.EmailMessage;
import dev.orderly.notifications.email.SesStub.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.http.SdkHttpClient;

/** The SES v2 SendEmail adapter over the real HTTP client and signer, against a loopback stub. */
class SesEmailSenderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T00:55:12Z"), ZoneOffset.UTC);
  private static final EmailMessage MAIL =
      new EmailMessage(
          "alice@example.com", "Your order o-1 is confirmed", "Hello Alice,\n\nthanks.");

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private SesStub stub;
  private SdkHttpClient http;

  @BeforeEach
  void setUp() {
    stub = new SesStub();
  }

  @AfterEach
  void tearDown() {
    if (http != null) {
      http.close();
    }
    stub.close();
  }

  private SesEmailSender sender(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "eu-west-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("AWS_ENDPOINT_URL_SESV2", stub.endpoint().toString());
    env.putAll(extra);
    AwsSettings settings = AwsSettings.from(Environment.of(env), "SESV2");
    http = AwsClients.httpClient(settings);
    Backoff halfJitter =
        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5, waits::add);
    return new SesEmailSender(http, settings, "orders@orderly.example", CLOCK, halfJitter);
  }

  @Test
  void send_postsASignedSendEmailWithFromToSubjectAndTextBody() {
    String messageId = sender(Map.of()).send(MAIL);

    assertThat(messageId).isEqualTo("ses-1");
    assertThat(stub.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("POST");
              assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
              assertThat(request.contentType()).isEqualTo("application/json");
              assertThat(request.amzDate()).isEqualTo("20261128T005512Z");
              assertThat(request.authorization())
                  .startsWith(
                      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/eu-west-1/ses/aws4_request,")
                  .contains(
                      "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date,")
                  .containsPattern("Signature=[0-9a-f]{64}$");
              assertThat(request.securityToken()).isNull();
              JsonNode body = request.body();
              assertThat(body.path("FromEmailAddress").asText())
                  .isEqualTo("orders@orderly.example");
              assertThat(body.path("Destination").path("ToAddresses").toString())
                  .isEqualTo("[\"alice@example.com\"]");
              JsonNode simple = body.path("Content").path("Simple");
              assertThat(simple.path("Subject").path("Data").asText())
                  .isEqualTo("Your order o-1 is confirmed");
              assertThat(simple.path("Subject").path("Charset").asText()).isEqualTo("UTF-8");
              assertThat(simple.path("Body").path("Text").path("Data").asText())
                  .isEqualTo("Hello Alice,\n\nthanks.");
              assertThat(simple.path("Body").path("Text").path("Charset").asText())
                  .isEqualTo("UTF-8");
              assertThat(simple.path("Body").has("Html")).isFalse();
            });
    assertThat(waits).isEmpty();
  }

  @Test
  void send_signsTheBodyAndHeadersThatArriveForSesInTheRegion() {
    sender(Map.of()).send(MAIL);

    SesStub.Request request = stub.requests().get(0);
    assertThat(SigV4Check.field(request.authorization(), "Signature"))
        .isEqualTo(SigV4Check.expectedSignature(request, "secret", "eu-west-1", "ses"));
    assertThat(SigV4Check.field(request.authorization(), "Signature"))
        .isNotEqualTo(SigV4Check.expectedSignature(request, "other", "eu-west-1", "ses"))
        .isNotEqualTo(SigV4Check.expectedSignature(request, "secret", "eu-west-1", "email"));
  }

  @Test
  void send_signsTheSessionTokenOfTemporaryCredentials() {
    sender(Map.of("AWS_SESSION_TOKEN", "token-1")).send(MAIL);

    assertThat(stub.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.securityToken()).isEqualTo("token-1");
              assertThat(request.authorization()).contains(";x-amz-security-token,");
            });
  }

  @ParameterizedTest(name = "{0} {1} -> {3} after {4} attempt(s)")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "400 | MessageRejected | {\"message\":\"Email address is not verified: alice@example.com\"} | SesRejectedException | 1 | MessageRejected",
        "400 | AccountSuspendedException:http://internal.amazon.com/coral/com.amazon.ses/ | {\"message\":\"suspended\"} | SesRejectedException | 1 | AccountSuspendedException",
        "400 | SendingPausedException | {} | SesRejectedException | 1 | SendingPausedException",
        "400 | - | {\"__type\":\"com.amazon.ses#MailFromDomainNotVerifiedException\",\"message\":\"x\"} | SesRejectedException | 1 | MailFromDomainNotVerifiedException",
        "403 | AccessDeniedException | {\"Message\":\"not allowed\"} | SesRejectedException | 1 | AccessDeniedException",
        "404 | NotFoundException | {\"message\":\"no such configuration set\"} | SesRejectedException | 1 | NotFoundException",
        "429 | TooManyRequestsException | {\"message\":\"Maximum sending rate exceeded.\"} | SesUnavailableException | 3 | TooManyRequestsException",
        "400 | ThrottlingException | {\"message\":\"Rate exceeded\"} | SesUnavailableException | 3 | ThrottlingException",
        "500 | InternalFailure | {\"message\":\"internal\"} | SesUnavailableException | 3 | InternalFailure",
        "503 | - | Service Unavailable | SesUnavailableException | 3 | Unknown",
      })
  void send_mapsSesErrors(
      int status, String errorType, String body, String expected, int attempts, String code) {
    stub.answerNext(
        new Answer(status, errorType, body),
        new Answer(status, errorType, body),
        new Answer(status, errorType, body));

    assertThatThrownBy(() -> sender(Map.of()).send(MAIL))
        .isInstanceOf(SesException.class)
        .satisfies(
            thrown -> {
              SesException error = (SesException) thrown;
              assertThat(error.getClass().getSimpleName()).isEqualTo(expected);
              assertThat(error.status()).isEqualTo(status);
              assertThat(error.errorType()).isEqualTo(code);
              assertThat(error.getMessage()).contains(code).doesNotContain("alice@");
            });
    assertThat(stub.requests()).hasSize(attempts);
    assertThat(waits).hasSize(attempts - 1);
  }

  @Test
  void send_surfacesSesMessageForOperators() {
    stub.reject(true);

    assertThatThrownBy(() -> sender(Map.of()).send(MAIL))
        .isInstanceOfSatisfying(
            SesRejectedException.class,
            error -> assertThat(error.sesMessage()).contains("Email address is not verified."));
  }

  @Test
  void send_retriesTransientFailuresWithBackoffThenReturnsTheMessageId() {
    stub.answerNext(
        new Answer(429, "TooManyRequestsException", "{}"),
        new Answer(500, "InternalFailure", "{}"));

    assertThat(sender(Map.of()).send(MAIL)).isEqualTo("ses-3");
    assertThat(stub.requests()).hasSize(3);
    assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void send_givesUpAfterMaxAttemptsWhenNothingListens() {
    SesEmailSender sender = sender(Map.of("ORDERLY_AWS_MAX_ATTEMPTS", "2"));
    stub.close();

    assertThatThrownBy(() -> sender.send(MAIL))
        .isInstanceOfSatisfying(
            SesUnavailableException.class, error -> assertThat(error.status()).isZero());
    assertThat(waits).hasSize(1);
  }

  @Test
  void send_givesUpWhenSesDoesNotAnswerWithinTheSocketTimeout() {
    stub.answerNext(SesStub.SILENCE);
    SesEmailSender sender =
        sender(Map.of("ORDERLY_AWS_ATTEMPT_TIMEOUT_MS", "200", "ORDERLY_AWS_MAX_ATTEMPTS", "1"));

    assertThatThrownBy(() -> sender.send(MAIL))
        .isInstanceOf(SesUnavailableException.class)
        .hasMessageContaining("SocketTimeoutException");
    // the stub records a request once it has read it, which may be after the client gave up
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(stub.requests()).hasSize(1));
  }

  @ParameterizedTest
  @CsvSource({
    "eu-west-1, https://email.eu-west-1.amazonaws.com",
    "cn-north-1, https://email.cn-north-1.amazonaws.com.cn"
  })
  void theEndpointWithoutOverrideIsSesInTheRegion(String region, URI expected) {
    AwsSettings settings =
        AwsSettings.from(
            Environment.of(
                Map.of(
                    "AWS_REGION", region,
                    "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "secret")),
            "SESV2");

    assertThat(SesEmailSender.regionalEndpoint(settings)).isEqualTo(expected);
  }
}
