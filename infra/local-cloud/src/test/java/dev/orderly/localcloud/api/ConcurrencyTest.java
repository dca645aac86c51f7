package dev.orderly.localcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hundreds of authorized requests, many in flight, each answered once and correctly. */
class ConcurrencyTest {
  static final String ISSUER = "https://orderly.local/dev";

  @Test
  void manyConcurrentAuthorizedRequests_areAllServed() throws Exception {
    // given
    DevKeys keys = DevKeys.generate();
    RecordingInvoker functions = new RecordingInvoker();
    functions.answer(
        "get-order",
        event ->
            RecordingInvoker.ok(
                "{\"statusCode\":200,\"body\":\""
                    + event.get("pathParameters").get("id").textValue()
                    + "\"}"));
    String token =
        new DevTokens(keys, ISSUER, "orderly-api", java.time.Clock.systemUTC())
            .mint("tenant-a", "user-1", Duration.ofMinutes(5));
    try (LocalHttpApi api =
        LocalHttpApi.builder()
            .functions(functions)
            .threads(16)
            .jwt(ISSUER, List.of("orderly-api"), keys)
            .route(RouteSpec.of("GET /orders/{id}", "get-order"))
            .build()) {
      Http http = new Http(api.start());
      Semaphore inFlight = new Semaphore(32);
      Set<String> requestIds = ConcurrentHashMap.newKeySet();
      int requests = 400;

      // when
      List<CompletableFuture<Boolean>> answers =
          IntStream.range(0, requests)
              .mapToObj(
                  i -> {
                    inFlight.acquireUninterruptibly();
                    return http.client()
                        .sendAsync(
                            http.request("/orders/o-" + i)
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> inFlight.release())
                        .thenApply(
                            response -> {
                              response
                                  .headers()
                                  .firstValue("apigw-requestid")
                                  .ifPresent(requestIds::add);
                              return response.statusCode() == 200
                                  && response.body().equals("o-" + i);
                            });
                  })
              .toList();
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      // then
      assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isTrue());
      assertThat(requestIds).hasSize(requests);
      assertThat(functions.calls()).hasSize(requests);
    }
  }
}
