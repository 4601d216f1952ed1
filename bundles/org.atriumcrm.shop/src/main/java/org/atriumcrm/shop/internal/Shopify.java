package org.atriumcrm.shop.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shopify's webhooks (Admin API order and customer payloads): signed with HMAC-SHA256 of the raw body in
 * {@code X-Shopify-Hmac-Sha256} with the app's client secret, named by {@code X-Shopify-Topic} and
 * {@code X-Shopify-Webhook-Id}, which stays the same when Shopify retries a delivery.
 */
final class Shopify implements ShopPlatform {
    static final String ID = "shopify";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Shopify";
    }

    @Override
    public boolean ping(Map<String, String> headers, byte[] body) {
        return false; // Shopify sends no ping: a test notification is a signed delivery like the others
    }

    @Override
    public boolean signed(Map<String, String> headers, byte[] body, String secret) {
        return ShopPlatform.sameSignature(headers.get("x-shopify-hmac-sha256"), body, secret);
    }

    @Override
    public String deliveryKey(Map<String, String> headers, JsonNode body) {
        return headers.get("x-shopify-webhook-id");
    }

    @Override
    public String topic(Map<String, String> headers, JsonNode body) {
        return headers.get("x-shopify-topic");
    }

    @Override
    public Intent intent(String topic) {
        return switch (topic) {
            case "orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled" -> Intent.ORDER;
            case "customers/create", "customers/update" -> Intent.CUSTOMER;
            default -> Intent.IGNORE; // the privacy webhooks, refunds of single lines, products: nothing to make here
        };
    }

    @Override
    public ShopOrder order(JsonNode o) {
        String id = ShopPlatform.text(o, "id");
        if (id == null) {
            throw new IllegalArgumentException("the order has no id");
        }
        String financial = ShopPlatform.text(o, "financial_status");
        boolean cancelled = ShopPlatform.text(o, "cancelled_at") != null || "refunded".equals(financial) || "voided".equals(financial);
        List<ShopOrder.Line> lines = new ArrayList<>();
        JsonNode items = o.get("line_items");
        if (items != null) {
            for (JsonNode item : items) {
                BigDecimal quantity = ShopPlatform.decimal(item, "quantity");
                if (quantity == null || quantity.signum() <= 0) {
                    throw new IllegalArgumentException("line " + ShopPlatform.text(item, "id") + " has no quantity");
                }
                BigDecimal price = ShopPlatform.decimal(item, "price");
                BigDecimal discount = ShopPlatform.decimal(item, "total_discount");
                BigDecimal unit = price == null || discount == null || discount.signum() == 0 ? price
                        : price.subtract(discount.divide(quantity, 4, RoundingMode.HALF_UP));
                String name = ShopPlatform.text(item, "name");
                lines.add(new ShopOrder.Line(ShopPlatform.text(item, "sku"), name != null ? name : ShopPlatform.text(item, "title"), quantity, unit));
            }
        }
        BigDecimal shipping = null;
        JsonNode shippingLines = o.get("shipping_lines");
        if (shippingLines != null) {
            for (JsonNode s : shippingLines) {
                BigDecimal p = ShopPlatform.decimal(s, "price");
                if (p != null) {
                    shipping = shipping == null ? p : shipping.add(p);
                }
            }
        }
        JsonNode billing = o.get("billing_address");
        ShopOrder.Customer buyer = customer(o.get("customer"), billing, ShopPlatform.text(o, "email"), ShopPlatform.text(o, "phone"));
        return new ShopOrder(id, ShopPlatform.text(o, "name"), financial, cancelled, ShopPlatform.text(o, "currency"),
                date(ShopPlatform.text(o, "created_at")), buyer, address(billing), address(o.get("shipping_address")), shipping,
                ShopPlatform.text(o, "note"), lines);
    }

    @Override
    public ShopOrder.Customer customer(JsonNode c) {
        return customer(c, c.get("default_address"), null, null);
    }

    private static ShopOrder.Customer customer(JsonNode customer, JsonNode address, String email, String phone) {
        String e = email != null ? email : ShopPlatform.text(customer, "email");
        String p = phone != null ? phone : ShopPlatform.text(customer, "phone");
        if (p == null) {
            p = ShopPlatform.text(address, "phone");
        }
        String first = ShopPlatform.text(customer, "first_name");
        String last = ShopPlatform.text(customer, "last_name");
        return new ShopOrder.Customer(e, p, first != null ? first : ShopPlatform.text(address, "first_name"),
                last != null ? last : ShopPlatform.text(address, "last_name"), ShopPlatform.text(address, "company"), ShopPlatform.text(address, "city"));
    }

    private static String address(JsonNode a) {
        if (a == null || a.isNull()) {
            return null;
        }
        return ShopPlatform.address(ShopPlatform.text(a, "country"), ShopPlatform.text(a, "province"), ShopPlatform.text(a, "city"),
                ShopPlatform.text(a, "address1"), ShopPlatform.text(a, "address2"), ShopPlatform.text(a, "zip"));
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created_at is no timestamp: " + s);
        }
    }
}
