package dev.orderly.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.notifications.domain.EmailMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalEmailSenderTest {
  private final LocalEmailSender sender = new LocalEmailSender("from@orderly.local");

  @Test
  void send_recordsEachMailInOrderWithItsId() {
    String first = sender.send(new EmailMessage("a@b.co", "one", "body 1"));
    String second = sender.send(new EmailMessage("C@d.co", "two", "body 2"));

    assertThat(first).isEqualTo("local-1");
    assertThat(second).isEqualTo("local-2");
    assertThat(sender.sent())
        .containsExactly(
            new RecordedEmail("local-1", "from@orderly.local", "a@b.co", "one", "body 1"),
            new RecordedEmail("local-2", "from@orderly.local", "C@d.co", "two", "body 2"));
    assertThat(sender.sentTo("c@D.co")).extracting(RecordedEmail::subject).containsExactly("two");
  }

  @Test
  void sent_isASnapshot_andClearEmpties() {
    sender.send(new EmailMessage("a@b.co", "one", "body"));
    List<RecordedEmail> snapshot = sender.sent();

    sender.clear();

    assertThat(snapshot).hasSize(1);
    assertThat(sender.sent()).isEmpty();
  }

  @Test
  void concurrentSends_areAllRecordedWithDistinctIds() throws Exception {
    int threads = 8;
    int each = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    sender.send(new EmailMessage("t" + thread + "@b.co", "mail " + i, "body"));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(sender.sent()).hasSize(threads * each);
    assertThat(sender.sent()).extracting(RecordedEmail::messageId).doesNotHaveDuplicates();
    assertThat(sender.sentTo("t3@b.co")).hasSize(each);
  }
}
