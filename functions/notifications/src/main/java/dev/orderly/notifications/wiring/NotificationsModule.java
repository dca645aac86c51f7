package dev.orderly.notifications.wiring;

import dagger.Module;
import dagger.Provides;
import dev.orderly.idempotency.Idempotency;
import dev.orderly.idempotency.batch.SqsBatchProcessor;
import dev.orderly.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.orderly.lambda.aws.AwsClients;
import dev.orderly.lambda.aws.AwsSettings;
import dev.orderly.lambda.config.Environment;
import dev.orderly.lambda.log.StructuredLog;
import dev.orderly.notifications.domain.EmailSender;
import dev.orderly.notifications.domain.NotificationService;
import dev.orderly.notifications.email.Backoff;
import dev.orderly.notifications.email.LocalEmailSender;
import dev.orderly.notifications.email.SesEmailSender;
import dev.orderly.notifications.handler.EventPayloads;
import dev.orderly.notifications.persistence.DynamoDbNotificationsTable;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The notification function's graph. The SES sender is built only when mail goes through SES, so
 * the local sender needs neither a sender address nor SES settings.
 */
@Module(includes = SourcesModule.class)
public final class NotificationsModule {
  private NotificationsModule() {}

  @Provides
  @Singleton
  static NotificationsConfig config(Environment env) {
    return NotificationsConfig.from(env);
  }

  @Provides
  @Singleton
  static SdkHttpClient http(Environment env) {
    return AwsClients.httpClient(AwsSettings.from(env, "DYNAMODB"));
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamo(Environment env, SdkHttpClient http) {
    return AwsClients.build(DynamoDbClient.builder(), AwsSettings.from(env, "DYNAMODB"), http);
  }

  /**
   * SES settings are read only when mail goes through SES. SES has its own HTTP client: {@code
   * SendEmail} takes no idempotency token, so an attempt cut off by a timeout may have sent the
   * mail and its retry sends it again; its read timeout ({@code
   * ORDERLY_AWS_ATTEMPT_TIMEOUT_MS_SESV2} in the template) is therefore far longer than DynamoDB's.
   */
  @Provides
  @Singleton
  static EmailSender emailSender(NotificationsConfig config, Environment env, Clock clock) {
    if (config.sender() == NotificationsConfig.Sender.LOCAL) {
      return new LocalEmailSender(config.fromAddress());
    }
    AwsSettings ses = AwsSettings.from(env, "SESV2");
    return new SesEmailSender(
        AwsClients.httpClient(ses), ses, config.fromAddress(), clock, Backoff.standard());
  }

  @Provides
  @Singleton
  static DynamoDbNotificationsTable table(DynamoDbClient dynamo, NotificationsConfig config) {
    return new DynamoDbNotificationsTable(dynamo, config.notificationsTable());
  }

  @Provides
  @Singleton
  static NotificationService service(
      EmailSender sender, DynamoDbNotificationsTable table, Clock clock) {
    return new NotificationService(sender, table, table, clock);
  }

  /** Deduplicates on the event's eventId; "the same payload" means the same detail. */
  @Provides
  @Singleton
  static SqsBatchProcessor batches(DynamoDbClient dynamo, NotificationsConfig config, Clock clock) {
    return SqsBatchProcessor.builder(
            Idempotency.builder(
                    DynamoDbIdempotencyStore.builder(dynamo, config.idempotencyTable()).build())
                .clock(clock)
                .payloadHash(EventPayloads.detailHash())
                .build())
        .build();
  }

  @Provides
  @Singleton
  static StructuredLog log(Clock clock) {
    return new StructuredLog("notifications", clock, System.out);
  }
}
