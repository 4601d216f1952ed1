package org.atriumcrm.shop.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * WooCommerce's webhooks (REST API v3 payloads): signed with HMAC-SHA256 of the raw body in
 * {@code X-WC-Webhook-Signature}, named by {@code X-WC-Webhook-Topic} and {@code X-WC-Webhook-Delivery-ID}. When a
 * webhook is saved, WooCommerce pings its URL with the form body {@code webhook_id=<n>} and no signature.
 */
final class WooCommerce implements ShopPlatform {
    static final String ID = "woocommerce";
    private static final Pattern PING = Pattern.compile("webhook_id=\\d+");
    /** Order statuses that undo the order in the CRM. */
    private static final Set<String> UNDONE = Set.of("cancelled", "refunded", "failed", "trash");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "WooCommerce";
    }

    @Override
    public boolean ping(Map<String, String> headers, byte[] body) {
        return headers.get("x-wc-webhook-topic") == null && body.length < 64
                && PING.matcher(new String(body, StandardCharsets.US_ASCII).strip()).matches();
    }

    @Override
    public boolean signed(Map<String, String> headers, byte[] body, String secret) {
        return ShopPlatform.sameSignature(headers.get("x-wc-webhook-signature"), body, secret);
    }

    @Override
    public String deliveryKey(Map<String, String> headers, JsonNode body) {
        return headers.get("x-wc-webhook-delivery-id");
    }

    @Override
    public String topic(Map<String, String> headers, JsonNode body) {
        return headers.get("x-wc-webhook-topic");
    }

    @Override
    public Intent intent(String topic) {
        if (topic.startsWith("order.")) {
            return Intent.ORDER;
        }
        return topic.equals("customer.created") || topic.equals("customer.updated") ? Intent.CUSTOMER : Intent.IGNORE;
    }

    @Override
    public ShopOrder order(JsonNode o) {
        String id = ShopPlatform.text(o, "id");
        if (id == null) {
            throw new IllegalArgumentException("the order has no id");
        }
        String status = ShopPlatform.text(o, "status");
        JsonNode billing = o.get("billing");
        JsonNode shipping = o.get("shipping");
        List<ShopOrder.Line> lines = new ArrayList<>();
        JsonNode items = o.get("line_items");
        if (items != null) {
            for (JsonNode item : items) {
                BigDecimal quantity = ShopPlatform.decimal(item, "quantity");
                if (quantity == null || quantity.signum() <= 0) {
                    throw new IllegalArgumentException("line " + ShopPlatform.text(item, "id") + " has no quantity");
                }
                // `total` is the line after discounts, before tax; `price` the same per unit (a float in v3)
                BigDecimal total = ShopPlatform.decimal(item, "total");
                BigDecimal unit = total != null ? total.divide(quantity, 4, RoundingMode.HALF_UP) : ShopPlatform.decimal(item, "price");
                lines.add(new ShopOrder.Line(ShopPlatform.text(item, "sku"), ShopPlatform.text(item, "name"), quantity, unit));
            }
        }
        // order.deleted sends the id alone: the order is gone from the shop
        boolean deleted = status == null && items == null;
        return new ShopOrder(id, ShopPlatform.text(o, "number"), deleted ? "deleted" : status, deleted || status != null && UNDONE.contains(status),
                ShopPlatform.text(o, "currency"), date(ShopPlatform.text(o, "date_created")), buyer(billing),
                address(billing), address(shipping), ShopPlatform.decimal(o, "shipping_total"), ShopPlatform.text(o, "customer_note"), lines);
    }

    @Override
    public ShopOrder.Customer customer(JsonNode c) {
        JsonNode billing = c.get("billing");
        ShopOrder.Customer fromBilling = buyer(billing);
        String email = ShopPlatform.text(c, "email");
        return new ShopOrder.Customer(email != null ? email : fromBilling.email(), fromBilling.phone(),
                first(ShopPlatform.text(c, "first_name"), fromBilling.firstName()), first(ShopPlatform.text(c, "last_name"), fromBilling.lastName()),
                fromBilling.company(), fromBilling.city());
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static ShopOrder.Customer buyer(JsonNode billing) {
        return new ShopOrder.Customer(ShopPlatform.text(billing, "email"), ShopPlatform.text(billing, "phone"),
                ShopPlatform.text(billing, "first_name"), ShopPlatform.text(billing, "last_name"), ShopPlatform.text(billing, "company"),
                ShopPlatform.text(billing, "city"));
    }

    private static String address(JsonNode a) {
        if (a == null) {
            return null;
        }
        return ShopPlatform.address(ShopPlatform.text(a, "country"), ShopPlatform.text(a, "state"), ShopPlatform.text(a, "city"),
                ShopPlatform.text(a, "address_1"), ShopPlatform.text(a, "address_2"), ShopPlatform.text(a, "postcode"));
    }

    /** WooCommerce dates are the shop's local time without a zone ({@code 2026-12-07T10:15:30}). */
    private static LocalDate date(String s) {
        if (s == null || s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date_created is no date: " + s);
        }
    }
}
