package org.atriumcrm.erp.internal.http;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorSetting;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpConnectorType;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.ErpHttp;
import org.atriumcrm.erp.internal.ErpSync;
import org.atriumcrm.erp.internal.ErpTypes;
import org.atriumcrm.erp.internal.PullCursor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An ERP (or the integration layer in front of one) that takes and gives JSON over HTTP. Each outbound message is a
 * POST of the canonical JSON, or of a body made from the connector's template for its kind, with an
 * {@code Idempotency-Key} (the message id, the same on every attempt) for the ERP to recognise a repeat. Products,
 * prices and stock are read with GET from the paths given, since the connector's cursor, page after page; the items
 * and their members are found with JSON Pointers (RFC 6901, Jackson's), so most APIs fit without code.
 */
@Component(service = ConnectorType.class)
public class HttpJsonType extends ErpConnectorType {
    public static final String ID = "erp-http";
    private static final Logger LOG = LoggerFactory.getLogger(HttpJsonType.class);
    static final Map<String, String> PATHS = Map.of(Canonical.CUSTOMER, "/customers", Canonical.SALES_ORDER, "/orders",
            Canonical.DELIVERY_NOTE, "/delivery-notes", Canonical.INVOICE, "/invoices", Canonical.PAYMENT, "/payments");
    /** The members each inbound kind is made of (see {@link Canonical}). */
    static final Map<String, List<String>> MEMBERS = Map.of(
            Canonical.PRODUCT, List.of("sku", "name", "unit", "cost", "active", "listPrice", "currency"),
            Canonical.PRICE, List.of("sku", "listPrice", "currency"),
            Canonical.STOCK, List.of("sku", "warehouse", "quantity"));
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private final ErpHttp http = new ErpHttp();

    @Activate
    public HttpJsonType(@Reference ErpSync sync,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        super(sync);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Label label() {
        return Label.of("ERP over HTTP with JSON (generic)", "ERP 通用 HTTP/JSON 接口");
    }

    @Override
    public List<ConnectorSetting> settings() {
        List<ConnectorSetting> own = new ArrayList<>(List.of(
                ConnectorSetting.required("baseUrl", "Base address of the ERP's API", "ERP 接口基础地址", "https://erp.example.cn/api/v1"),
                ConnectorSetting.optional("auth", "Authentication: none, basic, bearer or hmac (the connector's secret is the password, token or HMAC key)",
                        "认证方式：none、basic、bearer 或 hmac（连接器密钥为密码、令牌或 HMAC 密钥）", "bearer"),
                ConnectorSetting.optional("username", "User for basic authentication", "basic 认证的用户名", "atrium"),
                ConnectorSetting.optional("signature", "What hmac signs into X-Signature (hex HMAC-SHA256): timestamp.body (X-Timestamp, a dot, the raw body) or body",
                        "hmac 签名内容（X-Signature，十六进制 HMAC-SHA256）：timestamp.body（X-Timestamp、点、原始请求体）或 body", "timestamp.body")));
        for (String kind : Canonical.OUTBOUND) {
            own.add(ConnectorSetting.optional("path." + kind, "Path a " + kind + " is POSTed to", kind + " 消息的 POST 路径", PATHS.get(kind)));
        }
        for (String kind : Canonical.OUTBOUND) {
            own.add(ConnectorSetting.optional("template." + kind, "Body template for a " + kind + " ({{member.path}} replaced; none: the canonical JSON)",
                    kind + " 请求体模板（替换 {{member.path}}；未设置则发送标准 JSON）", "{\"ref\": \"{{number}}\", \"customer\": \"{{customer.name}}\"}"));
        }
        for (String kind : Canonical.INBOUND) {
            own.add(ConnectorSetting.optional("pull." + kind, "Path to GET " + kind + " changes from (?since=<cursor>&page=N; none: not pulled)",
                    "拉取 " + kind + " 变更的 GET 路径（?since=<游标>&page=N；未设置则不拉取）", "/" + kind + "s"));
        }
        own.addAll(List.of(
                ConnectorSetting.optional("items", "JSON Pointer (RFC 6901, not JSONPath) to the array of items in an answer", "应答中条目数组的 JSON Pointer（RFC 6901，非 JSONPath）", "/items"),
                ConnectorSetting.optional("next", "JSON Pointer to the next page's link in an answer (a Link: rel=next header works too)",
                        "应答中下一页链接的 JSON Pointer（也支持 Link: rel=next 头）", "/next"),
                ConnectorSetting.optional("cursor", "JSON Pointer to the cursor in an answer (none: the latest updatedAt of the items)",
                        "应答中游标的 JSON Pointer（未设置则取条目中最新的 updatedAt）", "/cursor")));
        for (String member : List.of("sku", "name", "unit", "cost", "active", "listPrice", "currency", "warehouse", "quantity", "updatedAt")) {
            own.add(ConnectorSetting.optional("map." + member, "JSON Pointer to an item's " + member + " (default /" + member + ")",
                    "条目中 " + member + " 的 JSON Pointer（默认 /" + member + "）", member.equals("listPrice") ? "/price/amount" : "/" + member));
        }
        own.add(ConnectorSetting.optional("maxPages", "Pages read per pull at most", "每次拉取最多读取的页数", "100"));
        own.add(ConnectorSetting.optional("timeoutSeconds", "Seconds one request may take", "单次请求超时（秒）", "20"));
        return withCommon(own);
    }

    @Override
    protected boolean pulls() {
        return true;
    }

    @Override
    public void send(ConnectorConfig config, Canonical message, CamelContext camel) throws ErpFailure {
        String template = config.setting("template." + message.kind(), null);
        String body = template == null ? message.body().toString() : JsonTemplate.render(template, message.body());
        if (template != null) {
            try {
                Canonical.JSON.readTree(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw ErpFailure.bad("template." + message.kind() + " makes no JSON: " + e.getOriginalMessage());
            }
        }
        String path = config.setting("path." + message.kind(), PATHS.getOrDefault(message.kind(), "/" + message.kind()));
        String key = message.text("messageId") != null ? message.text("messageId") : message.kind() + ":" + message.key();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(config, path)).timeout(ErpHttp.timeout(config))
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        authenticate(config, request, body);
        String what = "POST " + path + " (" + message.kind() + " " + (message.text("number") == null ? message.key() : message.text("number")) + ")";
        HttpResponse<String> answer = http.exchange(request.build(), what);
        if (answer.statusCode() / 100 != 2) {
            throw failure(answer, what);
        }
    }

    /** ErpHttp's reading, and 408 and 425 too: the ERP asking to be asked again, not refusing. */
    private static ErpFailure failure(HttpResponse<String> answer, String what) {
        ErpFailure f = ErpHttp.failure(answer, what);
        int status = answer.statusCode();
        return status == 408 || status == 425 ? ErpFailure.retry(f.getMessage(), (java.time.Duration) null) : f;
    }

    private static URI uri(ConnectorConfig config, String path) throws ErpFailure {
        return ErpHttp.address(path.matches("(?i)https?://.*") ? path : ErpHttp.base(config.setting("baseUrl", "")) + (path.startsWith("/") ? path : "/" + path));
    }

    /** The connector's credentials on a request; for hmac the signature over the exact bytes sent. */
    void authenticate(ConnectorConfig config, HttpRequest.Builder request, String body) throws ErpFailure {
        String secret = config.secret() == null ? "" : config.secret();
        switch (config.setting("auth", "none").trim().toLowerCase(Locale.ROOT)) {
            case "none" -> {
            }
            case "basic" -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (config.setting("username", "") + ":" + secret).getBytes(StandardCharsets.UTF_8)));
            case "bearer" -> request.header("Authorization", "Bearer " + secret);
            case "hmac" -> {
                String timestamp = Long.toString(Instant.now().getEpochSecond());
                // the timestamp is signed by default: unsigned, it could be replaced and would guard against no replay
                String signed = config.setting("signature", "timestamp.body").trim().equalsIgnoreCase("body") ? body : timestamp + "." + body;
                request.header("X-Timestamp", timestamp).header("X-Signature", hmac(secret, signed));
            }
            default -> throw ErpFailure.bad("auth must be none, basic, bearer or hmac, not " + config.setting("auth", ""));
        }
    }

    static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public Pull pull(ConnectorConfig config, String cursor) throws ErpFailure {
        PullCursor positions = PullCursor.parse(cursor);
        List<Canonical> messages = new ArrayList<>();
        for (String kind : Canonical.INBOUND) {
            String path = config.setting("pull." + kind, null);
            if (path != null) {
                positions.put(kind, read(config, kind, path, positions.get(kind), messages));
            }
        }
        return new Pull(messages, positions.toString());
    }

    @Override
    public Optional<List<Canonical>> snapshot(ConnectorConfig config, String kind) throws ErpFailure {
        String path = config.setting("pull." + kind, null);
        if (path == null) {
            return Optional.empty();
        }
        List<Canonical> all = new ArrayList<>();
        read(config, kind, path, null, all);
        return Optional.of(all);
    }

    /**
     * Reads every page of {@code kind} since {@code since} (all when null) into {@code into}: the next page is the answer's
     * next link when it has one, page N+1 otherwise, until a page without items. Returns the cursor after them.
     */
    private String read(ConnectorConfig config, String kind, String path, String since, List<Canonical> into) throws ErpFailure {
        JsonPointer items = pointer(config.setting("items", "/items"));
        JsonPointer next = pointer(config.setting("next", "/next"));
        String cursorSetting = config.setting("cursor", null);
        JsonPointer cursorAt = cursorSetting == null ? null : pointer(cursorSetting);
        JsonPointer updatedAt = pointer(config.setting("map.updatedAt", "/updatedAt"));
        int maxPages = intSetting(config, "maxPages", 100);
        String answered = null;
        String latest = null;
        URI uri = uri(config, path + (path.contains("?") ? "&" : "?") + (since == null ? "" : "since=" + URLEncoder.encode(since, StandardCharsets.UTF_8) + "&")
                + "page=1");
        String previous = null;
        boolean linked = false;
        for (int page = 1; page <= maxPages; page++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(ErpHttp.timeout(config)).header("Accept", "application/json").GET();
            authenticate(config, request, "");
            String what = "GET " + uri.getRawPath() + " (" + kind + " page " + page + ")";
            HttpResponse<String> answer = http.exchange(request.build(), what);
            if (answer.statusCode() / 100 != 2) {
                throw failure(answer, what);
            }
            if (answer.body().equals(previous)) {
                break; // a server that ignores page= answers the same page for ever
            }
            previous = answer.body();
            JsonNode root;
            try {
                root = Canonical.JSON.readTree(answer.body());
            } catch (java.io.IOException e) {
                throw ErpFailure.bad(what + ": not JSON: " + e.getMessage());
            }
            JsonNode list = root.at(items);
            if (!list.isArray()) {
                throw ErpFailure.bad(what + ": no array at " + items + " (the items setting)");
            }
            if (list.isEmpty()) {
                break;
            }
            for (JsonNode item : list) {
                into.add(message(config, kind, item));
                latest = later(latest, text(item.at(updatedAt)));
            }
            if (cursorAt != null && text(root.at(cursorAt)) != null) {
                answered = text(root.at(cursorAt));
            }
            String link = answer.headers().allValues("Link").stream().map(LINK_NEXT::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                    .orElse(text(root.at(next)));
            if (link == null && linked) {
                break; // an ERP that links its pages ends them by linking no further
            }
            linked |= link != null;
            try {
                uri = link != null ? ErpHttp.address(uri.resolve(link).toString()) : uri(config, path + (path.contains("?") ? "&" : "?")
                        + (since == null ? "" : "since=" + URLEncoder.encode(since, StandardCharsets.UTF_8) + "&") + "page=" + (page + 1));
            } catch (IllegalArgumentException e) {
                throw ErpFailure.bad(what + ": the next link is no address: " + link);
            }
            if (page == maxPages) {
                LOG.info("connector {}: {} pages of {} read, the rest at the next pull", config.name(), maxPages, kind);
            }
        }
        // the ERP's own cursor when it gives one, else the latest change read (never earlier than the cursor we had)
        return answered != null ? answered : later(since, latest);
    }

    /** One item as a message of {@code kind}: each member from {@code map.<member>} (default {@code /<member>}). */
    static Canonical message(ConnectorConfig config, String kind, JsonNode item) throws ErpFailure {
        ObjectNode body = Canonical.JSON.createObjectNode();
        for (String member : MEMBERS.get(kind)) {
            String value = text(item.at(pointer(config.setting("map." + member, "/" + member))));
            if (value != null) {
                body.put(member, value);
            }
        }
        String sku = body.path("sku").asText(null);
        String key = kind.equals(Canonical.STOCK) && body.hasNonNull("warehouse") ? sku + "@" + body.get("warehouse").asText() : sku;
        return new Canonical(kind, key, body);
    }

    /** A setting as a JSON Pointer; {@code code} and {@code price.amount} are taken as {@code /code} and {@code /price/amount}. */
    static JsonPointer pointer(String setting) throws ErpFailure {
        String s = setting.trim();
        try {
            return JsonPointer.compile(s.isEmpty() || s.startsWith("/") ? s : "/" + s.replace('.', '/'));
        } catch (IllegalArgumentException e) {
            throw ErpFailure.bad("not a JSON Pointer: " + setting);
        }
    }

    /** A value as text (numbers as written), null when missing, null or blank. */
    private static String text(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        // a float as the decimal it prints as, never in exponent form (1.0E7)
        String t = v.isFloatingPointNumber() ? v.decimalValue().toPlainString() : v.isValueNode() ? v.asText() : v.toString();
        return t.isBlank() ? null : t.trim();
    }

    /** The later of two change marks: numbers by value, timestamps by instant, anything else as text. */
    static String later(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        try {
            return new BigDecimal(b).compareTo(new BigDecimal(a)) > 0 ? b : a;
        } catch (NumberFormatException notNumbers) {
            try {
                return instant(b).isAfter(instant(a)) ? b : a;
            } catch (DateTimeParseException notTimestamps) {
                return b.compareTo(a) > 0 ? b : a;
            }
        }
    }

    private static Instant instant(String s) {
        return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
    }

    private static int intSetting(ConnectorConfig config, String name, int fallback) {
        try {
            return Math.max(1, Integer.parseInt(config.setting(name, Integer.toString(fallback)).trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** dns, connection, tls; then a GET of the product pull path (or the base address) with the credentials. */
    @Override
    public List<ConnectionCheck> test(ConnectorConfig config) {
        String pullPath = config.setting("pull.product", null);
        URI target;
        try {
            target = uri(config, pullPath == null ? "" : pullPath);
        } catch (ErpFailure e) {
            return List.of(ConnectionCheck.failed("dns", e.getMessage()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(ErpHttp.timeout(config)).header("Accept", "application/json").GET();
        try {
            authenticate(config, request, "");
        } catch (ErpFailure e) {
            return List.of(ConnectionCheck.failed("authentication", e.getMessage()));
        }
        return http.probe(target, request.build(), answer -> {
            int status = answer.statusCode();
            if (status == 401 || status == 403) {
                return List.of(ConnectionCheck.failed("authentication", "HTTP " + status + " from " + target.getPath()));
            }
            // without a pull path the base address may well answer 404: any answer short of a server error is an HTTP API there
            boolean ok = pullPath != null ? status / 100 == 2 : status < 500;
            return List.of(ConnectionCheck.passed("authentication", "not refused"),
                    ok ? ConnectionCheck.passed("protocol", "HTTP " + status + " from " + target.getPath())
                            : ConnectionCheck.failed("protocol", "HTTP " + status + " from " + target.getPath()));
        });
    }
}
