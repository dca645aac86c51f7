package dev.orderly.localcloud.template;

import java.util.Objects;
import java.util.Optional;

/**
 * The SSM parameters a template's dynamic references ({@code {{resolve:ssm:name}}}) read: the local
 * cloud's are the state directory's {@code parameters.json}, which its SSM also serves.
 */
@FunctionalInterface
public interface SsmParameters {
  /** No parameters: every {@code ssm} reference fails. */
  SsmParameters NONE = name -> Optional.empty();

  /** The parameter's current version, if there is one. */
  Optional<Parameter> get(String name);

  /** A parameter: {@code type} String, StringList (its value comma-separated) or SecureString. */
  record Parameter(String type, String value, long version) {
    public Parameter {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
    }
  }
}
