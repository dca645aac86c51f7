package dev.orderly.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderly.contracts.ContractReadme;
import dev.orderly.contracts.Repository;
import dev.orderly.contracts.events.SampleEvents.SampleEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One JSON Schema per domain event, and every event in the samples valid against its schema; each
 * schema rejects what breaks the contract (a missing required field, a wrong type or format, an
 * unknown envelope member) and accepts an added optional field, the one change evolution allows.
 */
class EventSchemasTest {
  static Stream<SampleEvent> sampleEvents() {
    return SampleEvents.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleEvents")
  void everySampleEvent_validatesAgainstItsSchema_andComesFromItsSource(SampleEvent event) {
    assertThat(EventSchemas.violations(event.detailType(), event.detail())).isEmpty();
    assertThat(event.source()).isEqualTo(ContractReadme.eventSources().get(event.detailType()));
  }

  @Test
  void theSchemas_areTheReadmesEvents_eachWithASample() {
    assertThat(EventSchemas.detailTypes())
        .containsExactlyInAnyOrderElementsOf(ContractReadme.eventSources().keySet());
    assertThat(SampleEvents.all().stream().map(SampleEvent::detailType).distinct())
        .containsExactlyInAnyOrderElementsOf(EventSchemas.detailTypes());
  }

  @Test
  void everySchema_isA2020_12Schema_namedForItsDetailType_withTheSameEnvelope() {
    JsonNode metadata = null;
    for (Path file : EventSchemas.files()) {
      JsonNode schema = Repository.json(file);
      String type = EventSchemas.detailType(file);
      assertThat(schema.get("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.get("$id").asText())
          .isEqualTo("https://orderly.dev/events/" + type + ".schema.json");
      assertThat(schema.get("title").asText()).isEqualTo(type);
      assertThat(schema.get("required")).hasSize(2);
      metadata = metadata == null ? schema.at("/$defs/metadata") : metadata;
      assertThat(schema.at("/$defs/metadata")).as("metadata of %s", type).isEqualTo(metadata);
    }
  }

  /** A valid detail of each type, from the samples. */
  static JsonNode valid(String detailType) {
    return SampleEvents.all().stream()
        .filter(e -> e.detailType().equals(detailType))
        .findFirst()
        .orElseThrow()
        .detail();
  }

  static Stream<Arguments> requiredFields() {
    List<Arguments> cases = new ArrayList<>();
    for (String type : EventSchemas.detailTypes()) {
      JsonNode schema = Repository.json(EventSchemas.DIRECTORY.resolve(type + ".schema.json"));
      for (String pointer : RequiredFields.of(schema, valid(type))) {
        cases.add(Arguments.of(type, Mutation.remove(pointer)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("requiredFields")
  void removingARequiredField_makesTheEventInvalid(String detailType, Mutation mutation) {
    JsonNode broken = mutation.applyTo(valid(detailType));

    assertThat(EventSchemas.violations(detailType, broken)).isNotEmpty();
  }

  static Stream<Arguments> breakages() {
    List<Mutation> everywhere =
        List.of(
            Mutation.set("occurredAt not a date-time", "/metadata/occurredAt", "\"yesterday\""),
            Mutation.set("schemaVersion 0", "/metadata/schemaVersion", "0"),
            Mutation.set("schemaVersion as text", "/metadata/schemaVersion", "\"1\""),
            Mutation.set("a tenant that breaks key prefixes", "/metadata/tenantId", "\"a#b\""),
            Mutation.set("an empty eventId", "/metadata/eventId", "\"\""),
            Mutation.set("an unknown envelope member", "/extra", "{}"),
            Mutation.set("data not an object", "/data", "[]"));
    Map<String, List<Mutation>> specific =
        Map.of(
            "OrderPlaced",
                List.of(
                    Mutation.set("no lines", "/data/lines", "[]"),
                    Mutation.set("quantity 1001", "/data/lines/0/quantity", "1001"),
                    Mutation.set("unitPrice 0", "/data/lines/0/unitPrice", "0"),
                    Mutation.set("a fractional price", "/data/lines/0/unitPrice", "12.5"),
                    Mutation.set("currency in lower case", "/data/currency", "\"eur\""),
                    Mutation.set("version 2", "/data/version", "2")),
            "OrderConfirmed", List.of(Mutation.set("total 0", "/data/total", "0")),
            "OrderCancelled",
                List.of(
                    Mutation.set("a code with spaces", "/data/reason/code", "\"out of stock\"")),
            "StockReserved", List.of(Mutation.set("quantity 0", "/data/lines/0/quantity", "0")),
            "StockReleased", List.of(Mutation.set("no lines", "/data/lines", "[]")),
            "PaymentCharged", List.of(Mutation.set("a negative amount", "/data/amount", "-5")),
            "PaymentRefunded", List.of(Mutation.set("currency EURO", "/data/currency", "\"EURO\"")),
            "UserRegistered",
                List.of(Mutation.set("an email without @", "/data/email", "\"ada.example.com\"")),
            "UserUpdated", List.of(Mutation.set("an empty name", "/data/name", "\"\"")));
    List<Arguments> cases = new ArrayList<>();
    for (String type : EventSchemas.detailTypes()) {
      everywhere.forEach(m -> cases.add(Arguments.of(type, m)));
      specific.get(type).forEach(m -> cases.add(Arguments.of(type, m)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("breakages")
  void anEventThatBreaksTheContract_isRejected(String detailType, Mutation mutation) {
    assertThat(EventSchemas.violations(detailType, valid(detailType))).isEmpty();

    assertThat(EventSchemas.violations(detailType, mutation.applyTo(valid(detailType))))
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.orderly.contracts.events.EventSchemas#detailTypes")
  void anAddedOptionalField_keepsTheEventValid(String detailType) {
    JsonNode evolved =
        Mutation.set("a new data field", "/data/giftWrap", "{\"note\": \"for Ada\"}")
            .applyTo(
                Mutation.set("a new metadata field", "/metadata/causationId", "\"e-0\"")
                    .applyTo(valid(detailType)));

    assertThat(EventSchemas.violations(detailType, evolved)).isEmpty();
  }
}
