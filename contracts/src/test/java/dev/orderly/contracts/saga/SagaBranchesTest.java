package dev.orderly.contracts.saga;

import static dev.orderly.contracts.saga.SagaTasks.TRANSIENT;
import static dev.orderly.contracts.saga.SagaTasks.fails;
import static dev.orderly.contracts.saga.SagaTasks.returns;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every branch of the order saga, run on the interpreter: which tasks are called in which order,
 * how the execution ends, and — in each branch — that compensations send their forward step's
 * request id and that only transient errors are retried.
 */
class SagaBranchesTest {
  private static final String OUT_OF_STOCK = "dev.orderly.lambda.saga.OutOfStock";
  private static final String DECLINED = "dev.orderly.lambda.saga.PaymentDeclined";
  private static final String BUG = "java.lang.IllegalStateException";

  /** Forward steps try 1 + 5 times, compensations 1 + 10 times (the definition's MaxAttempts). */
  static final int FORWARD_TRIES = 6;

  static final int COMPENSATION_TRIES = 11;

  private final Saga saga = new Saga();
  private SagaRun run;

  @AfterEach
  void everyBranchKeepsTheRequestIdContract() {
    if (run != null) {
      SagaAssertions.compensationsShareTheirForwardStepsRequestId(run);
    }
  }

  @Test
  void confirmed_reservesChargesAndConfirms() {
    run = saga.run();

    assertThat(run.steps()).containsExactly("ReserveStock", "ChargePayment", "ConfirmOrder");
    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(run.result().output().at("/reservation/reservationId").asText()).isEqualTo("res-1");
    assertThat(run.result().output().at("/charge/chargeId").asText()).isEqualTo("ch-1");
    assertThat(run.result().output().at("/confirmation/status").asText()).isEqualTo("CONFIRMED");
  }

