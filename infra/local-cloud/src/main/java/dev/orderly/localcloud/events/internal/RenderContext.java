package dev.orderly.localcloud.events.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** What a target's input is rendered from: the event and the rule it matched. */
public record RenderContext(ObjectNode event, String ruleName, String ruleArn, Instant ingested) {}
