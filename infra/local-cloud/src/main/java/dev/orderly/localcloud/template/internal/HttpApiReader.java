package dev.orderly.localcloud.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.localcloud.template.HttpApiSpec;
import dev.orderly.localcloud.template.HttpApiSpec.JwtAuthorizer;
import dev.orderly.localcloud.template.HttpApiSpec.Route;
import dev.orderly.localcloud.template.HttpApiSpec.Throttling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@code AWS::Serverless::HttpApi}. Supported: Auth (JWT Authorizers with IdentitySource
 * and JwtConfiguration issuer/audience; DefaultAuthorizer), DefaultRouteSettings and RouteSettings
 * (throttling; DetailedMetricsEnabled, LoggingLevel, DataTraceEnabled accepted), and accepted
 * without effect: Description, FailOnWarnings, AccessLogSettings, StageName, Tags,
 * DisableExecuteApiEndpoint. Routes come from the functions' HttpApi events.
 */
final class HttpApiReader {
  private static final String DEFAULT_IDENTITY_SOURCE = "$request.header.Authorization";

  private record Settings(Optional<Double> rate, Optional<Integer> burst) {
    static final Settings NONE = new Settings(Optional.empty(), Optional.empty());
  }

  private final String logicalId;
  private final String apiId;
  private final Where where;
  private final Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
  private final Optional<String> defaultAuthorizer;

  /** Each authorizer's AuthorizationScopes: the scopes of its routes that name none. */
  private final Map<String, List<String>> authorizerScopes = new HashMap<>();

  private final Settings defaults;
  private final Map<String, Settings> routeSettings = new LinkedHashMap<>();

  HttpApiReader(RawResource r, TemplateContext context) {
    this.logicalId = r.logicalId();
    this.where = r.where();
    this.apiId = context.identity(logicalId, where).name();
    Props p = Props.of(context.resolveProperties(r), where);
    p.accept(
        "Description",
        "FailOnWarnings",
        "AccessLogSettings",
        "StageName",
        "Tags",
        "DisableExecuteApiEndpoint");
    Optional<String> defaultName = Optional.empty();
    Optional<Props> auth = p.object("Auth");
    if (auth.isPresent()) {
      Optional<Props> all = auth.get().object("Authorizers");
      if (all.isPresent()) {
        for (String name : all.get().keys()) {
          authorizers.put(name, authorizer(name, all.get().requiredObject(name)));
        }
        all.get().done();
      }
      defaultName = auth.get().string("DefaultAuthorizer");
      if (defaultName.isPresent() && !authorizers.containsKey(defaultName.get())) {
        throw auth.get()
            .where("DefaultAuthorizer")
            .fail("names no authorizer: " + defaultName.get());
      }
      auth.get().done();
    }
    this.defaultAuthorizer = defaultName;
    this.defaults =
        p.object("DefaultRouteSettings").map(HttpApiReader::settings).orElse(Settings.NONE);
    Optional<Props> routes = p.object("RouteSettings");
    if (routes.isPresent()) {
      for (String routeKey : routes.get().keys()) {
        routeSettings.put(routeKey, settings(routes.get().requiredObject(routeKey)));
      }
    }
    p.done();
  }

  private JwtAuthorizer authorizer(String name, Props p) {
    String identitySource = p.string("IdentitySource").orElse(DEFAULT_IDENTITY_SOURCE);
    if (!identitySource.equals(DEFAULT_IDENTITY_SOURCE)) {
      throw p.where("IdentitySource")
          .fail("only " + DEFAULT_IDENTITY_SOURCE + " is supported by the local cloud");
    }
    Props jwt = p.requiredObject("JwtConfiguration");
    String issuer = jwt.requiredString("issuer");
    JsonNode audienceNode =
        jwt.node("audience").orElseThrow(() -> jwt.where("audience").fail("is required"));
    List<String> audience = new ArrayList<>();
    if (audienceNode.isArray()) {
      audienceNode.forEach(a -> audience.add(Json.scalar(a, jwt.where("audience"))));
    } else {
      audience.add(Json.scalar(audienceNode, jwt.where("audience")));
    }
    jwt.done();
    authorizerScopes.put(name, p.strings("AuthorizationScopes"));
    p.done();
    return new JwtAuthorizer(name, identitySource, issuer, audience);
  }

  private static Settings settings(Props p) {
    Optional<Double> rate = p.decimal("ThrottlingRateLimit");
    Optional<Integer> burst = p.integer("ThrottlingBurstLimit").stream().boxed().findFirst();
    p.accept("DetailedMetricsEnabled", "LoggingLevel", "DataTraceEnabled");
    p.done();
    return new Settings(rate, burst);
  }

  String logicalId() {
    return logicalId;
  }

  /** The API with the routes of its functions' events. */
  HttpApiSpec build(List<FunctionReader.HttpEvent> events) {
    List<Route> routes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (FunctionReader.HttpEvent event : events) {
      String routeKey = event.method() + " " + event.path();
      if (!keys.add(routeKey)) {
        throw event.where().fail("route " + routeKey + " of " + logicalId + " is defined twice");
      }
      Optional<JwtAuthorizer> authorizer = authorizerOf(event);
      List<String> scopes =
          authorizer.isEmpty() || !event.authorizationScopes().isEmpty()
              ? event.authorizationScopes()
              : authorizerScopes.getOrDefault(authorizer.get().name(), List.of());
      Settings route = routeSettings.getOrDefault(routeKey, Settings.NONE);
      routes.add(
          new Route(
              event.method(),
              event.path(),
              event.functionLogicalId(),
              event.functionName(),
              authorizer,
              scopes,
              throttling(route)));
    }
    for (String routeKey : routeSettings.keySet()) {
      if (!keys.contains(routeKey)) {
        throw where.at("RouteSettings").at(routeKey).fail("names no route of the API");
      }
    }
    return new HttpApiSpec(
        logicalId, apiId, authorizers, defaultAuthorizer, throttling(Settings.NONE), routes);
  }

  private Optional<JwtAuthorizer> authorizerOf(FunctionReader.HttpEvent event) {
    Optional<String> name = event.authorizer().or(() -> defaultAuthorizer);
    if (name.isEmpty() || name.get().equals("NONE")) {
      return Optional.empty();
    }
    JwtAuthorizer authorizer = authorizers.get(name.get());
    if (authorizer == null) {
      throw event
          .where()
          .fail("Auth.Authorizer " + name.get() + " is not an authorizer of " + logicalId);
    }
    if (!name.equals(defaultAuthorizer)) {
      throw event
          .where()
          .fail(
              "Auth.Authorizer "
                  + name.get()
                  + ": the local cloud verifies every route of "
                  + logicalId
                  + " with its DefaultAuthorizer"
                  + defaultAuthorizer.map(d -> " (" + d + ")").orElse(", which it lacks"));
    }
    return Optional.of(authorizer);
  }

  private Throttling throttling(Settings route) {
    double rate = route.rate().or(defaults::rate).orElse(Throttling.ACCOUNT_DEFAULT.rateLimit());
    int burst = route.burst().or(defaults::burst).orElse(Throttling.ACCOUNT_DEFAULT.burstLimit());
    return new Throttling(rate, burst);
  }
}
