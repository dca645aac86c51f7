package dev.orderly.notifications.email;

import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.notifications.domain.EmailMessage;
import dev.orderly.notifications.domain.EmailSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Mail through Amazon SES API v2 {@code SendEmail} with simple content, from one verified sender
 * address (https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html). One signed
 * HTTP call, made with SDK core pieces the function has anyway (its {@link SdkHttpClient} and the
 * SigV4 signer): the SES v2 service client would add the model of every SES v2 operation, about 2.7
 * MB, to the jar for this one call.
 *
 * <p>Throttling, server errors and no answer within the HTTP client's timeouts are retried up to
 * the settings' {@code maxAttempts}, with jittered backoff; then {@link SesUnavailableException}.
 * Any other error is {@link SesRejectedException} at once. Either fails the event, which its queue
 * redelivers; nothing is logged as sent.
 */
public final class SesEmailSender implements EmailSender {
  static final String PATH = "/v2/email/outbound-emails";
  private static final String SIGNING_NAME = "ses";
  private static final Set<String> THROTTLING =
      Set.of("TooManyRequestsException", "ThrottlingException", "Throttling", "RequestThrottled");

  private final SdkHttpClient http;
  private final AwsSettings settings;
  private final URI endpoint;
  private final String fromAddress;
  private final Clock clock;
  private final Backoff backoff;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param clock dates the signature (SES refuses one more than 5 minutes off)
   */
  public SesEmailSender(
      SdkHttpClient http, AwsSettings settings, String fromAddress, Clock clock, Backoff backoff) {
    this.http = Objects.requireNonNull(http, "http");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.fromAddress = Objects.requireNonNull(fromAddress, "fromAddress");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.endpoint = settings.endpoint().orElseGet(() -> regionalEndpoint(settings));
  }

  /**
   * {@code https://email.<region>.amazonaws.com} ({@code .com.cn} in the China regions); other
   * partitions set {@code AWS_ENDPOINT_URL_SESV2}.
   */
  static URI regionalEndpoint(AwsSettings settings) {
    String region = settings.region().id();
    String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return URI.create("https://email." + region + "." + domain);
  }

  @Override
  public String send(EmailMessage message) {
    byte[] body = SendEmailJson.request(fromAddress, message);
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(body);
      } catch (SesUnavailableException unavailable) {
        if (attempt >= settings.maxAttempts()) {
          throw unavailable;
        }
        backoff.pauseAfter(attempt);
      }
    }
  }

  private String attempt(byte[] body) {
    SignedRequest signed = sign(body);
    int status;
    String errorHeader;
    byte[] answer;
    try {
      HttpExecuteResponse response =
          http.prepareRequest(
                  HttpExecuteRequest.builder()
                      .request(signed.request())
                      .contentStreamProvider(signed.payload().orElse(null))
                      .build())
              .call();
      status = response.httpResponse().statusCode();
      errorHeader = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse("");
      answer =
          response.responseBody().isPresent()
              ? readAll(response.responseBody().get())
              : new byte[0];
    } catch (IOException noAnswer) {
      throw new SesUnavailableException(noAnswer);
    }
    if (status / 100 == 2) {
      return SendEmailJson.messageId(status, answer);
    }
    String type = SendEmailJson.errorType(errorHeader, answer);
    String sesMessage = SendEmailJson.errorMessage(answer).orElse(null);
    if (status == 429 || status >= 500 || THROTTLING.contains(type)) {
      throw new SesUnavailableException(status, type, sesMessage);
    }
    throw new SesRejectedException(status, type, sesMessage);
  }

  private SignedRequest sign(byte[] body) {
    String basePath = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    SdkHttpRequest unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .encodedPath(basePath.replaceAll("/+$", "") + PATH)
            .putHeader("Content-Type", "application/json")
            .putHeader("Content-Length", Integer.toString(body.length))
            .build();
    return signer.sign(
        request ->
            request
                .identity(settings.credentials().resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region().id())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
