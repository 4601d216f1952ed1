package org.atriumcrm.shop.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.atriumcrm.connectors.api.ConnectorConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Youzan's open API as the connector uses it: a self-use app's access token ({@code POST /auth/token} with
 * {@code authorize_type=silent} and the shop's kdt_id as {@code grant_id}, the app's client id and secret), kept until
 * shortly before it expires, and {@code youzan.trade.get} 4.0.0 for a message that names a trade without carrying it
 * ({@code POST /api/youzan.trade.get/4.0.0?access_token=}). The base address is the connector's {@code apiUrl}
 * (default {@code https://open.youzanyun.com}). Youzan answers refusals with 200 and {@code success=false} (or a
 * gateway's {@code gw_err_resp}): those are {@link IllegalArgumentException}s with Youzan's code and message, while a
 * shop that does not answer, or answers 5xx/429, is an {@link UncheckedIOException} the caller waits out.
 */
final class YouzanApi {
    static final String DEFAULT_URL = "https://open.youzanyun.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A token this close to its end is fetched anew rather than risked. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final ShopHttp http = new ShopHttp();
    /** By connector id; a token made for other credentials or another shop is not reused. */
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires, String madeFor) {
    }

    static String base(ConnectorConfig config) {
        return ShopConnectorTypes.withoutSlash(config.setting("apiUrl", DEFAULT_URL));
    }

    /** The request body that asks for a self-use app's token. */
    static String tokenRequest(ConnectorConfig config) {
        ObjectNode body = JSON.createObjectNode();
        body.put("client_id", config.setting("clientId", ""));
        body.put("client_secret", config.secret() == null ? "" : config.secret());
        body.put("authorize_type", "silent");
        String shop = config.setting("kdtId", "").strip();
        if (shop.matches("\\d{1,18}")) {
            body.put("grant_id", Long.parseLong(shop)); // a number, as Youzan's own SDKs send it
        } else {
            body.put("grant_id", shop);
        }
        body.put("refresh", false);
        return body.toString();
    }

    static HttpRequest.Builder tokenCall(ConnectorConfig config) {
        return HttpRequest.newBuilder(URI.create(base(config) + "/auth/token")).header("Content-Type", "application/json")
                .POST(ShopHttp.json(tokenRequest(config)));
    }

    /** Why Youzan refused, from an answer with {@code success=false} or a gateway error; null when it did not. */
    static String refusal(JsonNode answer) {
        JsonNode gateway = answer.path("gw_err_resp");
        if (gateway.isObject()) {
            return "Youzan gateway error " + gateway.path("err_code").asText() + ": " + gateway.path("err_msg").asText();
        }
        if (!answer.path("success").asBoolean(false)) {
            return "Youzan error " + answer.path("code").asText() + ": " + answer.path("message").asText();
        }
        return null;
    }

    String token(ConnectorConfig config) {
        String madeFor = base(config) + " " + config.setting("clientId", "") + " " + config.setting("kdtId", "") + " "
                + Integer.toHexString(String.valueOf(config.secret()).hashCode());
        Token known = tokens.get(config.id());
        if (known != null && known.madeFor().equals(madeFor) && Instant.now().plus(MARGIN).isBefore(known.expires())) {
            return known.value();
        }
        JsonNode answer = call(tokenCall(config));
        String refused = refusal(answer);
        if (refused != null) {
            throw new IllegalArgumentException("no access token: " + refused);
        }
        String value = ShopPlatform.text(answer.path("data"), "access_token");
        if (value == null) {
            throw new IllegalArgumentException("no access token in Youzan's answer");
        }
        long expires = answer.path("data").path("expires").asLong(0);
        // Youzan gives milliseconds since the epoch; a value in seconds would be far in the past read as milliseconds
        Instant until = expires <= 0 ? Instant.now().plus(Duration.ofHours(1))
                : expires < 100_000_000_000L ? Instant.ofEpochSecond(expires) : Instant.ofEpochMilli(expires);
        tokens.put(config.id(), new Token(value, until, madeFor));
        return value;
    }

    /** {@code youzan.trade.get} 4.0.0's {@code data} for a trade: {@code {"full_order_info": {...}, ...}}. */
    JsonNode trade(ConnectorConfig config, String tid) {
        String token = token(config);
        ObjectNode params = JSON.createObjectNode().put("tid", tid);
        JsonNode answer = call(HttpRequest.newBuilder(URI.create(base(config) + "/api/youzan.trade.get/4.0.0?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).header("Content-Type", "application/json").POST(ShopHttp.json(params.toString())));
        String refused = refusal(answer);
        if (refused != null) {
            tokens.remove(config.id()); // an expired or revoked token is one reason: the next try fetches a fresh one
            throw new IllegalArgumentException("youzan.trade.get " + tid + ": " + refused);
        }
        JsonNode data = answer.path("data");
        if (!data.has("full_order_info")) {
            throw new IllegalArgumentException("youzan.trade.get " + tid + " answered no full_order_info");
        }
        return data;
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            return JSON.readTree(http.send(request).body());
        } catch (ShopHttp.Attempt a) {
            if (a.refused()) {
                throw new IllegalArgumentException(a.getMessage() + " " + a.answer);
            }
            throw new UncheckedIOException(new IOException(a.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
