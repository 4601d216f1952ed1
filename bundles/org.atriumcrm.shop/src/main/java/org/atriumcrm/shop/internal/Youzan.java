package org.atriumcrm.shop.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.connectors.api.ConnectorConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Youzan's (有赞云) message push (消息推送). What Youzan documents, as far as the public material shows it:
 * <ul>
 * <li>a delivery is a JSON object {@code {client_id, id, kdt_id, kdt_name, msg, msg_id, sendCount, sign, status, test,
 * type, version, ...}} whose {@code msg} is the message itself, URL-encoded (UTF-8) JSON; the trade messages'
 * {@code msg} carries {@code full_order_info} as {@code youzan.trade.get} answers it (trade_TradeCreate, see
 * https://doc.youzanyun.com/detail/MSG/300; trade_TradeClose, https://doc.youzanyun.com/detail/MSG/200);</li>
 * <li>the header {@code Event-Sign} is the lower-case hex MD5 of client_id + the raw request body + client_secret
 * (https://doc.youzanyun.com/resource/develop-guide/41355/41536); the body's own {@code sign} covers {@code msg} only,
 * so the type, trade id and shop beside it would go unchecked — Youzan itself advises the header;</li>
 * <li>{@code version} orders messages of one type and trade (a higher one replaces a lower), and Youzan pushes again
 * when it gets no success answer ({@code sendCount}): a delivery is the same one by its id, type and version;</li>
 * <li>the answer that stops the re-pushes is {@code {"code":0,"msg":"success"}}.</li>
 * </ul>
 * Youzan's trade times are Beijing time without a zone ({@code 2020-12-16 17:14:50}); money is in yuan (CNY).
 */
final class Youzan implements ShopPlatform {
    static final String ID = "youzan";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The trade messages that make (or find) the order: created, paid. */
    private static final Set<String> ORDERS = Set.of("trade_TradeCreate", "trade_TradePaid", "trade_TradeBuyerPay");
    /** Closed: the buyer or the seller cancelled it, it expired unpaid, or it was refunded in full. */
    static final String CLOSE = "trade_TradeClose";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Youzan";
    }

    @Override
    public boolean ping(Map<String, String> headers, byte[] body) {
        return false; // Youzan's check of a push URL is a signed test message (test=true), taken in and ignored
    }

    @Override
    public boolean signed(Map<String, String> headers, byte[] body, String secret) {
        return false; // needs the connector's client id: see signed(headers, body, config)
    }

    /** Event-Sign = md5(client_id + body + client_secret), the id from the connector's settings, the secret its secret. */
    static boolean signed(Map<String, String> headers, byte[] body, String clientId, String secret) {
        String given = headers.get("event-sign");
        if (given == null || clientId == null || clientId.isBlank() || secret == null || secret.isEmpty()) {
            return false;
        }
        String expected = ShopPlatform.md5Hex(clientId.strip().getBytes(StandardCharsets.UTF_8), body, secret.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(given.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean signed(Map<String, String> headers, byte[] body, ConnectorConfig config) {
        return signed(headers, body, config.setting("clientId", null), config.secret());
    }

    /** {@code type:id:version}, as Youzan names a message again when it pushes it again. */
    @Override
    public String deliveryKey(Map<String, String> headers, JsonNode body) {
        String type = ShopPlatform.text(body, "type");
        String id = ShopPlatform.text(body, "id");
        String version = ShopPlatform.text(body, "version");
        if (type != null && id != null && version != null) {
            return type + ":" + id + ":" + version;
        }
        return ShopPlatform.text(body, "msg_id");
    }

    /** The body's {@code type}, which the signature covers, rather than the {@code Event-Type} header, which it does not. */
    @Override
    public String topic(Map<String, String> headers, JsonNode body) {
        String type = ShopPlatform.text(body, "type");
        return type != null ? type : headers.get("event-type");
    }

    @Override
    public Intent intent(String topic) {
        return ORDERS.contains(topic) || CLOSE.equals(topic) ? Intent.ORDER : Intent.IGNORE;
    }

    @Override
    public Map<String, Object> answer(Map<String, Object> standard) {
        return Map.of("code", 0, "msg", "success");
    }

    @Override
    public String skip(JsonNode body, ConnectorConfig config) {
        if (body.path("test").asBoolean(false)) {
            return "a test message from Youzan";
        }
        String shop = config.setting("kdtId", null);
        String from = ShopPlatform.text(body, "kdt_id");
        String root = ShopPlatform.text(body, "root_kdt_id");
        if (shop != null && from != null && !shop.strip().equals(from) && !shop.strip().equals(root)) {
            return "a message of Youzan shop " + from + ", not of this connector's shop " + shop.strip();
        }
        return null;
    }

    @Override
    public String orderReference(JsonNode body) {
        if (body.has("full_order_info")) {
            return null;
        }
        String type = ShopPlatform.text(body, "type");
        if (type == null || CLOSE.equals(type)) {
            return null; // a close needs the trade id only
        }
        JsonNode msg = msg(body);
        if (msg.has("full_order_info")) {
            return null;
        }
        String tid = ShopPlatform.text(msg, "tid");
        return tid != null ? tid : ShopPlatform.text(body, "id");
    }

    /** The message inside a delivery: {@code msg} URL-decoded (UTF-8) and parsed. */
    static JsonNode msg(JsonNode body) {
        String msg = ShopPlatform.text(body, "msg");
        if (msg == null) {
            throw new IllegalArgumentException("the Youzan message has no msg");
        }
        try {
            JsonNode parsed = JSON.readTree(URLDecoder.decode(msg, StandardCharsets.UTF_8));
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("the Youzan message's msg is no JSON object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the Youzan message's msg is no JSON: " + e.getOriginalMessage());
        }
    }

    /** A push delivery, or what {@code youzan.trade.get} answered (its {@code data}): both hold full_order_info. */
    @Override
    public ShopOrder order(JsonNode body) {
        JsonNode full = body.get("full_order_info");
        if (full == null) {
            JsonNode msg = msg(body);
            if (CLOSE.equals(ShopPlatform.text(body, "type"))) {
                String tid = ShopPlatform.text(msg, "tid");
                if (tid == null) {
                    tid = ShopPlatform.text(body, "id");
                }
                if (tid == null) {
                    throw new IllegalArgumentException("the trade close message names no trade");
                }
                String status = ShopPlatform.text(body, "status");
                return new ShopOrder(tid, tid, status != null ? status : "TRADE_CLOSED", true, "CNY", null,
                        new ShopOrder.Customer(null, null, null, null, null, null), null, null, null, null, List.of());
            }
            full = msg.get("full_order_info");
            if (full == null) {
                throw new IllegalArgumentException("the Youzan message carries no full_order_info");
            }
        }
        return trade(full);
    }

    private static ShopOrder trade(JsonNode full) {
        JsonNode info = full.path("order_info");
        String tid = ShopPlatform.text(info, "tid");
        if (tid == null) {
            throw new IllegalArgumentException("the trade has no tid");
        }
        String status = ShopPlatform.text(info, "status");
        JsonNode address = full.path("address_info");
        JsonNode buyer = full.path("buyer_info");
        List<ShopOrder.Line> lines = new ArrayList<>();
        for (JsonNode item : full.path("orders")) {
            BigDecimal quantity = ShopPlatform.decimal(item, "num");
            if (quantity == null || quantity.signum() <= 0) {
                throw new IllegalArgumentException("line " + ShopPlatform.text(item, "oid") + " has no num");
            }
            // payment is the line's share of what the buyer pays, order-level discounts spread over the lines
            BigDecimal payment = ShopPlatform.decimal(item, "payment");
            BigDecimal unit = payment != null ? payment.divide(quantity, 4, RoundingMode.HALF_UP)
                    : first(ShopPlatform.decimal(item, "discount_price"), ShopPlatform.decimal(item, "price"));
            String sku = ShopPlatform.text(item, "outer_sku_id");
            lines.add(new ShopOrder.Line(sku != null ? sku : ShopPlatform.text(item, "outer_item_id"), ShopPlatform.text(item, "title"), quantity, unit));
        }
        String receiver = ShopPlatform.text(address, "receiver_name");
        String phone = ShopPlatform.text(buyer, "buyer_phone");
        if (phone == null) {
            phone = ShopPlatform.text(address, "receiver_tel");
        }
        if (receiver == null) {
            receiver = ShopPlatform.text(info.path("order_extra"), "buyer_name");
        }
        // a Chinese name is one field at Youzan: kept whole as the family-name field rather than split by guesswork
        ShopOrder.Customer customer = new ShopOrder.Customer(null, phone, null, receiver, null, ShopPlatform.text(address, "delivery_city"));
        return new ShopOrder(tid, tid, status, "TRADE_CLOSED".equals(status), "CNY", date(ShopPlatform.text(info, "created")), customer,
                null, address(address), ShopPlatform.decimal(full.path("pay_info"), "post_fee"),
                ShopPlatform.text(full.path("remark_info"), "buyer_message"), lines);
    }

    private static BigDecimal first(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
    }

    /**
     * A Chinese address as it is written: province, city, district and street run together, largest first (a
     * municipality's city repeating its province once), then the postcode and who receives it.
     */
    static String address(JsonNode a) {
        if (a == null || a.isMissingNode() || a.isNull()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        String province = ShopPlatform.text(a, "delivery_province");
        String city = ShopPlatform.text(a, "delivery_city");
        for (String part : new String[] {province, city != null && city.equals(province) ? null : city, ShopPlatform.text(a, "delivery_district"),
            ShopPlatform.text(a, "delivery_address")}) {
            if (part != null) {
                out.append(part);
            }
        }
        String postcode = ShopPlatform.text(a, "delivery_postal_code");
        if (postcode != null) {
            out.append(out.length() > 0 ? " " : "").append(postcode);
        }
        String receiver = ShopPlatform.address(ShopPlatform.text(a, "receiver_name"), ShopPlatform.text(a, "receiver_tel"));
        if (receiver != null) {
            out.append("（").append(receiver.replace(", ", " ")).append("）"); // a full-width bracket needs no space before it
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** The day of {@code 2020-12-16 17:14:50} (Beijing time, as Youzan writes it). */
    private static LocalDate date(String s) {
        if (s == null || s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created is no date: " + s);
        }
    }

    /** Youzan sends no customer messages this connector subscribes to. */
    @Override
    public ShopOrder.Customer customer(JsonNode body) {
        throw new IllegalArgumentException("Youzan customer messages are not taken");
    }
}
