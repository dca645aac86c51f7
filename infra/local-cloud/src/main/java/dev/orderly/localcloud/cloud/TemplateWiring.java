package dev.orderly.localcloud.cloud;

import dev.orderly.localcloud.api.DevKeys;
import dev.orderly.localcloud.api.DevTokens;
import dev.orderly.localcloud.api.RouteSpec;
import dev.orderly.localcloud.events.InputTransformerSpec;
import dev.orderly.localcloud.events.RetryPolicy;
import dev.orderly.localcloud.events.TargetSpec;
import dev.orderly.localcloud.ssm.LocalSsm;
import dev.orderly.localcloud.template.HttpApiSpec;
import dev.orderly.localcloud.template.LocalSettings;
import dev.orderly.localcloud.template.LocalTemplate;
import dev.orderly.localcloud.template.RuleSpec;
import dev.orderly.localcloud.template.TemplateException;
import dev.orderly.localcloud.template.TemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How what the template declares becomes what the local services run: its view of the cloud (the
 * SSM parameters its dynamic references read), its one HTTP API and the dev tokens for it, its
 * routes and its rules — every setting carried, none read and then dropped.
 */
final class TemplateWiring {
  private TemplateWiring() {}

  /**
   * The template's view of the local cloud: defaults, and its SSM parameters for {@code resolve}.
   */
  static LocalSettings localSettings(CloudSettings settings) {
    return LocalSettings.defaults()
        .withSsmParameters(LocalSsm.parameters(parametersFile(settings), settings.clock()));
  }

  /** The SSM parameters file: created empty ({@code {}}) the first time, then the user's. */
  static Path parametersFile(CloudSettings settings) {
    Path file = settings.stateDirectory().resolve("parameters.json");
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.writeString(file, "{}\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
    return file;
  }

  /** A template's route as the local API serves it: open, or its authorizer's with its scopes. */
  static RouteSpec routeSpec(HttpApiSpec.Route route) {
    RouteSpec spec = RouteSpec.of(route.routeKey(), route.functionName());
    return route.authorizer().isEmpty()
        ? spec.withoutAuthorization()
        : spec.withScopes(route.authorizationScopes().toArray(String[]::new));
  }

  /** A template's rule as the bus runs it: every target setting and the rule's state carried. */
  static dev.orderly.localcloud.events.RuleSpec busRule(RuleSpec rule) {
    List<TargetSpec> targets = new ArrayList<>();
    for (RuleSpec.Target t : rule.targets()) {
      targets.add(
          new TargetSpec(
              t.id(),
              t.resource().arn(),
              t.inputPath().orElse(null),
              t.inputTransformer()
                  .map(x -> new InputTransformerSpec(x.inputPathsMap(), x.inputTemplate()))
                  .orElse(null),
              new RetryPolicy(
                  t.retryPolicy().maximumRetryAttempts(),
                  t.retryPolicy().maximumEventAgeInSeconds()),
              t.deadLetterQueue().map(q -> q.arn()).orElse(null),
              t.input().orElse(null)));
    }
    return new dev.orderly.localcloud.events.RuleSpec(
        rule.name(),
        rule.busName(),
        rule.eventPattern(),
        targets,
        rule.enabled() ? "ENABLED" : "DISABLED");
  }

  /**
   * Dev tokens for the API a cloud on these settings serves, without starting it ({@code orderly
   * token}): signed with the state directory's key, for the template's DefaultAuthorizer.
   */
  static DevTokens devTokens(CloudSettings settings) {
    HttpApiSpec spec =
        theHttpApi(
            TemplateReader.read(
                settings.template(), settings.templateParameters(), localSettings(settings)));
    return devTokens(
        settings, devKeys(settings), spec.authorizers().get(spec.defaultAuthorizer().get()));
  }

  static DevTokens devTokens(
      CloudSettings settings, DevKeys keys, HttpApiSpec.JwtAuthorizer authorizer) {
    return new DevTokens(keys, authorizer.issuer(), authorizer.audience().get(0), settings.clock());
  }

  static DevKeys devKeys(CloudSettings settings) {
    return DevKeys.loadOrCreate(settings.stateDirectory().resolve("dev-signing-key.json"));
  }

  /**
   * The template's one HTTP API, with a JWT DefaultAuthorizer: the local cloud serves one API, and
   * mints dev tokens ({@code orderly token}) for its authorizer.
   */
  static HttpApiSpec theHttpApi(LocalTemplate template) {
    if (template.httpApis().size() != 1) {
      throw new TemplateException(
          "Template: the local cloud runs exactly one AWS::Serverless::HttpApi, this one has "
              + (template.httpApis().isEmpty() ? "none" : template.httpApis().keySet()));
    }
    HttpApiSpec spec = template.httpApis().values().iterator().next();
    if (spec.defaultAuthorizer().isEmpty()) {
      throw new TemplateException(
          spec.logicalId()
              + ": Auth.DefaultAuthorizer is required by the local cloud (a JWT authorizer: its"
              + " dev tokens are minted for it)");
    }
    return spec;
  }
}
