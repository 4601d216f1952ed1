package org.atriumcrm.testkit.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the Atrium API, as a REST client would use it. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Answers CXF gave while the JAX-RS whiteboard was rebuilding the application (it does so whenever a
     * resource joins or leaves it, e.g. a plugin's): counted and retried, not hidden — the suite reports them.
     */
    public static final AtomicInteger REBUILD_BLIPS = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String authorization;

    public Api(String base) {
        this.base = base;
    }

    public Api basic(String user, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Api bearer(String token) {
        authorization = "Bearer " + token;
        return this;
    }

    public Api anonymous() {
        authorization = null;
        return this;
    }

    /** The answer to one request. */
    public static final class Answer {
        public final int status;
        public final HttpResponse<String> raw;
        public final String body;

        Answer(HttpResponse<String> raw) {
            this.raw = raw;
            this.status = raw.statusCode();
            this.body = raw.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Answer put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Answer patch(String path, String body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    public Answer delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Sends raw bytes, e.g. a plugin jar. */
    public Answer postBytes(String path, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return new Answer(client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends {@code body} as UTF-8 JSON unless a Content-Type header is given. */
    public Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null && !typed) {
            b.header("Content-Type", "application/json; charset=UTF-8");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpRequest request = b.build();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                Answer answer = new Answer(client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
                if (!isRebuildBlip(answer) || System.nanoTime() > deadline) {
                    return answer;
                }
                REBUILD_BLIPS.incrementAndGet();
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean isRebuildBlip(Answer answer) {
        // both are CXF between two versions of the whiteboard application: no endpoint yet, or the servlet's
        // destination without its observer (seen as a Jetty 500 page right after the first start)
        return answer.body != null && (answer.status == 404 && answer.body.contains("No service was found")
                || answer.status == 500 && answer.body.contains("incomingObserver"));
    }

    /** Polls {@code path} until it answers {@code status}; fails after a minute. */
    public Answer awaitStatus(String path, int status) {
        return Await.until(path + " to answer " + status, Duration.ofSeconds(60), () -> get(path), a -> a.status == status);
    }

    /** Polls {@code path} until it answers 2xx and returns that answer: endpoints appear asynchronously after a boot. */
    public Answer awaitOk(String path, Duration timeout) {
        return Await.until(path + " to answer 2xx", timeout, () -> get(path), a -> a.status >= 200 && a.status < 300);
    }

    /** Polls the public health probe until the platform is UP; fails after {@code timeout}. */
    public void awaitReady(Duration timeout) {
        // without credentials, and without the whiteboard retries of send(): the probe is what tells a boot is over
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).timeout(Duration.ofSeconds(5)).build();
        Await.until("Atrium to be ready", timeout, () -> {
            try {
                HttpResponse<String> r = client.send(probe, HttpResponse.BodyHandlers.ofString());
                return r.statusCode() + " " + r.body();
            } catch (IOException e) {
                return e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }, answer -> answer.startsWith("200 "));
    }
}
