package dev.orderly.localcloud.template.internal;

import dev.orderly.localcloud.template.ResourceKind;
import dev.orderly.localcloud.template.ResourceRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the template's resource behind a resolved ARN, name or URL (a rule target's Arn, a
 * mapping's EventSourceArn or FunctionName), so that callers get logical ids without parsing ARNs.
 */
final class ResourceIndex {
  private record Entry(ResourceKind kind, Identity identity, String arn) {}

  private final Map<String, List<Entry>> byValue = new HashMap<>();

  void add(Identity identity) {
    put(identity.arn(), identity.kind(), identity, identity.arn());
    put(identity.ref().asText(), identity.kind(), identity, identity.arn());
    put(identity.name(), identity.kind(), identity, identity.arn());
    String streamArn = identity.attributes().get("StreamArn");
    if (streamArn != null) {
      put(streamArn, ResourceKind.TABLE_STREAM, identity, streamArn);
    }
  }

  private void put(String value, ResourceKind kind, Identity identity, String arn) {
    List<Entry> entries = byValue.computeIfAbsent(value, v -> new ArrayList<>());
    Entry entry = new Entry(kind, identity, arn);
    if (!entries.contains(entry)) {
      entries.add(entry);
    }
  }

  /**
   * The resource of one of the kinds that the value names.
   *
   * @param what what the value is for, e.g. "the target"
   */
  ResourceRef find(String value, Set<ResourceKind> kinds, Where where, String what) {
    List<Entry> matches = new ArrayList<>();
    for (Entry entry : byValue.getOrDefault(value, List.of())) {
      if (kinds.contains(entry.kind())) {
        matches.add(entry);
      }
    }
    if (matches.isEmpty()) {
      throw where.fail(
          what
              + " "
              + value
              + " is not a "
              + describe(kinds)
              + " of this template: the local cloud runs only the template's own resources");
    }
    if (matches.size() > 1) {
      throw where.fail(what + " " + value + " is ambiguous: it names several resources");
    }
    Entry entry = matches.get(0);
    return new ResourceRef(
        entry.kind(), entry.identity().logicalId(), entry.identity().name(), entry.arn());
  }

  static Set<ResourceKind> kinds(ResourceKind first, ResourceKind... rest) {
    return EnumSet.of(first, rest);
  }

  private static String describe(Set<ResourceKind> kinds) {
    List<String> names = new ArrayList<>();
    kinds.forEach(k -> names.add(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
    return String.join(" or ", names);
  }
}
