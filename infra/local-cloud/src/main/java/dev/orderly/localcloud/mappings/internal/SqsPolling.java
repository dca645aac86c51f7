package dev.orderly.localcloud.mappings.internal;

import dev.orderly.localcloud.mappings.MappingStats;
import dev.orderly.localcloud.spi.FunctionNotFoundException;
import dev.orderly.localcloud.spi.InvokeResult;
import dev.orderly.localcloud.spi.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS pollers for one mapping: pollers gather batches (up to the batch size or until the
 * batching window closes) while holding one of {@code maximumConcurrency} permits, and hand each
 * batch to an invocation; a batch's outcome decides which of its messages are deleted.
 */
public final class SqsPolling {
  private static final Logger LOG = Logger.getLogger(SqsPolling.class.getName());
  private static final long REFILL_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final SqsSettings settings;
  private final Counters counters = new Counters();
  private final Semaphore permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService pollers;
  private final ExecutorService invocations;
  private volatile boolean running;

  public SqsPolling(SqsSettings settings) {
    this.settings = settings;
    this.permits = new Semaphore(settings.maximumConcurrency());
    this.pollers = Executors.newFixedThreadPool(settings.pollers(), Threads.named("sqs-poller"));
    this.invocations = Executors.newCachedThreadPool(Threads.named("sqs-invoke"));
  }

  public void start() {
    running = true;
    for (int i = 0; i < settings.pollers(); i++) {
      pollers.execute(this::pollLoop);
    }
  }

  public MappingStats stats() {
    return counters.snapshot();
  }

