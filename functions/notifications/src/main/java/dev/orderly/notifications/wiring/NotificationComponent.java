package dev.orderly.notifications.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.orderly.idempotency.batch.SqsBatchProcessor;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.notifications.domain.EmailSender;
import dev.orderly.notifications.domain.NotificationService;
import javax.inject.Singleton;

/**
 * The object graph of {@code NotificationHandler}, built once per function instance. {@link
 * #emailSender()} lets the local cloud read what a {@code LocalEmailSender} recorded.
 */
@Singleton
@Component(modules = NotificationsModule.class)
public interface NotificationComponent {
  NotificationService notifications();

  SqsBatchProcessor batches();

  EmailSender emailSender();

  StructuredLog log();

  /**
   * Built from the function's environment; its clock only where tests or the local cloud set it.
   */
  @Component.Builder
  interface Builder {
    @BindsInstance
    Builder environment(Environment environment);

    Builder sourcesModule(SourcesModule sources);

    NotificationComponent build();
  }
}
