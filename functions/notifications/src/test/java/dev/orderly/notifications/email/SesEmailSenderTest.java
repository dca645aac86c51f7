package dev.orderly.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import dev.orderly.notifications.domain.EmailMessage;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

/** The SES v2 adapter through the real SDK client, against a SendEmail stub on loopback. */
class SesEmailSenderTest {
  private SesStub stub;
  private SesV2Client ses;
  private SesEmailSender sender;

  @BeforeEach
  void setUp() {
    stub = new SesStub();
    AwsSettings settings =
        AwsSettings.from(
            Environment.of(
                Map.of(
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "secret",
                    "AWS_ENDPOINT_URL_SESV2", stub.endpoint().toString())),
            "SESV2");
    ses = AwsClients.build(SesV2Client.builder(), settings, AwsClients.httpClient(settings));
    sender = new SesEmailSender(ses, "orders@orderly.example");
  }

  @AfterEach
  void tearDown() {
    ses.close();
    stub.close();
  }

  @Test
  void send_postsSendEmailWithFromToSubjectAndTextBody() {
    String messageId =
        sender.send(
            new EmailMessage(
                "alice@example.com", "Your order o-1 is confirmed", "Hello Alice,\n\nthanks."));

    assertThat(messageId).isEqualTo("ses-1");
    assertThat(stub.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("POST");
              assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
              assertThat(request.authorization())
                  .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                  .contains("/eu-west-1/ses/aws4_request");
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
              assertThat(simple.path("Body").has("Html")).isFalse();
            });
  }

  @Test
  void send_surfacesARejectionAsTheSdksTypedError() {
    stub.reject(true);

    assertThatThrownBy(() -> sender.send(new EmailMessage("a@b.co", "s", "b")))
        .isInstanceOf(MessageRejectedException.class);
    assertThat(stub.requests()).hasSize(1);
  }
}