  @Test
  void outOfStock_cancelsTheOrderOnly_andFailsAsOutOfStock() {
    saga.tasks().script("ReserveStock", fails(OUT_OF_STOCK));

    run = saga.run();

    assertThat(run.steps()).containsExactly("ReserveStock", "CancelOrder");
    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error()).isEqualTo("OUT_OF_STOCK");
    assertThat(run.callsOf("CancelOrder").get(0).payload().get("reason"))
        .isEqualTo(
            JsonNodeFactory.instance
                .objectNode()
                .put("code", "OUT_OF_STOCK")
                .put("detail", "Not enough stock for every line of the order."));
  }

  @Test
  void paymentDeclined_releasesTheStockThenCancels_andFailsAsPaymentDeclined() {
    saga.tasks().script("ChargePayment", fails(DECLINED));

    run = saga.run();

    assertThat(run.steps())
        .containsExactly("ReserveStock", "ChargePayment", "ReleaseStock", "CancelOrder");
    assertThat(run.error()).isEqualTo("PAYMENT_DECLINED");
    assertThat(run.result().cause()).isEqualTo("The payment was declined.");
    assertThat(run.callsOf("CancelOrder").get(0).payload().at("/reason/code").asText())
        .isEqualTo("PAYMENT_DECLINED");
  }

  @Test
  void transientChargeFailures_areRetriedWithTheSameRequestId_untilTheChargeSucceeds() {
    saga.tasks().script("ChargePayment", fails(TRANSIENT), fails(TRANSIENT));

    run = saga.run();

    assertThat(run.steps())
        .containsExactly(
            "ReserveStock", "ChargePayment", "ChargePayment", "ChargePayment", "ConfirmOrder");
    assertThat(run.status()).isEqualTo("SUCCEEDED");
  }

  @Test
  void transientChargeFailure_thatOutlastsTheRetries_refundsReleasesAndCancels() {
    saga.tasks().failAlways("ChargePayment", TRANSIENT);

    run = saga.run();

    assertThat(run.steps())
        .containsExactlyElementsOf(
            concat(
                List.of("ReserveStock"),
                Collections.nCopies(FORWARD_TRIES, "ChargePayment"),
                List.of("RefundPayment", "ReleaseStock", "CancelOrder")));
    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(run.result().cause()).isEqualTo("The payment could not be completed.");
  }

  @Test
  void confirmFailing_undoesTheChargeAndTheReservation_inReverse() {
    saga.tasks().script("ConfirmOrder", fails(BUG));

    run = saga.run();

    assertThat(run.steps())
        .containsExactly(
            "ReserveStock",
            "ChargePayment",
            "ConfirmOrder",
            "RefundPayment",
            "ReleaseStock",
            "CancelOrder");
    assertThat(run.error()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(run.result().cause()).isEqualTo("The order could not be confirmed.");
  }

  @Test
  void reservationFailing_releasesWhatItMayHaveReserved_thenCancels() {
    saga.tasks().script("ReserveStock", fails(BUG));

    run = saga.run();

    assertThat(run.steps()).containsExactly("ReserveStock", "ReleaseStock", "CancelOrder");
    assertThat(run.error()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(run.result().cause()).isEqualTo("Stock could not be reserved.");
  }

  @Test
  void exhaustedCompensation_sendsTheOperatorMessageToTheDlq_andFailsAsCompensationFailed() {
    saga.tasks().script("ChargePayment", fails(DECLINED)).failAlways("ReleaseStock", TRANSIENT);

    run = saga.run();

    assertThat(run.steps())
        .containsExactlyElementsOf(
            concat(
                List.of("ReserveStock", "ChargePayment"),
                Collections.nCopies(COMPENSATION_TRIES, "ReleaseStock"),
                List.of(SagaTasks.DLQ_STEP)));
    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error()).isEqualTo("COMPENSATION_FAILED");
    assertThat(run.result().cause()).startsWith("ReleaseStock exhausted its retries");
    assertThat(run.pendingInDlqMessage()).containsExactly("ReleaseStock", "CancelOrder");
    assertThat(run.dlqMessages())
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.get("executionName").asText()).isEqualTo(Saga.orderId());
              assertThat(message.get("executionArn").asText()).endsWith(":" + Saga.orderId());
              assertThat(message.get("step").asText()).isEqualTo("ReleaseStock");
              assertThat(message.get("error").asText()).isEqualTo(TRANSIENT);
              assertThat(message.get("cause").asText()).contains("\"errorType\":\"" + TRANSIENT);
              assertThat(message.at("/reason/code").asText()).isEqualTo("PAYMENT_DECLINED");
              assertThat(message.get("input")).isEqualTo(Saga.orderPlaced());
            });
  }

  @Test
  void dlqUnreachable_stillFailsTheExecution_afterRetryingTheSend() {
    saga.tasks()
        .script("ReserveStock", fails(OUT_OF_STOCK))
        .failAlways("CancelOrder", BUG)
        .dlqUnreachable();

    run = saga.run();

    assertThat(run.attempts("CancelOrder")).isEqualTo(1);
    assertThat(run.attempts(SagaTasks.DLQ_STEP)).isEqualTo(7);
    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error()).isEqualTo("COMPENSATION_FAILED");
    assertThat(run.result().cause())
        .contains("CancelOrder")
        .contains("could not be reached (SQS.SdkClientException)");
  }

  @Test
  void transientCompensationFailures_areRetriedLongerThanAForwardStepWould() {
    List<SagaTasks.Answer> sixFailures = Collections.nCopies(6, fails(TRANSIENT));
    saga.tasks()
        .script("ChargePayment", fails(DECLINED))
        .script("ReleaseStock", sixFailures.toArray(SagaTasks.Answer[]::new));

    run = saga.run();

    assertThat(run.attempts("ReleaseStock")).isEqualTo(7).isGreaterThan(FORWARD_TRIES);
    assertThat(run.steps()).endsWith("ReleaseStock", "CancelOrder");
    assertThat(run.error()).isEqualTo("PAYMENT_DECLINED");
  }

  @Test
  void aCompensationWhoseForwardStepNeverAnswered_stillRunsWithItsRequestId() {
    saga.tasks()
        .failAlways("ChargePayment", "Lambda.ServiceException")
        .script("RefundPayment", returns("{\"refunded\": false}"));

    run = saga.run();

    assertThat(run.attempts("ChargePayment")).isEqualTo(FORWARD_TRIES);
    assertThat(run.callsOf("RefundPayment")).singleElement();
    assertThat(run.result().error()).isEqualTo("SERVICE_UNAVAILABLE");
  }

  @SafeVarargs
  static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all;
  }
}
