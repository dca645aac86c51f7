package dev.orderly.orderviews.persistence;

import dev.orderly.orderviews.domain.CancelReason;
import dev.orderly.orderviews.domain.Money;
import dev.orderly.orderviews.domain.OrderStatus;
import dev.orderly.orderviews.domain.OrderView;
import dev.orderly.orderviews.domain.StatusChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The view item, mapped by hand: {@code pk = T#<t>#VIEW#<orderId>}, {@code sk = VIEW}; {@code
 * gsi1pk = T#<t>} and {@code gsi1sk = <placedAt>#<orderId>} for the {@code byTenant} index, set
 * only once the placement is known (a sparse index: a view built from a confirmation that overtook
 * its placement is not listed until the placement arrives). Each history entry is its own
 * attribute, {@code hist#<version>}, so that a late event adds its entry with {@code if_not_exists}
 * in the same update, without reading the item and without a list to merge into.
 */
final class ViewItems {
  static final String SK = "VIEW";
  static final String INDEX = "byTenant";
  static final String HISTORY_PREFIX = "hist#";

  /** Fixed width, so that the index sorts by time: {@code Instant.toString()} drops zero millis. */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ViewItems() {}

  static String partition(String tenant) {
    return "T#" + tenant;
  }

  static Map<String, AttributeValue> key(String tenant, String orderId) {
    return Map.of(
        "pk", AttributeValue.fromS(partition(tenant) + "#VIEW#" + orderId),
        "sk", AttributeValue.fromS(SK));
  }

  static String sortKey(Instant placedAt, String orderId) {
    return SORTABLE.format(placedAt) + "#" + orderId;
  }

  static String historyAttribute(long version) {
    return HISTORY_PREFIX + String.format("%010d", version);
  }

  static AttributeValue historyEntry(StatusChange change) {
    Map<String, AttributeValue> entry = new HashMap<>();
    entry.put("version", AttributeValue.fromN(Long.toString(change.version())));
    entry.put("status", AttributeValue.fromS(change.status().name()));
    entry.put("at", AttributeValue.fromS(change.at().toString()));
    change
        .reason()
        .ifPresent(
            reason ->
                entry.put(
                    "reason",
                    AttributeValue.fromM(
                        Map.of(
                            "code", AttributeValue.fromS(reason.code()),
                            "detail", AttributeValue.fromS(reason.detail())))));
    return AttributeValue.fromM(entry);
  }

  static OrderView toView(Map<String, AttributeValue> item) {
    List<StatusChange> history = new ArrayList<>();
    item.forEach(
        (name, value) -> {
          if (name.startsWith(HISTORY_PREFIX)) {
            history.add(toChange(value.m()));
          }
        });
    Optional<Money> amount =
        item.containsKey("total") && item.containsKey("currency")
            ? Optional.of(
                new Money(Long.parseLong(item.get("total").n()), item.get("currency").s()))
            : Optional.empty();
    return new OrderView(
        item.get("orderId").s(),
        item.get("customerId").s(),
        Optional.ofNullable(item.get("customerName")).map(AttributeValue::s),
        OrderStatus.valueOf(item.get("status").s()),
        amount,
        Optional.ofNullable(item.get("placedAt")).map(v -> Instant.parse(v.s())),
        history,
        Long.parseLong(item.get("version").n()));
  }

  private static StatusChange toChange(Map<String, AttributeValue> entry) {
    AttributeValue reason = entry.get("reason");
    return new StatusChange(
        Long.parseLong(entry.get("version").n()),
        OrderStatus.valueOf(entry.get("status").s()),
        Instant.parse(entry.get("at").s()),
        reason == null
            ? Optional.empty()
            : Optional.of(
                new CancelReason(reason.m().get("code").s(), reason.m().get("detail").s())));
  }
}
