package dev.orderly.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Error types named as the Lambda Java runtime names them. */
class LambdaFunctionExceptionTest {
  static final class OutOfStock extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfStock(String message) {
      super(message);
    }
  }

  @Test
  void of_namesTheErrorByTheClassBinaryName() {
    LambdaFunctionException error = LambdaFunctionException.of(new IllegalStateException("closed"));

    assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.errorMessage()).isEqualTo("closed");
    assertThat(error).hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void of_namesANestedClassWithItsDollarSign() {
    LambdaFunctionException error = LambdaFunctionException.of(new OutOfStock("sku-1"));

    assertThat(error.errorType())
        .isEqualTo("dev.orderly.stepfunctions.LambdaFunctionExceptionTest$OutOfStock");
  }

  @Test
  void of_usesTheClassNameAsTheMessageWhenThereIsNone() {
    LambdaFunctionException error = LambdaFunctionException.of(new NullPointerException());

    assertThat(error.errorMessage()).isEqualTo("java.lang.NullPointerException");
  }

  @Test
  void of_keepsAnExplicitError() {
    LambdaFunctionException typed = new LambdaFunctionException("PaymentDeclined", "card expired");

    assertThat(LambdaFunctionException.of(typed)).isSameAs(typed);
    assertThat(typed.errorType()).isEqualTo("PaymentDeclined");
    assertThat(typed.errorMessage()).isEqualTo("card expired");
  }

  @Test
  void constructor_rejectsABlankType() {
    assertThatThrownBy(() -> new LambdaFunctionException(" ", "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("errorType must not be blank");
  }
}
