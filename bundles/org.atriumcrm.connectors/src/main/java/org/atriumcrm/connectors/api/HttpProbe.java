package org.atriumcrm.connectors.api;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The connection test of a connector whose counterpart speaks HTTP, step by step as administrators read it: dns,
 * connection, tls (for https), then what one request answered — the type's own judgement, or {@link #byStatus}.
 * Every step it could not reach is left out.
 *
 * @since 1.2
 */
@ProviderType
public final class HttpProbe {

    private HttpProbe() {
    }

    /** Walks dns, connection and tls to {@code base}, sends {@code request} and lets {@code judge} read the answer. */
    public static List<ConnectionCheck> probe(HttpClient client, URI base, HttpRequest request, Duration connectTimeout,
            Function<HttpResponse<String>, List<ConnectionCheck>> judge) {
        List<ConnectionCheck> checks = new ArrayList<>();
        String host = base.getHost();
        if (host == null) {
            checks.add(ConnectionCheck.failed("dns", "no host in " + base));
            return checks;
        }
        try {
            checks.add(ConnectionCheck.passed("dns", host + " → " + InetAddress.getByName(host).getHostAddress()));
        } catch (UnknownHostException e) {
            checks.add(ConnectionCheck.failed("dns", "unknown host " + host));
            return checks;
        }
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : https ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            checks.add(ConnectionCheck.passed("connection", host + ":" + port));
        } catch (IOException e) {
            checks.add(ConnectionCheck.failed("connection", host + ":" + port + ": " + e.getMessage()));
            return checks;
        }
        HttpResponse<String> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (javax.net.ssl.SSLException e) {
            checks.add(ConnectionCheck.failed("tls", e.getMessage()));
            return checks;
        } catch (IOException e) {
            checks.add(ConnectionCheck.failed("protocol", e.toString()));
            return checks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.add(ConnectionCheck.failed("protocol", "interrupted"));
            return checks;
        }
        if (https) {
            checks.add(ConnectionCheck.passed("tls", "certificate accepted"));
        }
        checks.addAll(judge.apply(answer));
        return checks;
    }

    /** The plain judgement of an answer: 401/403 is authentication refused, another non-2xx a protocol failure. */
    public static List<ConnectionCheck> byStatus(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String path = answer.request().uri().getPath();
        if (status == 401 || status == 403) {
            return List.of(ConnectionCheck.failed("authentication", "HTTP " + status + " from " + path));
        }
        if (status / 100 != 2) {
            return List.of(ConnectionCheck.passed("authentication", "not refused"), ConnectionCheck.failed("protocol", "HTTP " + status + " from " + path));
        }
        return List.of(ConnectionCheck.passed("authentication", "accepted"), ConnectionCheck.passed("protocol", "HTTP " + status + " from " + path));
    }
}
