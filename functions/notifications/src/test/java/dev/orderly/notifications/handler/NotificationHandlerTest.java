package dev.orderly.notifications.handler;

import static dev.orderly.notifications.LocalNotifications.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderly.dynamodb.DynamoDbEngineExtension;
import dev.orderly.lambda.local.LocalContext;
import dev.orderly.notifications.LocalNotifications;
import dev.orderly.notifications.email.LocalEmailSender;
import dev.orderly.notifications.email.RecordedEmail;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQS consumer from event files, through the real component on the in-process engine with the
 * local mail recorder: exactly one mail per event, whatever the deliveries.
 */
class NotificationHandlerTest {
  @RegisterExtension static final DynamoDbEngineExtension ENGINE = new DynamoDbEngineExtension();
  private static final String ALICE = "7c0f6a1e-2b7d-4c55-9a51-3b1f0c9e4d21";

  private LocalNotifications local;
  private NotificationHandler handler;
  private LocalEmailSender mailbox;

  @BeforeEach
  void setUp() {
    local = new LocalNotifications(ENGINE.engine());
    LocalNotifications.Deployed deployed = local.deploy();
    handler = deployed.handler();
    mailbox = deployed.mailbox();
  }

  private List<String> deliver(String file) {
    return deliver(batch(file));
  }

  private List<String> deliver(SQSEvent event) {
    SQSBatchResponse response =
        handler.handleRequest(event, LocalContext.of("notifications", "req-1"));
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  @Test
  void userRegistered_sendsOneWelcomeMailAndLogsIt() {
    assertThat(deliver("sqs_user_registered")).isEmpty();

    assertThat(mailbox.sent())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.to()).isEqualTo("Alice.Smith@example.com");
              assertThat(mail.from()).isEqualTo("notifications@orderly.local");
              assertThat(mail.subject()).isEqualTo("Welcome to Orderly, Alice Smith");
            });
    assertThat(local.items("T#acme#MAIL#e1a7c0de-0001-4000-8000-000000000001"))
        .singleElement()
        .satisfies(
            log -> {
              assertThat(log.get("sk").s()).isEqualTo("SENT");
              assertThat(log.get("messageId").s()).isEqualTo("local-1");
              assertThat(log.get("detailType").s()).isEqualTo("UserRegistered");
            });
    assertThat(local.items("T#acme#CUSTOMER#" + ALICE)).hasSize(1);
  }

  @Test
  void theSameEventTwiceInOneBatch_mailsOnceAndAcknowledgesBoth() {
    assertThat(deliver("sqs_user_registered_twice_in_batch")).isEmpty();

    assertThat(mailbox.sent()).hasSize(1);
  }

  @Test
  void theSameEventAcrossBatches_mailsOnce_evenWhenRepublishedWithAnotherEnvelope() {
    assertThat(deliver("sqs_user_registered")).isEmpty();
    assertThat(deliver("sqs_user_registered")).isEmpty();
    assertThat(deliver("sqs_user_registered_republished")).isEmpty();

    assertThat(mailbox.sent()).hasSize(1);
    assertThat(local.items("T#acme#MAIL#")).hasSize(1);
  }

  @Test
  void aRedeliveryAfterTheIdempotencyRecordExpired_isStoppedByTheSentLog() {
    deliver("sqs_user_registered");
    local.clock.advance(Duration.ofHours(2));

    assertThat(deliver("sqs_user_registered_republished")).isEmpty();

    assertThat(mailbox.sent()).hasSize(1);
  }

  @Test
  void orderConfirmed_mailsTheCustomerAtTheAddressLearnedFromUserEvents() {
    deliver("sqs_user_registered");
    deliver("sqs_user_updated");

    assertThat(deliver("sqs_order_confirmed")).isEmpty();

    RecordedEmail mail = mailbox.sent().get(1);
    assertThat(mail.to()).isEqualTo("alice@jones.example");
    assertThat(mail.subject()).isEqualTo("Your order o-1001 is confirmed");
    assertThat(mail.body()).contains("Hello Alice Jones,", "for 45.99 EUR");
    assertThat(mailbox.sent()).hasSize(2);
  }

  @Test
  void orderCancelled_mailsTheReasonInCustomerWordsOnly() {
    deliver("sqs_user_registered");

    assertThat(deliver("sqs_order_cancelled")).isEmpty();

    RecordedEmail mail = mailbox.sent().get(1);
    assertThat(mail.subject()).isEqualTo("Your order o-1002 was cancelled");
    assertThat(mail.body())
        .contains("because the payment was declined")
        .doesNotContain("PAYMENT_DECLINED", "issuer");
  }

  @Test
  void anOrderOfAnUnknownCustomer_failsOnlyThatMessage_andSucceedsOnceTheUserIsKnown() {
    assertThat(deliver("sqs_order_confirmed")).containsExactly("m-0004");
    assertThat(mailbox.sent()).isEmpty();
    assertThat(local.items("T#acme#MAIL#")).isEmpty();

    deliver("sqs_user_registered");
    assertThat(deliver("sqs_order_confirmed")).isEmpty();

    assertThat(mailbox.sentTo("Alice.Smith@example.com"))
        .extracting(RecordedEmail::subject)
        .containsExactly("Welcome to Orderly, Alice Smith", "Your order o-1001 is confirmed");
  }

  @Test
  void aMixedBatch_reportsExactlyTheBadMessagesAsFailed() {
    List<String> failed = deliver("sqs_mixed_batch");

    assertThat(failed).containsExactly("m-0666", "m-0006");
    assertThat(mailbox.sent())
        .extracting(RecordedEmail::subject)
        .containsExactly("Welcome to Orderly, Alice Smith", "Your order o-1001 is confirmed");
  }

  @Test
  void aPoisonMessage_isReportedFailedOnEveryReceive_soTheRedrivePolicyMovesItToTheDlq() {
    for (int receive = 1; receive <= 3; receive++) {
      assertThat(deliver("sqs_poison")).as("receive %d", receive).containsExactly("m-0666");
    }
    assertThat(mailbox.sent()).isEmpty();
  }

  @Test
  void anEventMissingData_failsOnEveryReceive() {
    assertThat(deliver("sqs_missing_email")).containsExactly("m-0008");
    assertThat(deliver("sqs_missing_email")).containsExactly("m-0008");
    assertThat(local.items("")).isEmpty();
  }

  @Test
  void anUnknownDetailType_isAcknowledgedWithoutEffect() {
    assertThat(deliver("sqs_unknown_detail_type")).isEmpty();

    assertThat(mailbox.sent()).isEmpty();
    assertThat(local.items("")).isEmpty();
  }

  @Test
  void userUpdated_learnsTheAddressWithoutMailing() {
    assertThat(deliver("sqs_user_updated")).isEmpty();

    assertThat(mailbox.sent()).isEmpty();
    assertThat(local.items("T#acme#CUSTOMER#" + ALICE))
        .singleElement()
        .satisfies(item -> assertThat(item.get("email").s()).isEqualTo("alice@jones.example"));
  }

  @Test
  void anOlderUserEventArrivingLate_doesNotOverwriteTheNewerAddress() {
    deliver("sqs_user_updated");
    deliver("sqs_user_registered");

    assertThat(local.items("T#acme#CUSTOMER#" + ALICE))
        .singleElement()
        .satisfies(item -> assertThat(item.get("version").n()).isEqualTo("2"));
  }
}
