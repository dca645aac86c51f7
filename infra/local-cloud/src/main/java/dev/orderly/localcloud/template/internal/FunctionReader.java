package dev.orderly.localcloud.template.internal;

import dev.orderly.localcloud.template.FunctionSpec;
import dev.orderly.localcloud.template.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads an {@code AWS::Serverless::Function}. Supported properties: FunctionName, Description,
 * CodeUri, Handler, Runtime (Java runtimes), MemorySize, Timeout, Environment.Variables,
 * ReservedConcurrentExecutions, Architectures, Tracing, Policies and Tags (accepted, not enforced),
 * Events (HttpApi here; SQS, DynamoDB and EventBridgeRule through {@link SamEvents}).
 */
final class FunctionReader {
  private static final List<String> RUNTIMES = List.of("java8.al2", "java11", "java17", "java21");
  private static final List<String> GENERATED_EVENT_TYPES =
      List.of("SQS", "DynamoDB", "EventBridgeRule");

  /** A function's HttpApi event: a route of the API it names. */
  record HttpEvent(
      Where where,
      String apiLogicalId,
      String method,
      String path,
      Optional<String> authorizer,
      List<String> authorizationScopes,
      String functionLogicalId,
      String functionName) {}

  record Result(FunctionSpec spec, List<HttpEvent> httpEvents) {}

  private FunctionReader() {}

  static Result read(RawResource r, TemplateContext context) {
    Identity identity = context.identity(r.logicalId(), r.where());
    Props p = Props.of(context.resolveProperties(r), r.where());
    p.accept("FunctionName", "Description", "Policies", "Tags");
    String runtime = p.requiredString("Runtime");
    if (!RUNTIMES.contains(runtime)) {
      throw p.where("Runtime")
          .fail("runtime " + runtime + " is not supported by the local cloud (Java runtimes only)");
    }
    String handler = p.requiredString("Handler");
    String codeUri = p.requiredString("CodeUri");
    int memory = p.integer("MemorySize", 128, 128, 10_240);
    int timeout = p.integer("Timeout", 3, 1, 900);
    Map<String, String> environment =
        p.object("Environment")
            .map(
                env -> {
                  Map<String, String> variables = env.stringMap("Variables");
                  env.done();
                  return variables;
                })
            .orElseGet(Map::of);
    OptionalInt reserved = p.integer("ReservedConcurrentExecutions");
    if (reserved.isPresent() && reserved.getAsInt() < 0) {
      throw p.where("ReservedConcurrentExecutions").fail("must not be negative");
    }
    List<String> architectures = p.strings("Architectures");
    for (String architecture : architectures) {
      if (!architecture.equals("x86_64") && !architecture.equals("arm64")) {
        throw p.where("Architectures").fail("must be x86_64 or arm64, not " + architecture);
      }
    }
    Optional<String> tracing = p.string("Tracing");
    List<HttpEvent> httpEvents = new ArrayList<>();
    p.object("Events").ifPresent(events -> readEvents(events, identity, context, httpEvents));
    p.done();
    FunctionSpec spec =
        new FunctionSpec(
            r.logicalId(),
            identity.name(),
            identity.arn(),
            handler,
            runtime,
            codeUri,
            memory,
            timeout,
            environment,
            reserved,
            architectures.isEmpty() ? List.of("x86_64") : architectures,
            tracing);
    return new Result(spec, httpEvents);
  }

  private static void readEvents(
      Props events, Identity function, TemplateContext context, List<HttpEvent> out) {
    for (String name : events.keys()) {
      Props event = events.requiredObject(name);
      String type = event.requiredString("Type");
      if (GENERATED_EVENT_TYPES.contains(type)) {
        event.accept("Properties");
        continue;
      }
      Props p = event.requiredObject("Properties");
      event.done();
      String apiLogicalId =
          p.string("ApiId")
              .map(
                  id ->
                      context
                          .find(
                              id,
                              ResourceIndex.kinds(ResourceKind.HTTP_API),
                              p.where("ApiId"),
                              "ApiId")
                          .logicalId())
              .orElse(SamEvents.IMPLICIT_API);
      String method = p.requiredString("Method").toUpperCase(Locale.ROOT);
      String path = p.requiredString("Path");
      if (!path.startsWith("/")) {
        throw p.where("Path").fail("must start with /: " + path);
      }
      Optional<String> authorizer = Optional.empty();
      List<String> scopes = List.of();
      Optional<Props> auth = p.object("Auth");
      if (auth.isPresent()) {
        authorizer = auth.get().string("Authorizer");
        scopes = auth.get().strings("AuthorizationScopes");
        auth.get().done();
      }
      p.oneOf("PayloadFormatVersion", "2.0", "2.0");
      if (p.integer("TimeoutInMillis", 30_000, 50, 30_000) != 30_000) {
        throw p.where("TimeoutInMillis")
            .fail("only the default 30000 is supported by the local cloud");
      }
      p.done();
      out.add(
          new HttpEvent(
              p.where(),
              apiLogicalId,
              method,
              path,
              authorizer,
              scopes,
              function.logicalId(),
              function.name()));
    }
  }
}
