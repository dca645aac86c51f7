package dev.orderly.dynamodb.internal.error;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ValueJson;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A cancelled transaction, with one reason per item in request order ("None" where it passed). */
public final class TransactionCanceledException extends DynamoDbException {
  private static final long serialVersionUID = 1L;

  /** Why one item of a transaction failed; code "None" for an item that would have passed. */
  public record Reason(String code, String message, Map<String, AttributeValue> item) {
    public static final Reason NONE = new Reason("None", null, null);
  }

  private final transient List<Reason> reasons;

  public TransactionCanceledException(List<Reason> reasons) {
    super(
        TRANSACTION_CANCELED,
        "Transaction cancelled, please refer cancellation reasons for specific reasons ["
            + reasons.stream().map(Reason::code).collect(Collectors.joining(", "))
            + "]",
        400);
    this.reasons = List.copyOf(reasons);
  }

  public List<Reason> reasons() {
    return reasons;
  }

  @Override
  public Map<String, Object> extraMembers() {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Reason reason : reasons) {
      ObjectNode node = array.addObject();
      node.put("Code", reason.code());
      if (reason.message() != null) {
        node.put("Message", reason.message());
      }
      if (reason.item() != null) {
        node.set("Item", ValueJson.writeItem(reason.item()));
      }
    }
    return Map.of("CancellationReasons", array);
  }
}
