package dev.orderly.contracts.saga;

import static dev.orderly.contracts.saga.SagaTasks.TRANSIENT;
import static dev.orderly.contracts.saga.SagaTasks.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.contracts.Repository;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The saga task samples in {@code events/} (for {@code sam local invoke -e}) are exactly the
 * payloads the state machine sends for the OrderPlaced sample, so they cannot drift from the
 * definition or from the README's payload table.
 */
class SagaSamplesTest {
  static Stream<Arguments> samples() {
    Consumer<SagaTasks> confirmed = tasks -> {};
    Consumer<SagaTasks> declined =
        tasks -> tasks.script("ChargePayment", fails("dev.orderly.lambda.saga.PaymentDeclined"));
    Consumer<SagaTasks> outOfStock =
        tasks -> tasks.script("ReserveStock", fails("dev.orderly.lambda.saga.OutOfStock"));
    Consumer<SagaTasks> chargeDown = tasks -> tasks.failAlways("ChargePayment", TRANSIENT);
    return Stream.of(
        Arguments.of("ReserveStockFunction", "ReserveStock", confirmed),
        Arguments.of("ChargePaymentFunction", "ChargePayment", confirmed),
        Arguments.of("ConfirmOrderFunction", "ConfirmOrder", confirmed),
        Arguments.of("ReleaseStockFunction", "ReleaseStock", declined),
        Arguments.of("RefundPaymentFunction", "RefundPayment", chargeDown),
        Arguments.of("CancelOrderFunction-out-of-stock", "CancelOrder", outOfStock),
        Arguments.of("CancelOrderFunction-payment-declined", "CancelOrder", declined),
        Arguments.of("CancelOrderFunction-service-unavailable", "CancelOrder", chargeDown));
  }

  @ParameterizedTest(name = "events/{0}.json")
  @MethodSource("samples")
  void theSample_isWhatTheStateMachineSends(
      String sample, String step, Consumer<SagaTasks> branch) {
    Saga saga = new Saga();
    branch.accept(saga.tasks());

    SagaRun run = saga.run();

    assertThat(run.callsOf(step)).isNotEmpty();
    assertThat(run.callsOf(step).get(0).payload())
        .isEqualTo(Repository.json(Repository.path("events/" + sample + ".json")));
  }
}
