package dev.orderly.orderviews.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.http.ApiHandling;
import dev.orderly.lambda.http.ApiRequest;
import dev.orderly.lambda.http.ApiResponses;
import dev.orderly.lambda.log.Invocation;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.orderviews.domain.OrderQueries;
import dev.orderly.orderviews.domain.ViewPage;
import dev.orderly.orderviews.wiring.DaggerListOrdersComponent;
import dev.orderly.orderviews.wiring.ListOrdersComponent;
import java.util.Map;

/** {@code GET /orders}: the caller tenant's orders from the read model, newest first, paged. */
public final class ListOrdersHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final OrderQueries queries;
  private final StructuredLog log;

  public ListOrdersHandler() {
    this(DaggerListOrdersComponent.builder().environment(Environment.system()).build());
  }

  public ListOrdersHandler(ListOrdersComponent component) {
    this.queries = component.queries();
    this.log = component.log();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Invocation invocation = log.begin(context, ApiRequest.of(event).correlationId());
    return ApiHandling.handle(
        event,
        invocation,
        request -> {
          ListOrdersRequest list = ListOrdersRequest.of(request);
          ViewPage page = queries.list(list.tenant(), list.size(), list.cursor());
          invocation.info("orders listed", Map.of("count", page.items().size()));
          return ApiResponses.json(200, ViewJson.page(page), request.correlationId());
        });
  }
}
