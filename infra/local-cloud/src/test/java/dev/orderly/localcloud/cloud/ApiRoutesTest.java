package dev.orderly.localcloud.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.localcloud.api.RouteSpec;
import dev.orderly.localcloud.template.HttpApiSpec;
import dev.orderly.localcloud.template.LocalSettings;
import dev.orderly.localcloud.template.TemplateReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A template's routes reach the local HTTP API with their authorization and scopes. */
class ApiRoutesTest {
  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Api:
          Type: AWS::Serverless::HttpApi
          Properties:
            Auth:
              DefaultAuthorizer: Jwt
              Authorizers:
                Jwt:
                  AuthorizationScopes: [orders/read]
                  JwtConfiguration: {issuer: https://issuer.example, audience: [orderly]}
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: fn
            Handler: dev.example.Handler::handleRequest
            Runtime: java17
            CodeUri: target/example.jar
            Events:
              Inherits: {Type: HttpApi, Properties: {ApiId: {"Ref": Api}, Method: GET, Path: /a}}
              OwnScopes:
                Type: HttpApi
                Properties:
                  ApiId: {"Ref": Api}
                  Method: POST
                  Path: /a
                  Auth: {Authorizer: Jwt, AuthorizationScopes: [orders/write]}
              Open:
                Type: HttpApi
                Properties: {ApiId: {"Ref": Api}, Method: GET, Path: /health, Auth: {Authorizer: NONE}}
      """;

  @Test
  void routes_carryTheirAuthorizationAndScopes_theAuthorizersWhenTheyNameNone() {
    HttpApiSpec api =
        TemplateReader.read(TEMPLATE, "test.yaml", Path.of("."), Map.of(), LocalSettings.defaults())
            .httpApis()
            .get("Api");
    Map<String, RouteSpec> routes = new java.util.TreeMap<>();
    api.routes().forEach(r -> routes.put(r.routeKey(), TemplateWiring.routeSpec(r)));

    assertThat(routes)
        .containsOnly(
            Map.entry("GET /a", RouteSpec.of("GET /a", "fn").withScopes("orders/read")),
            Map.entry("POST /a", RouteSpec.of("POST /a", "fn").withScopes("orders/write")),
            Map.entry("GET /health", RouteSpec.of("GET /health", "fn").withoutAuthorization()));
  }
}
