package dev.orderly.contracts.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What every run of the saga must show, whichever branch it took. */
final class SagaAssertions {
  /** The forward step whose request id each Lambda step sends. */
  static final Map<String, String> FORWARD_STEP_OF =
      Map.of(
          "ReserveStock", "ReserveStock",
          "ReleaseStock", "ReserveStock",
          "ChargePayment", "ChargePayment",
          "RefundPayment", "ChargePayment",
          "ConfirmOrder", "ConfirmOrder",
          "CancelOrder", "CancelOrder");

  private SagaAssertions() {}

  /**
   * Every attempt sends {@code <orderId>/<ForwardStep>}: retries repeat it, and a compensation
   * sends its forward step's id — with the forward step's whole payload, so that it can undo
   * exactly what that step may have done, even when that step never answered.
   */
  static void compensationsShareTheirForwardStepsRequestId(SagaRun run) {
    String orderId = Saga.orderId();
    for (SagaTasks.Call call : run.calls()) {
      if (!call.step().equals(SagaTasks.DLQ_STEP)) {
        assertThat(call.requestId())
            .as("requestId of %s", call.step())
            .isEqualTo(orderId + "/" + FORWARD_STEP_OF.get(call.step()));
      }
    }
    samePayloads(run, "ReserveStock", "ReleaseStock");
    samePayloads(run, "ChargePayment", "RefundPayment");
  }

  private static void samePayloads(SagaRun run, String forward, String compensation) {
    List<JsonNode> payloads =
        run.calls().stream()
            .filter(c -> c.step().equals(forward) || c.step().equals(compensation))
            .map(SagaTasks.Call::payload)
            .distinct()
            .toList();
    assertThat(payloads)
        .as("the payloads of %s and %s", forward, compensation)
        .hasSizeLessThanOrEqualTo(1);
  }
}
