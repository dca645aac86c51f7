package dev.orderly.notifications.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/**
 * The mails' wording. Amounts are shown in major units with the currency's own number of decimals
 * (JPY none, EUR two, BHD three); cancellation reasons become a sentence for the customer, never
 * the saga's internal detail.
 */
public final class MailTemplates {
  private static final Map<String, String> REASONS =
      Map.of(
          "OUT_OF_STOCK", "some of the items are out of stock",
          "PAYMENT_DECLINED", "the payment was declined");
  private static final String OTHER_REASON = "it could not be completed";

  private MailTemplates() {}

  public static EmailMessage welcome(Customer customer) {
    return new EmailMessage(
        customer.email(),
        "Welcome to Orderly, " + customer.name(),
        "Hello "
            + customer.name()
            + ",\n\nyour Orderly account for "
            + customer.email()
            + " is ready.\n\nThe Orderly team\n");
  }

  public static EmailMessage orderConfirmed(InboundEvent.OrderConfirmed order, Customer customer) {
    return new EmailMessage(
        customer.email(),
        "Your order " + order.orderId() + " is confirmed",
        "Hello "
            + customer.name()
            + ",\n\nwe have confirmed your order "
            + order.orderId()
            + " for "
            + money(order.total(), order.currency())
            + ". We will let you know when it ships.\n\nThe Orderly team\n");
  }

  public static EmailMessage orderCancelled(InboundEvent.OrderCancelled order, Customer customer) {
    return new EmailMessage(
        customer.email(),
        "Your order " + order.orderId() + " was cancelled",
        "Hello "
            + customer.name()
            + ",\n\nwe are sorry: your order "
            + order.orderId()
            + " was cancelled because "
            + reason(order.reasonCode())
            + ". Any payment taken for it is refunded.\n\nThe Orderly team\n");
  }

  /** {@code 12345, "EUR"} is {@code "123.45 EUR"}; an unknown currency code is refused. */
  public static String money(long minorUnits, String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return BigDecimal.valueOf(minorUnits, Math.max(digits, 0)).toPlainString() + " " + currency;
  }

  public static String reason(String code) {
    return REASONS.getOrDefault(code, OTHER_REASON);
  }
}
