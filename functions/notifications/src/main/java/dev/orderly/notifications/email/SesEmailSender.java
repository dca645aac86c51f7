package dev.orderly.notifications.email;

import dev.orderly.notifications.domain.EmailMessage;
import dev.orderly.notifications.domain.EmailSender;
import java.util.Objects;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Mail through Amazon SES (API v2, {@code SendEmail} with simple content) from one verified sender
 * address. SES errors propagate: the event fails and is redelivered, throttling included.
 */
public final class SesEmailSender implements EmailSender {
  private static final String UTF_8 = "UTF-8";

  private final SesV2Client ses;
  private final String fromAddress;

  public SesEmailSender(SesV2Client ses, String fromAddress) {
    this.ses = Objects.requireNonNull(ses, "ses");
    this.fromAddress = Objects.requireNonNull(fromAddress, "fromAddress");
  }

  @Override
  public String send(EmailMessage message) {
    return ses.sendEmail(
            b ->
                b.fromEmailAddress(fromAddress)
                    .destination(d -> d.toAddresses(message.to()))
                    .content(
                        c ->
                            c.simple(
                                m ->
                                    m.subject(s -> s.data(message.subject()).charset(UTF_8))
                                        .body(
                                            body ->
                                                body.text(
                                                    t -> t.data(message.body()).charset(UTF_8))))))
        .messageId();
  }
}
