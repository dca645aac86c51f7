package dev.orderly.localcloud.ses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import dev.orderly.notifications.domain.EmailMessage;
import dev.orderly.notifications.email.Backoff;
import dev.orderly.notifications.email.SesEmailSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notifications function's production SES adapter against the local SendEmail. */
class LocalSesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  private final AtomicInteger sequence = new AtomicInteger();
  private final List<SentEmail> heard = new CopyOnWriteArrayList<>();
  private final LocalSes ses =
      LocalSes.start(0, CLOCK, () -> "msg-" + sequence.incrementAndGet(), heard::add);

  @AfterEach
  void close() {
    ses.close();
  }

  private SesEmailSender sender() {
    Environment env =
        Environment.of(
            Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString()));
    AwsSettings settings = AwsSettings.from(env, "SESV2");
    return new SesEmailSender(
        AwsClients.httpClient(settings),
        settings,
        "orders@orderly.local",
        CLOCK,
        Backoff.standard());
  }

  @Test
  void sendEmail_fromTheProductionAdapter_isRecordedAndAnswersItsMessageId() {
    String id =
        sender()
            .send(
                new EmailMessage(
                    "alice@example.com", "Your order o-1 is confirmed", "Hello Alice"));

    assertThat(id).isEqualTo("msg-1");
    SentEmail mail =
        new SentEmail(
            "msg-1",
            CLOCK.instant(),
            "orders@orderly.local",
            List.of("alice@example.com"),
            "Your order o-1 is confirmed",
            "Hello Alice");
    assertThat(ses.sent()).containsExactly(mail);
    assertThat(heard).containsExactly(mail);
  }

  @Test
  void requestsSesWouldRefuse_are400BadRequestAndRecordNothing() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    URI uri = ses.endpoint().resolve("/v2/email/outbound-emails");
    Map<String, String> bodies =
        Map.of(
            "{}",
            "FromEmailAddress is required.",
            "{\"FromEmailAddress\":\"a@b.c\",\"Destination\":{\"ToAddresses\":[]}}",
            "At least one recipient is required.",
            "{\"FromEmailAddress\":\"a@b.c\",\"Destination\":{\"ToAddresses\":[\"x@y.z\"]},"
                + "\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"s\"},\"Body\":{}}}}",
            "Content.Simple.Body needs Text or Html.",
            "not json",
            "The request body is not JSON.");
    for (Map.Entry<String, String> c : bodies.entrySet()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/...")
                  .POST(HttpRequest.BodyPublishers.ofString(c.getKey()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
      assertThat(response.body()).as(c.getKey()).contains(c.getValue());
    }
    HttpResponse<String> unsigned =
        client.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(ses.sent()).isEmpty();
  }
}
