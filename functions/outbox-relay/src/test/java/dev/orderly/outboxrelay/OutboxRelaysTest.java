package dev.orderly.outboxrelay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which table a stream batch belongs to, read from its source ARN. */
class OutboxRelaysTest {
  @ParameterizedTest
  @CsvSource({
    "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-05-01T10:00:00.000, orders",
    "arn:aws:dynamodb:eu-west-1:123456789012:table/orderly-users_v2.x/stream/label, orderly-users_v2.x",
    "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/t/stream/l, t"
  })
  void tableOf_readsTheTableNameFromAStreamArn(String arn, String table) {
    assertThat(OutboxRelays.tableOf(arn)).isEqualTo(table);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
        "arn:aws:sqs:us-east-1:123456789012:queue",
        "table/orders/stream/x",
        ""
      })
  void tableOf_refusesWhatIsNotAStreamArn(String arn) {
    assertThatThrownBy(() -> OutboxRelays.tableOf(arn)).isInstanceOf(UnknownStreamException.class);
  }

  @Test
  void batchMixingTwoStreams_isRefused() {
    DynamodbEvent batch = new DynamodbEvent();
    DynamodbEvent.DynamodbStreamRecord a = new DynamodbEvent.DynamodbStreamRecord();
    a.setEventSourceARN("arn:aws:dynamodb:us-east-1:1:table/orders/stream/l");
    DynamodbEvent.DynamodbStreamRecord b = new DynamodbEvent.DynamodbStreamRecord();
    b.setEventSourceARN("arn:aws:dynamodb:us-east-1:1:table/users/stream/l");
    batch.setRecords(List.of(a, b));

    assertThatThrownBy(() -> new OutboxRelays(Map.of()).relay(batch))
        .isInstanceOf(UnknownStreamException.class)
        .hasMessageContaining("one stream");
  }

  @Test
  void recordWithoutSource_isRefused() {
    DynamodbEvent batch = new DynamodbEvent();
    batch.setRecords(List.of(new DynamodbEvent.DynamodbStreamRecord()));

    assertThatThrownBy(() -> new OutboxRelays(Map.of()).relay(batch))
        .isInstanceOf(UnknownStreamException.class);
  }
}
