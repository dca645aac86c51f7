package dev.orderly.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancellationReasonTest {

  @ParameterizedTest(name = "lenient(''{0}'', ''{1}'') -> {2} / ''{3}''")
  @CsvSource(
      value = {
        "OUT_OF_STOCK, SKU-1, OUT_OF_STOCK, SKU-1",
        "NULL, NULL, UNSPECIFIED, ''",
        "'   ', detail, UNSPECIFIED, detail",
        "' PAYMENT_DECLINED ', '', PAYMENT_DECLINED, ''",
      },
      nullValues = "NULL")
  void lenient_makesAnyReasonAcceptable(
      String code, String detail, String expectedCode, String expectedDetail) {
    CancellationReason reason = CancellationReason.lenient(code, detail);

    assertThat(reason.code()).isEqualTo(expectedCode);
    assertThat(reason.detail()).isEqualTo(expectedDetail);
  }

  @Test
  void lenient_cutsOverlongCodeAndDetail() {
    CancellationReason reason = CancellationReason.lenient("C".repeat(100), "d".repeat(5000));

    assertThat(reason.code()).hasSize(CancellationReason.MAX_CODE_LENGTH);
    assertThat(reason.detail()).hasSize(CancellationReason.MAX_DETAIL_LENGTH);
  }

  @Test
  void constructor_refusesWhatLenientWouldRepair() {
    assertThatIllegalArgumentException().isThrownBy(() -> new CancellationReason(" ", "d"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CancellationReason("C".repeat(65), "d"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CancellationReason("C", "d".repeat(1025)));
    assertThat(new CancellationReason("C".repeat(64), "d".repeat(1024)).code()).hasSize(64);
  }
}
