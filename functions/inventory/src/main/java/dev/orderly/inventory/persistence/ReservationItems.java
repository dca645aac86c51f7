package dev.orderly.inventory.persistence;

import dev.orderly.inventory.domain.Reservation;
import dev.orderly.inventory.domain.StockLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reservation items, hand-mapped: status, reservation id, and the lines as a list of {@code {sku,
 * quantity}} maps. An order has one reservation item for life, so writing it is conditional on its
 * absence, and releasing it on its still holding stock.
 */
final class ReservationItems {
  private ReservationItems() {}

  /** Writes a new reservation (or a closed marker), failing if the order already has one. */
  static TransactWriteItem create(
      String table, Reservation reservation, String requestId, Instant now) {
    Map<String, AttributeValue> item =
        new HashMap<>(InventoryKeys.reservation(reservation.tenantId(), reservation.orderId()));
    item.put("tenantId", AttributeValue.fromS(reservation.tenantId()));
    item.put("orderId", AttributeValue.fromS(reservation.orderId()));
    item.put("status", AttributeValue.fromS(reservation.status().name()));
    if (reservation.reservationId() != null) {
      item.put("reservationId", AttributeValue.fromS(reservation.reservationId()));
    }
    item.put("lines", AttributeValue.fromL(lines(reservation.lines())));
    item.put("requestId", AttributeValue.fromS(requestId));
    item.put("createdAt", AttributeValue.fromS(now.toString()));
    item.put("updatedAt", AttributeValue.fromS(now.toString()));
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build())
        .build();
  }

  /** Marks a reservation released, if it still holds stock. */
  static TransactWriteItem release(String table, Reservation reservation, Instant now) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(InventoryKeys.reservation(reservation.tenantId(), reservation.orderId()))
                .updateExpression("SET #status = :released, updatedAt = :now")
                .conditionExpression("#status = :reserved")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(
                    Map.of(
                        ":released", AttributeValue.fromS(Reservation.Status.RELEASED.name()),
                        ":reserved", AttributeValue.fromS(Reservation.Status.RESERVED.name()),
                        ":now", AttributeValue.fromS(now.toString())))
                .build())
        .build();
  }

  static Reservation fromItem(Map<String, AttributeValue> item) {
    List<StockLine> lines = new ArrayList<>();
    for (AttributeValue line : item.get("lines").l()) {
      lines.add(
          new StockLine(line.m().get("sku").s(), Integer.parseInt(line.m().get("quantity").n())));
    }
    AttributeValue reservationId = item.get("reservationId");
    return new Reservation(
        item.get("tenantId").s(),
        item.get("orderId").s(),
        reservationId == null ? null : reservationId.s(),
        Reservation.Status.valueOf(item.get("status").s()),
        lines);
  }

  private static List<AttributeValue> lines(List<StockLine> lines) {
    List<AttributeValue> list = new ArrayList<>(lines.size());
    for (StockLine line : lines) {
      list.add(
          AttributeValue.fromM(
              Map.of(
                  "sku", AttributeValue.fromS(line.sku()),
                  "quantity", AttributeValue.fromN(Integer.toString(line.quantity())))));
    }
    return list;
  }
}
