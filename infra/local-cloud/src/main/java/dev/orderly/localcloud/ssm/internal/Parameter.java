package dev.orderly.localcloud.ssm.internal;

import java.time.Instant;

/** One parameter as SSM holds it: type String, StringList or SecureString, with its version. */
record Parameter(String name, String type, String value, long version, Instant lastModified) {
  Parameter next(String type, String value, Instant now) {
    return new Parameter(name, type, value, version + 1, now);
  }
}
