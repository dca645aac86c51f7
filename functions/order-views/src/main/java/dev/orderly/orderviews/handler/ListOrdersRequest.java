package dev.orderly.orderviews.handler;

import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.FieldViolation;
import dev.orderly.orderviews.domain.PageSize;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /orders?limit=&cursor=} read from the request: the caller's tenant, the page size
 * (1–100, default 20; anything else is VALIDATION_FAILED on {@code limit}) and the cursor, opaque
 * here and checked against the tenant by the store.
 */
public record ListOrdersRequest(String tenant, PageSize size, Optional<String> cursor) {
  public static ListOrdersRequest of(ApiRequest request) {
    String tenant = request.tenant();
    Optional<String> limit = request.query("limit");
    PageSize size = PageSize.DEFAULT;
    if (limit.isPresent()) {
      size = parse(limit.get().trim());
    }
    return new ListOrdersRequest(tenant, size, request.query("cursor"));
  }

  private static PageSize parse(String limit) {
    long value;
    try {
      value = Long.parseLong(limit);
    } catch (NumberFormatException e) {
      value = Long.MIN_VALUE;
    }
    if (!PageSize.allows(value)) {
      throw ApiException.invalid(
          List.of(
              new FieldViolation(
                  "limit", "must be an integer between " + PageSize.MIN + " and " + PageSize.MAX)));
    }
    return new PageSize((int) value);
  }
}
