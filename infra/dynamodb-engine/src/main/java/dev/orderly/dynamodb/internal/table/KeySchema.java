package dev.orderly.dynamodb.internal.table;

import dev.orderly.dynamodb.internal.error.DynamoDbException;
import dev.orderly.dynamodb.internal.value.AttributeValue;
import dev.orderly.dynamodb.internal.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.Map;

/** A partition key and optional sort key, each with its scalar type (S, N or B). */
public record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

  public boolean hasRange() {
    return rangeName != null;
  }

  public boolean isKeyAttribute(String name) {
    return name.equals(hashName) || name.equals(rangeName);
  }

  /** Extracts the key attributes of an item that is known to carry them. */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(2);
    key.put(hashName, item.get(hashName));
    if (hasRange()) {
      key.put(rangeName, item.get(rangeName));
    }
    return key;
  }

  /** True when the item carries both key attributes with the right types (index membership). */
  public boolean covers(Map<String, AttributeValue> item) {
    AttributeValue hash = item.get(hashName);
    if (hash == null || !hash.type().equals(hashType)) {
      return false;
    }
    if (!hasRange()) {
      return true;
    }
    AttributeValue range = item.get(rangeName);
    return range != null && range.type().equals(rangeType);
  }

  /** Validates a Key parameter against this schema, with DynamoDB's messages. */
  public void validateKey(Map<String, AttributeValue> key) {
    if (key == null || key.size() != (hasRange() ? 2 : 1)) {
      throw DynamoDbException.validation("The provided key element does not match the schema");
    }
    validateKeyPiece(key, hashName, hashType, true);
    if (hasRange()) {
      validateKeyPiece(key, rangeName, rangeType, false);
    }
  }

  private static void validateKeyPiece(
      Map<String, AttributeValue> key, String name, String type, boolean isHash) {
    AttributeValue value = key.get(name);
    if (value == null || !value.type().equals(type)) {
      throw DynamoDbException.validation("The provided key element does not match the schema");
    }
    checkEmptyAndSize(value, name, isHash, "One or more parameter values were invalid: ");
  }

  /** Validates the key attributes of a full item (PutItem), with DynamoDB's messages. */
  public void validateItemKey(Map<String, AttributeValue> item) {
    validateItemKeyPiece(item, hashName, hashType, true);
    if (hasRange()) {
      validateItemKeyPiece(item, rangeName, rangeType, false);
    }
  }

  private static void validateItemKeyPiece(
      Map<String, AttributeValue> item, String name, String type, boolean isHash) {
    AttributeValue value = item.get(name);
    if (value == null) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Missing the key " + name + " in the item");
    }
    if (!value.type().equals(type)) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Type mismatch for key "
              + name
              + " expected: "
              + type
              + " actual: "
              + value.type());
    }
    checkEmptyAndSize(value, name, isHash, "One or more parameter values are not valid. ");
  }

  private static void checkEmptyAndSize(
      AttributeValue value, String name, boolean isHash, String emptyPrefix) {
    if (value instanceof AttributeValue.S s && s.value().isEmpty()) {
      throw DynamoDbException.validation(
          emptyPrefix
              + "The AttributeValue for a key attribute cannot contain an empty string value. Key: "
              + name);
    }
    if (value instanceof AttributeValue.B b && b.value().length() == 0) {
      throw DynamoDbException.validation(
          emptyPrefix
              + "The AttributeValue for a key attribute cannot contain an empty binary value. Key: "
              + name);
    }
    int size =
        value instanceof AttributeValue.S s
            ? ItemSize.utf8Length(s.value())
            : value instanceof AttributeValue.B b ? b.value().length() : 0;
    if (isHash && size > 2048) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size"
              + " limit of2048 bytes");
    }
    if (!isHash && size > 1024) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Aggregated size of all range keys has"
              + " exceeded the size limit of 1024 bytes");
    }
  }
}
