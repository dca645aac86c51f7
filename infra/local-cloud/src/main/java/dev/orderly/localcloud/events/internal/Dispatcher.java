package dev.orderly.localcloud.events.internal;

import dev.orderly.localcloud.events.DelayScheduler;
import dev.orderly.localcloud.events.EventTarget;
import dev.orderly.localcloud.events.RetryPolicy;
import dev.orderly.localcloud.events.TargetDeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Delivers matched events to targets off the PutEvents thread: renders the input, calls the target,
 * retries retryable failures with backoff under the target's {@link RetryPolicy}, and sends what
 * cannot be delivered to the target's DLQ, with the message attributes EventBridge adds
 * (EventBridge User Guide, "Event retry policy and using dead-letter queues",
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html): {@code RULE_ARN},
 * {@code TARGET_ARN}, {@code ERROR_CODE}, {@code ERROR_MESSAGE}, and when a retry limit ended it
 * {@code EXHAUSTED_RETRY_CONDITION} ({@code MaximumRetryAttempts} or {@code
 * MaximumEventAgeInSeconds}) and {@code RETRY_ATTEMPTS}. The DLQ message body is the original
 * event. Without a DLQ an undeliverable event is logged and counted as dropped.
 */
public final class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final int MAX_DEAD_LETTER_ATTEMPTS = 10;

  private final Executor executor;
  private final DelayScheduler scheduler;
  private final Clock clock;
  private final Backoff backoff;
  private final TargetRouter router;
  private final Counters counters;
  private final InFlight inFlight;

  public Dispatcher(
      Executor executor,
      DelayScheduler scheduler,
      Clock clock,
      Backoff backoff,
      TargetRouter router,
      Counters counters,
      InFlight inFlight) {
    this.executor = executor;
    this.scheduler = scheduler;
    this.clock = clock;
    this.backoff = backoff;
    this.router = router;
    this.counters = counters;
    this.inFlight = inFlight;
  }

  /** One event for one target of a rule it matched. */
  private static final class Job {
    final Rule rule;
    final Target target;
    final RenderContext context;
    String input;
    int retries;
    int deadLetterAttempts;
    String lastCode = "UNKNOWN";
    String lastMessage = "";

    Job(Rule rule, Target target, RenderContext context) {
      this.rule = rule;
      this.target = target;
      this.context = context;
    }

    RetryPolicy policy() {
      return target.spec().retryPolicy();
    }

    Instant expiry() {
      return context.ingested().plusSeconds(policy().maximumEventAgeInSeconds());
    }
  }

  /** Queues the delivery of {@code context.event()} to {@code target}. */
  public void dispatch(Rule rule, Target target, RenderContext context) {
    inFlight.begin();
    run(new Job(rule, target, context));
  }

  private void run(Job job) {
    try {
      executor.execute(() -> attempt(job));
    } catch (RejectedExecutionException e) {
      giveUp(job, "INTERNAL_ERROR", "the bus is shutting down", null);
    }
  }

  private void attempt(Job job) {
    if (clock.instant().isAfter(job.expiry())) {
      giveUp(job, job.lastCode, job.lastMessage, "MaximumEventAgeInSeconds");
      return;
    }
    CompletionStage<Void> delivery;
    try {
      if (job.input == null) {
        job.input = job.target.renderer().render(job.context);
      }
      String arn = job.target.spec().arn();
      EventTarget target = router.target(arn);
      delivery = target.deliver(arn, job.input);
    } catch (RenderException e) {
      delivery = CompletableFuture.failedFuture(e.asDeliveryFailure());
    } catch (RuntimeException e) {
      delivery = CompletableFuture.failedFuture(e);
    }
    delivery.whenCompleteAsync(
        (ok, error) -> {
          if (error == null) {
            counters.delivered.incrementAndGet();
            inFlight.end();
          } else {
            failed(job, error);
          }
        },
        executor);
  }

  private void failed(Job job, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    boolean retryable = true;
    if (cause instanceof TargetDeliveryException delivery) {
      job.lastCode = delivery.errorCode();
      retryable = delivery.retryable();
    } else {
      job.lastCode = "INTERNAL_ERROR";
    }
    job.lastMessage = String.valueOf(cause.getMessage());
    if (!retryable) {
      giveUp(job, job.lastCode, job.lastMessage, null);
    } else if (job.retries >= job.policy().maximumRetryAttempts()) {
      giveUp(job, job.lastCode, job.lastMessage, "MaximumRetryAttempts");
    } else {
      Duration delay = backoff.delay(job.retries + 1);
      if (clock.instant().plus(delay).isAfter(job.expiry())) {
        giveUp(job, job.lastCode, job.lastMessage, "MaximumEventAgeInSeconds");
        return;
      }
      job.retries++;
      counters.retried.incrementAndGet();
      try {
        scheduler.schedule(delay, () -> run(job));
      } catch (RejectedExecutionException e) {
        giveUp(job, job.lastCode, "the bus is shutting down", null);
      }
    }
  }

  private void giveUp(Job job, String code, String message, String exhausted) {
    String ruleArn = job.rule.arn();
    String targetArn = job.target.spec().arn();
    String deadLetterArn = job.target.spec().deadLetterArn();
    boolean ended = true;
    try {
      if (deadLetterArn == null) {
        counters.dropped.incrementAndGet();
        LOG.warning(
            () ->
                "Dropped event "
                    + job.context.event().path("id").asText()
                    + " for target "
                    + targetArn
                    + " of rule "
                    + ruleArn
                    + " (no DLQ): "
                    + code
                    + " "
                    + message);
        return;
      }
      Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
      attributes.put("RULE_ARN", text(ruleArn));
      attributes.put("TARGET_ARN", text(targetArn));
      attributes.put("ERROR_CODE", text(code));
      attributes.put("ERROR_MESSAGE", text(message.isEmpty() ? code : message));
      if (exhausted != null) {
        attributes.put("EXHAUSTED_RETRY_CONDITION", text(exhausted));
        attributes.put("RETRY_ATTEMPTS", text(Integer.toString(job.retries)));
      }
      router.sendToDeadLetterQueue(deadLetterArn, job.context.event().toString(), attributes);
      counters.deadLettered.incrementAndGet();
      LOG.info(() -> "Event for " + targetArn + " sent to DLQ " + deadLetterArn + ": " + code);
    } catch (RuntimeException e) {
      if (e instanceof TargetDeliveryException delivery
          && delivery.retryable()
          && job.deadLetterAttempts < MAX_DEAD_LETTER_ATTEMPTS) {
        // the DLQ did not answer: try it again later rather than lose the event
        job.deadLetterAttempts++;
        try {
          scheduler.schedule(
              backoff.delay(job.deadLetterAttempts), () -> giveUp(job, code, message, exhausted));
          ended = false;
          return;
        } catch (RejectedExecutionException shuttingDown) {
          // fall through: dropped below
        }
      }
      counters.dropped.incrementAndGet();
      LOG.log(
          Level.SEVERE,
          "Dropped event for " + targetArn + ": its DLQ " + deadLetterArn + " failed",
          e);
    } finally {
      if (ended) {
        inFlight.end();
      }
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
