package dev.orderly.localcloud.template;

/** An {@code AWS::Events::EventBus}. Rules without EventBusName are on the "default" bus. */
public record EventBusSpec(String logicalId, String name, String arn) {}
