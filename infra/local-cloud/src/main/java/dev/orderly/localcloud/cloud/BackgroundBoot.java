package dev.orderly.localcloud.cloud;

import dev.orderly.localcloud.sqs.LocalSqs;
import dev.orderly.localcloud.template.LocalTemplate;
import dev.orderly.localcloud.template.QueueSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What the local cloud's boot runs on threads of its own while the engine and the other services
 * start, the tables are made and the state machines loaded: ElasticMQ takes most of a second to
 * start and the template's queues a few hundred ms more, and the template a few hundred ms to read.
 * If either fails, what was started is stopped and the failure is thrown as it was raised.
 */
final class BackgroundBoot {
  private final ExecutorService threads =
      Executors.newFixedThreadPool(
          2,
          task -> {
            Thread thread = new Thread(task, "boot");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
  private final CompletableFuture<LocalSqs> starting;
  private final CompletableFuture<LocalTemplate> reading;
  private final CompletableFuture<LocalSqs> withQueues;

  BackgroundBoot(Supplier<LocalSqs> sqs, Supplier<LocalTemplate> template) {
    starting = CompletableFuture.supplyAsync(sqs, threads);
    reading = CompletableFuture.supplyAsync(template, threads);
    withQueues = starting.thenCombineAsync(reading, this::createQueues, threads);
  }

  LocalTemplate template() {
    return joined(reading);
  }

  /** SQS once the template's queues exist. */
  LocalSqs sqsWithQueues() {
    LocalSqs sqs = joined(withQueues);
    threads.shutdown();
    return sqs;
  }

  /** The URL CreateQueue answered for each template queue, by name, as they are created. */
  Map<String, String> queueUrls() {
    return queueUrls;
  }

  private <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      withQueues.cancel(false);
      starting.thenAccept(LocalSqs::close);
      threads.shutdown();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private LocalSqs createQueues(LocalSqs sqs, LocalTemplate template) {
    // Dead-letter queues first: a RedrivePolicy names an existing queue. Within each kind the
    // queues are created at once: each CreateQueue waits mostly on ElasticMQ, not on this JVM.
    List<QueueSpec> deadLetters = new ArrayList<>();
    List<QueueSpec> sources = new ArrayList<>();
    for (QueueSpec queue : template.queues().values()) {
      (queue.redrive().isPresent() ? sources : deadLetters).add(queue);
    }
    ExecutorService creating =
        Executors.newFixedThreadPool(
            Math.max(1, Math.max(deadLetters.size(), sources.size())),
            task -> {
              Thread thread = new Thread(task, "sqs-boot-queue");
              thread.setDaemon(true);
              return thread;
            });
    try {
      createAtOnce(sqs, deadLetters, creating);
      createAtOnce(sqs, sources, creating);
    } finally {
      creating.shutdown();
    }
    return sqs;
  }

  private void createAtOnce(LocalSqs sqs, List<QueueSpec> queues, ExecutorService creating) {
    List<CompletableFuture<Void>> created = new ArrayList<>();
    for (QueueSpec queue : queues) {
      created.add(
          CompletableFuture.runAsync(
              () -> queueUrls.put(queue.name(), sqs.createQueue(spec(queue))), creating));
    }
    CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).join();
  }

  private static dev.orderly.localcloud.sqs.QueueSpec spec(QueueSpec queue) {
    return new dev.orderly.localcloud.sqs.QueueSpec(
        queue.name(),
        queue.visibilityTimeoutSeconds(),
        queue.messageRetentionPeriodSeconds(),
        queue.delaySeconds(),
        queue.fifo(),
        queue
            .redrive()
            .map(
                r ->
                    new dev.orderly.localcloud.sqs.QueueSpec.DeadLetter(
                        r.deadLetterQueue().name(), r.maxReceiveCount()))
            .orElse(null));
  }
}
