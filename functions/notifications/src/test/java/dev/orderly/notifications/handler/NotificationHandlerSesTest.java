package dev.orderly.notifications.handler;

import static dev.orderly.notifications.LocalNotifications.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.notifications.LocalNotifications;
import dev.orderly.notifications.email.SesEmailSender;
import dev.orderly.notifications.email.SesStub;
import dev.orderly.notifications.wiring.NotificationComponent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The function as deployed in AWS (EMAIL_SENDER unset: SES), against the SES stub and engine. */
class NotificationHandlerSesTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();

  private SesStub ses;
  private LocalNotifications local;
  private NotificationComponent component;
  private NotificationHandler handler;

  @BeforeEach
  void setUp() {
    ses = new SesStub();
    local = new LocalNotifications(ENGINE.engine());
    local.environment.remove("EMAIL_SENDER");
    local.environment.put("FROM_ADDRESS", "orders@orderly.example");
    local.environment.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
    component = local.component();
    handler = new NotificationHandler(component);
  }

  @AfterEach
  void tearDown() {
    ses.close();
  }

  private SQSBatchResponse deliver(String file) {
    return handler.handleRequest(batch(file), LocalContext.of("notifications", "req-1"));
  }

  /**
   * SendEmail takes no idempotency token: an attempt cut off while SES is still working may have
   * sent, and retrying it mails twice. SES gets its own read timeout, longer than DynamoDB's.
   */
  @Test
  void aSendSlowerThanDynamoDbsAttemptTimeoutIsAnsweredNotRetried() {
    local.environment.put("ORDERLY_AWS_ATTEMPT_TIMEOUT_MS", "1000");
    local.environment.put("ORDERLY_AWS_ATTEMPT_TIMEOUT_MS_SESV2", "5000");
    local.environment.put("ORDERLY_AWS_CALL_TIMEOUT_MS_SESV2", "10000");
    handler = new NotificationHandler(local.component());
    ses.delayNext(Duration.ofMillis(1500));

    SQSBatchResponse response = deliver("sqs_user_registered");

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(ses.requests()).hasSize(1);
  }

  @Test
  void mailGoesThroughSesOncePerEvent() {
    assertThat(component.emailSender()).isInstanceOf(SesEmailSender.class);

    deliver("sqs_user_registered");
    deliver("sqs_user_registered_republished");

    assertThat(ses.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
              assertThat(request.authorization())
                  .startsWith("AWS4-HMAC-SHA256 Credential=local/")
                  .contains("/us-east-1/ses/aws4_request,");
              assertThat(request.body().path("FromEmailAddress").asText())
                  .isEqualTo("orders@orderly.example");
              assertThat(request.body().path("Destination").path("ToAddresses").get(0).asText())
                  .isEqualTo("Alice.Smith@example.com");
            });
    assertThat(local.items("T#acme#MAIL#"))
        .singleElement()
        .satisfies(item -> assertThat(item.get("messageId").s()).isEqualTo("ses-1"));
  }

  @Test
  void anSesRejection_failsTheMessageAndLeavesItRetryable() {
    ses.reject(true);

    assertThat(deliver("sqs_user_registered").getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("m-0001");
    assertThat(local.items("T#acme#MAIL#")).isEmpty();

    ses.reject(false);

    assertThat(deliver("sqs_user_registered").getBatchItemFailures()).isEmpty();
    assertThat(local.items("T#acme#MAIL#")).hasSize(1);
    assertThat(ses.requests()).hasSize(2);
  }
}