  private void pollLoop() {
    while (running) {
      try {
        if (!permits.tryAcquire(settings.pollWait().toMillis(), TimeUnit.MILLISECONDS)) {
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      List<Message> batch;
      try {
        batch = gather();
      } catch (SdkException e) {
        LOG.log(Level.WARNING, "ReceiveMessage failed on " + settings.queueUrl(), e);
        batch = List.of();
      }
      if (batch.isEmpty()) {
        permits.release();
        continue;
      }
      List<Message> ready = batch;
      inFlight.incrementAndGet();
      invocations.execute(
          () -> {
            try {
              handle(ready);
            } catch (RuntimeException e) {
              LOG.log(Level.SEVERE, "batch handling failed on " + settings.queueUrl(), e);
            } finally {
              release();
            }
          });
    }
  }

  private void release() {
    inFlight.decrementAndGet();
    permits.release();
  }

  /**
   * Receives until the batch is full or the window (opened by the first message) closes. Inside the
   * window it pauses between receives: on a busy queue an immediate re-receive returns as soon as
   * one more message arrives, which cost one ReceiveMessage per message.
   */
  private List<Message> gather() {
    List<Message> batch = new ArrayList<>();
    long deadline = 0;
    while (batch.size() < settings.batchSize()) {
      int waitSeconds;
      if (batch.isEmpty()) {
        waitSeconds = (int) settings.pollWait().toSeconds();
      } else {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0 || !pause(Math.min(remaining, REFILL_PAUSE_NANOS))) {
          break;
        }
        waitSeconds = 0;
      }
      int max = Math.min(10, settings.batchSize() - batch.size());
      List<Message> received =
          settings
              .sqs()
              .receiveMessage(
                  b ->
                      b.queueUrl(settings.queueUrl())
                          .maxNumberOfMessages(max)
                          .waitTimeSeconds(waitSeconds)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                          .messageAttributeNames("All"))
              .messages();
      if (batch.isEmpty()) {
        if (received.isEmpty()) {
          return batch;
        }
        deadline = System.nanoTime() + settings.batchingWindow().toNanos();
      }
      batch.addAll(received);
      if (settings.batchingWindow().isZero()) {
        break;
      }
    }
    return batch;
  }

  /** Waits while the batching window fills; false when interrupted (the mapping is stopping). */
  private static boolean pause(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void handle(List<Message> batch) {
    counters.invoked(batch.size());
    byte[] event = SqsEventJson.event(batch, settings.queueArn(), settings.region());
    InvokeResult result;
    try {
      result = settings.invoker().invoke(settings.functionName(), event);
    } catch (TooManyRequestsException | FunctionNotFoundException e) {
      LOG.log(
          Level.INFO,
          "invocation of {0} did not run: {1}",
          new Object[] {settings.functionName(), e.getMessage()});
      failed(batch, settings.failedVisibility());
      return;
    }
    if (result.failed()) {
      failed(
          batch, result.timedOut() ? settings.timedOutVisibility() : settings.failedVisibility());
      return;
    }
    if (!settings.reportBatchItemFailures()) {
      delete(batch);
      return;
    }
    Set<String> ids = new HashSet<>();
    batch.forEach(m -> ids.add(m.messageId()));
    BatchResponse response = BatchResponse.parse(result.payload(), ids);
    if (response instanceof BatchResponse.Invalid invalid) {
      LOG.log(
          Level.WARNING,
          "invalid batch response from {0}: {1}",
          new Object[] {settings.functionName(), invalid.reason()});
      failed(batch, settings.failedVisibility());
    } else if (response instanceof BatchResponse.ItemsFailed items) {
      Set<String> failedIds = Set.copyOf(items.identifiers());
      List<Message> failed = new ArrayList<>();
      List<Message> succeeded = new ArrayList<>();
      for (Message message : batch) {
        (failedIds.contains(message.messageId()) ? failed : succeeded).add(message);
      }
      delete(succeeded);
      failed(failed, settings.failedVisibility());
    } else {
      delete(batch);
    }
  }

  private void failed(List<Message> messages, Duration visibility) {
    counters.failures.incrementAndGet();
    if (visibility == null || messages.isEmpty()) {
      return;
    }
    for (List<Message> chunk : chunks(messages)) {
      settings
          .sqs()
          .changeMessageVisibilityBatch(
              b ->
                  b.queueUrl(settings.queueUrl())
                      .entries(
                          IntStream.range(0, chunk.size())
                              .mapToObj(
                                  i ->
                                      ChangeMessageVisibilityBatchRequestEntry.builder()
                                          .id(Integer.toString(i))
                                          .receiptHandle(chunk.get(i).receiptHandle())
                                          .visibilityTimeout((int) visibility.toSeconds())
                                          .build())
                              .toList()));
    }
  }

  private void delete(List<Message> messages) {
    for (List<Message> chunk : chunks(messages)) {
      settings
          .sqs()
          .deleteMessageBatch(
              b ->
                  b.queueUrl(settings.queueUrl())
                      .entries(
                          IntStream.range(0, chunk.size())
                              .mapToObj(
                                  i ->
                                      DeleteMessageBatchRequestEntry.builder()
                                          .id(Integer.toString(i))
                                          .receiptHandle(chunk.get(i).receiptHandle())
                                          .build())
                              .toList()));
    }
  }

  private static List<List<Message>> chunks(List<Message> messages) {
    List<List<Message>> chunks = new ArrayList<>();
    for (int i = 0; i < messages.size(); i += 10) {
      chunks.add(messages.subList(i, Math.min(messages.size(), i + 10)));
    }
    return chunks;
  }

  /** Idle: nothing gathered or invoking, and the queue holds no message, visible or not. */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (queueEmpty() && inFlight.get() == 0) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private boolean queueEmpty() {
    Map<QueueAttributeName, String> attributes =
        settings
            .sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(settings.queueUrl())
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes();
    return attributes.values().stream().allMatch("0"::equals);
  }

  /** Stops the pollers (each finishes its current receive) and waits for in-flight batches. */
  public void close() {
    running = false;
    pollers.shutdown();
    Threads.await(pollers, settings.pollWait().plus(settings.batchingWindow()).plusSeconds(5));
    invocations.shutdown();
    Threads.await(invocations, Duration.ofSeconds(30));
  }
}
