package dev.orderly.orderviews.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.orderly.lambda.http.ApiException;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.ErrorCode;
import dev.orderly.lambda.http.FieldViolation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The list's query parameters: the limit's range and default, the cursor passed through. */
class ListOrdersRequestTest {
  private static ApiRequest request(String limit) {
    Map<String, String> query = new HashMap<>();
    if (limit != null) {
      query.put("limit", limit);
    }
    query.put("cursor", "abc");
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRouteKey("GET /orders")
            .withRawPath("/orders")
            .withQueryStringParameters(query)
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRequestId("req-1")
                    .withAuthorizer(
                        APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                            .withJwt(
                                APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                    .builder()
                                    .withClaims(Map.of("tenant_id", "t1", "sub", "u1"))
                                    .build())
                            .build())
                    .build())
            .build();
    return ApiRequest.of(event);
  }

  @ParameterizedTest(name = "limit={0} -> {1}")
  @CsvSource(
      value = {"NULL, 20", "'', 20", "1, 1", "100, 100", "' 7 ', 7"},
      nullValues = "NULL")
  void validLimit_givesThePageSize(String limit, int size) {
    ListOrdersRequest list = ListOrdersRequest.of(request(limit));

    assertThat(list.size().value()).isEqualTo(size);
    assertThat(list.tenant()).isEqualTo("t1");
    assertThat(list.cursor()).isEqualTo(Optional.of("abc"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999999999999"})
  void limitOutOfRangeOrNotAnInteger_isAViolationOnLimit(String limit) {
    assertThatThrownBy(() -> ListOrdersRequest.of(request(limit)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(e.violations())
                  .containsExactly(
                      new FieldViolation("limit", "must be an integer between 1 and 100"));
            });
  }
}
