package org.atriumcrm.shop.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.atriumcrm.connectors.api.ConnectorConfig;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What differs between shop platforms on the inbound side: how a webhook delivery proves itself, names itself and its
 * topic, what it answers, and what its order and customer look like. Headers are given by lower-case name; the body
 * is the delivery's JSON object (WooCommerce and Shopify name a delivery in headers, Youzan in its body).
 */
interface ShopPlatform {

    /** The platforms by connector type id. */
    static ShopPlatform of(String type) {
        return type == null ? null : switch (type) {
            case WooCommerce.ID -> Platforms.WOO;
            case Shopify.ID -> Platforms.SHOPIFY;
            case Youzan.ID -> Platforms.YOUZAN;
            default -> null;
        };
    }

    /** One instance of each (they hold no state). */
    final class Platforms {
        static final ShopPlatform WOO = new WooCommerce();
        static final ShopPlatform SHOPIFY = new Shopify();
        static final ShopPlatform YOUZAN = new Youzan();

        private Platforms() {
        }
    }

    /** What a delivery's topic asks of the CRM. */
    enum Intent { ORDER, CUSTOMER, IGNORE }

    String id();

    /** The platform's name in the notes of the orders it makes ("WooCommerce order 727"). */
    String label();

    /** Whether the request is the platform's check that the URL answers (200, nothing stored, no signature needed). */
    boolean ping(Map<String, String> headers, byte[] body);

    /** Whether the body carries a valid signature made with {@code secret}. */
    boolean signed(Map<String, String> headers, byte[] body, String secret);

    /** Whether the body carries a valid signature made with the connector's credentials (its secret, unless a platform signs with more). */
    default boolean signed(Map<String, String> headers, byte[] body, ConnectorConfig config) {
        return signed(headers, body, config.secret());
    }

    /** The platform's id of this delivery, the same on every retry of it; null when the request has none. */
    String deliveryKey(Map<String, String> headers, JsonNode body);

    /** The delivery's topic ({@code order.created}, {@code orders/create}); null when the request has none. */
    String topic(Map<String, String> headers, JsonNode body);

    Intent intent(String topic);

    /** The answer the platform expects for a delivery taken in (or a repeat of one); {@code standard} is the CRM's own. */
    default Map<String, Object> answer(Map<String, Object> standard) {
        return standard;
    }

    /**
     * Why a delivery whose topic asks for something is still to be left alone (a platform's test message, another
     * shop's message); null when it is to be processed.
     */
    default String skip(JsonNode body, ConnectorConfig config) {
        return null;
    }

    /**
     * The shop's id of the order a delivery names without carrying it, to be read from the shop's API before
     * {@link #order} (Youzan's messages may carry the trade id alone); null when the body carries the order.
     */
    default String orderReference(JsonNode body) {
        return null;
    }

    /**
     * The order in a delivery whose intent is {@link Intent#ORDER} (or in what the shop's API answered for its
     * {@link #orderReference}); {@link IllegalArgumentException} naming what is missing.
     */
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

    /** Lower-case hex of the MD5 of the UTF-8 bytes of {@code parts} one after the other (Youzan's signatures). */
    static String md5Hex(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md5.update(p);
            }
            return java.util.HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
