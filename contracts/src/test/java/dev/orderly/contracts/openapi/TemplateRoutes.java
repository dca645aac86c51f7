package dev.orderly.contracts.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.Repository;
import java.util.LinkedHashSet;
import java.util.Set;

/** The routes of template.yaml's HttpApi events, read independently of the template tests. */
final class TemplateRoutes {
  private TemplateRoutes() {}

  static Set<String> all() {
    Set<String> routes = new LinkedHashSet<>();
    JsonNode template = Repository.yaml(Repository.path("template.yaml"));
    template
        .get("Resources")
        .forEach(
            resource ->
                resource
                    .at("/Properties/Events")
                    .forEach(
                        event -> {
                          if (event.path("Type").asText().equals("HttpApi")) {
                            JsonNode p = event.get("Properties");
                            routes.add(p.get("Method").asText() + " " + p.get("Path").asText());
                          }
                        }));
    return routes;
  }
}
