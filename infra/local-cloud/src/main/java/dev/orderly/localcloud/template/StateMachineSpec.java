package dev.orderly.localcloud.template;

import java.util.Objects;

/**
 * An {@code AWS::Serverless::StateMachine}: its ASL definition (from DefinitionUri or Definition)
 * with DefinitionSubstitutions applied, as JSON text that parses.
 *
 * @param type STANDARD or EXPRESS
 * @param loggingLevel ALL, ERROR, FATAL or OFF (the default)
 */
public record StateMachineSpec(
    String logicalId,
    String name,
    String arn,
    String type,
    String definition,
    String loggingLevel,
    boolean includeExecutionData,
    boolean tracingEnabled) {
  public StateMachineSpec {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(loggingLevel, "loggingLevel");
  }
}
