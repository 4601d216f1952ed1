package org.atriumcrm.erp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.HttpProbe;
import org.atriumcrm.connectors.api.ConnectorConfig;

/**
 * HTTP as the ERP adapters that speak it (Odoo's JSON-RPC, generic JSON) use it: short timeouts, and one reading of
 * what an answer or an exception means for the outbox — retry later, or never.
 */
public final class ErpHttp {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int EXCERPT = 300;

    private final HttpClient client;

    public ErpHttp() {
        // HTTP/1.1: plain-http ERPs sit behind proxies that answer Java's h2c upgrade attempt badly, and nothing is gained
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The time one request may take on this connector ({@code timeoutSeconds}, default 20). */
    public static Duration timeout(ConnectorConfig config) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(config.setting("timeoutSeconds", "20").trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(20);
        }
    }

    /**
     * Sends and reads the answer as UTF-8 text whatever its status; an exchange that did not complete (refused, reset,
     * timed out) is retryable.
     */
    public HttpResponse<String> exchange(HttpRequest request, String what) throws ErpFailure {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ErpFailure.retry(what + " did not complete", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErpFailure.retry(what + " interrupted", e);
        }
    }

    /**
     * What a status other than 2xx means: 429 and 5xx are the ERP being busy or away (retry, no earlier than its
     * Retry-After); any other status is the ERP refusing this request, which a repeat will not change.
     */
    public static ErpFailure failure(HttpResponse<String> answer, String what) {
        int status = answer.statusCode();
        String reason = what + ": HTTP " + status + excerpt(answer.body());
        if (status == 429 || status >= 500) {
            return ErpFailure.retry(reason, answer.headers().firstValue("Retry-After").map(ErpHttp::retryAfter).orElse(null));
        }
        return ErpFailure.bad(reason);
    }

    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "…" : flat);
    }

    /** Retry-After as seconds or as an HTTP date; null when it is neither (the back-off decides then). */
    public static Duration retryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** An absolute http(s) address; anything else is a setting to correct, not a moment to wait out. */
    public static URI address(String text) throws ErpFailure {
        try {
            URI uri = URI.create(text.trim());
            if (uri.getHost() != null && uri.getScheme() != null && uri.getScheme().toLowerCase(java.util.Locale.ROOT).matches("https?")) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ErpFailure.bad("not an http(s) address: '" + text + "'");
    }

    /** The base address without a trailing slash. */
    public static String base(String url) {
        String u = url == null ? "" : url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * The connection test up to the protocol: dns, connection, tls (for https); then {@code judge} reads what
     * {@code request} answered and adds the authentication and protocol steps.
     */
    public List<ConnectionCheck> probe(URI base, HttpRequest request, Function<HttpResponse<String>, List<ConnectionCheck>> judge) {
        return HttpProbe.probe(client, base, request, CONNECT_TIMEOUT, judge);
    }
}
