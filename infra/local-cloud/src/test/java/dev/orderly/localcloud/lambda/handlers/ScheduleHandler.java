package dev.orderly.localcloud.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Reads a scheduled event, whose time the runtime reads as a Joda DateTime. */
public final class ScheduleHandler implements RequestHandler<ScheduledEvent, String> {
  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    return event.getDetailType() + " at " + event.getTime().getMillis();
  }
}
