package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.TargetSpec;

/** A target as the bus keeps it: its spec and its compiled input rendering. */
public record Target(TargetSpec spec, InputRenderer renderer) {
  public Target(TargetSpec spec) {
    this(spec, new InputRenderer(spec));
  }
}
