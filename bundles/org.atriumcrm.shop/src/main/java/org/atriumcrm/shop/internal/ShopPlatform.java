package org.atriumcrm.shop.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What differs between shop platforms on the inbound side: how a webhook delivery proves itself, names itself and its
 * topic, and what its order and customer look like. Headers are given by lower-case name.
 */
interface ShopPlatform {

    /** The platforms by connector type id. */
    static ShopPlatform of(String type) {
        return type == null ? null : switch (type) {
            case WooCommerce.ID -> Platforms.WOO;
            case Shopify.ID -> Platforms.SHOPIFY;
            default -> null;
        };
    }

    /** One instance of each (they hold no state). */
    final class Platforms {
        static final ShopPlatform WOO = new WooCommerce();
        static final ShopPlatform SHOPIFY = new Shopify();

        private Platforms() {
        }
    }

    /** What a delivery's topic asks of the CRM. */
    enum Intent { ORDER, CUSTOMER, IGNORE }

    String id();

    /** Whether the request is the platform's check that the URL answers (200, nothing stored, no signature needed). */
    boolean ping(Map<String, String> headers, byte[] body);

    /** Whether the body carries a valid signature made with {@code secret}. */
    boolean signed(Map<String, String> headers, byte[] body, String secret);

    /** The platform's id of this delivery, the same on every retry of it; null when the request has none. */
    String deliveryKey(Map<String, String> headers);

    /** The delivery's topic ({@code order.created}, {@code orders/create}); null when the request has none. */
    String topic(Map<String, String> headers);

    Intent intent(String topic);

    /** The order in a delivery whose intent is {@link Intent#ORDER}; {@link IllegalArgumentException} naming what is missing. */
    ShopOrder order(JsonNode body);

    /** The customer in a delivery whose intent is {@link Intent#CUSTOMER}. */
    ShopOrder.Customer customer(JsonNode body);

    /** Base64 of HMAC-SHA256 over the raw body, as both WooCommerce and Shopify sign. */
    static String hmacBase64(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares a given signature with the expected one in constant time. */
    static boolean sameSignature(String given, byte[] body, String secret) {
        if (given == null || secret == null || secret.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.US_ASCII),
                hmacBase64(body, secret).getBytes(StandardCharsets.US_ASCII));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static java.math.BigDecimal decimal(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is no number: " + s);
        }
    }

    /** Address lines joined as one text, empty parts left out. */
    static String address(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(p.strip());
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
