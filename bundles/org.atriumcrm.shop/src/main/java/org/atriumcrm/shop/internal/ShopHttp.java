package org.atriumcrm.shop.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.atriumcrm.connectors.api.ConnectorConfig;

/** The shops' REST APIs as the outbound side calls them: addresses, credentials, and what makes an attempt fail. */
final class ShopHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** WooCommerce's REST API v3 base, e.g. {@code https://shop.example.cn/wp-json/wc/v3}. */
    static String wooBase(ConnectorConfig config) {
        return ShopConnectorTypes.withoutSlash(config.setting("storeUrl", "")) + "/wp-json/wc/v3";
    }

    /** A WooCommerce request with the connector's consumer key and secret. */
    static HttpRequest.Builder woo(ConnectorConfig config, String path) {
        String auth = Base64.getEncoder().encodeToString((config.setting("consumerKey", "") + ":" + config.setting("consumerSecret", ""))
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(wooBase(config) + path)).header("Authorization", "Basic " + auth);
    }

    /** A Shopify Admin API request with the connector's access token. */
    static HttpRequest.Builder shopify(ConnectorConfig config, String path) {
        return HttpRequest.newBuilder(URI.create(ShopConnectorTypes.withoutSlash(config.setting("shopUrl", "")) + "/admin/api/"
                + config.setting("apiVersion", "2024-10") + path)).header("X-Shopify-Access-Token", config.setting("accessToken", ""));
    }

    static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /** Sends; an answer other than 2xx is an {@link Attempt} that failed. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException, Attempt {
        HttpResponse<String> answer = http.send(request.timeout(TIMEOUT).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() / 100 != 2) {
            throw new Attempt(answer);
        }
        return answer;
    }

    /** An answer that makes the attempt fail: its status, and when the shop asks to be called again. */
    static final class Attempt extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Duration retryAfter;
        /** The HTTP status; 429 also for a throttle the shop reports inside a 200 (Shopify's GraphQL). */
        final int status;
        /** The start of the shop's answer, which names what it refused. */
        final String answer;

        Attempt(HttpResponse<String> answer) {
            super("HTTP " + answer.statusCode() + " from " + answer.uri().getPath(), null, false, false);
            this.retryAfter = answer.headers().firstValue("Retry-After").flatMap(Attempt::seconds).orElse(null);
            this.status = answer.statusCode();
            String body = answer.body() == null ? "" : answer.body().strip();
            this.answer = body.substring(0, Math.min(300, body.length()));
        }

        Attempt(String message, int status, Duration retryAfter) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
            this.status = status;
            this.answer = "";
        }

        /** The shop refused this one request for good (the thing is gone, or invalid), not the connector or its pace. */
        boolean refused() {
            return status / 100 == 4 && status != 401 && status != 403 && status != 408 && status != 429;
        }

        private static Optional<Duration> seconds(String value) {
            try {
                // Shopify sends fractions ("2.0")
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the back-off decides
            }
        }
    }
}
