package dev.orderly.lambda.saga;

import dev.orderly.lambda.http.ErrorCode;
import java.util.List;

/** ReserveStock could not reserve every line: nothing was reserved. Names the short SKUs. */
public final class OutOfStock extends SagaError {
  private static final long serialVersionUID = 1L;

  private final List<String> skus;

  public OutOfStock(List<String> skus) {
    super(ErrorCode.OUT_OF_STOCK, "OUT_OF_STOCK: not enough stock for " + String.join(", ", skus));
    this.skus = List.copyOf(skus);
  }

  public List<String> skus() {
    return skus;
  }
}
