import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shop webhook ingestion (issue 16), through the product's own paths on a running distribution: a WooCommerce
 * connector created with the REST API, then signed order.created deliveries posted by 8 clients at once against the
 * same endpoint's unsigned ping (answered without storing anything: the bare public endpoint) in the same run, and
 * the time until every delivery became a sales order (the processing behind the webhook's answer).
 *
 *   java benchmarks/ShopWebhookBench.java BASE_URL ADMIN_PASSWORD [deliveries-per-client]
 */
public class ShopWebhookBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final int CLIENTS = 8;
    static final String SECRET = "bench-webhook-密钥";
    static String base;
    static String auth;

    record Answer(int status, String body) {
    }

    record Stats(int count, int failed, double p50, double p95, double perSecond) {
    }

    interface Request {
        Answer apply(int client, int i);
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        int each = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        awaitReady();
        String tag = Long.toString(System.nanoTime() % 100000);
        String sku = "BENCH-" + tag;
        expect(201, send("POST", "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"基准测试椅 " + tag + "\",\"listPrice\":1200}", null));
        String connector = id(expect(201, send("POST", "/api/v1/connectors", "{\"name\":\"bench shop " + tag + "\",\"type\":\"woocommerce\","
                + "\"settings\":\"{\\\"storeUrl\\\":\\\"https://shop.example.cn\\\"}\",\"secret\":\"" + SECRET + "\"}", null)));
        String path = "/api/v1/public/shop/" + connector;

        // warm both paths up, then measure them one after the other in this run
        parallel(20, (c, i) -> ping(path));
        parallel(20, (c, i) -> deliver(path, 9_000_000 + c * 1000 + i, sku));
        Stats bare = parallel(each, (c, i) -> ping(path));
        long start = System.nanoTime();
        Stats signed = parallel(each, (c, i) -> deliver(path, 1_000_000 + c * 100_000 + i, sku));
        int expected = CLIENTS * each + CLIENTS * 20;
        int made = 0;
        for (int t = 0; t < 1200 && made < expected; t++) {
            Thread.sleep(500);
            made = total("/api/v1/sales-orders?limit=1&total=exact&filter=" + URLEncoder.encode("externalSource eq '" + connector + "'",
                    StandardCharsets.UTF_8).replace("+", "%20"));
        }
        double processing = (System.nanoTime() - start) / 1e9;

        System.out.println("### Shop webhooks, " + CLIENTS + " clients × " + each + " deliveries");
        System.out.println();
        System.out.println("| request | requests | failed | p50 ms | p95 ms | per second | baseline per second | ratio |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        row("unsigned ping (bare public endpoint, baseline)", bare, bare);
        row("signed order.created, stored once", signed, bare);
        System.out.println();
        System.out.printf("Sales orders made from the deliveries: %d of %d in %.1f s after the first delivery (%.0f orders/s).%n", made, expected,
                processing, made / processing);
    }

    static Answer ping(String path) {
        return send("POST", path, "webhook_id=12", "application/x-www-form-urlencoded");
    }

    static Answer deliver(String path, int order, String sku) {
        String body = """
                {"id": %d, "number": "%d", "status": "processing", "currency": "CNY", "date_created": "2026-12-07T10:15:30", "shipping_total": "15.00",
                 "billing": {"first_name": "静", "last_name": "陈", "company": "", "city": "杭州", "country": "CN",
                   "email": "buyer%d@bench.example.cn", "phone": "1380013%04d"},
                 "shipping": {"address_1": "文三路 90 号", "city": "杭州", "country": "CN"},
                 "line_items": [{"id": %d, "name": "基准测试椅", "quantity": 2, "sku": "%s", "price": 1100, "total": "2200.00"}]}"""
                .formatted(order, order, order % 500, order % 10000, order, sku);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("X-WC-Webhook-Topic", "order.created").header("X-WC-Webhook-Delivery-ID", "d-" + order)
                    .header("X-WC-Webhook-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> a = HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(a.statusCode(), a.body());
        } catch (Exception e) {
            return new Answer(599, e.toString());
        }
    }

    /** {@link #CLIENTS} threads released together, each making {@code each} requests one after the other. */
    static Stats parallel(int each, Request request) throws Exception {
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        long t = System.nanoTime();
                        Answer a = request.apply(client, i);
                        ms.add((System.nanoTime() - t) / 1e6);
                        if (a.status >= 300 && failed.incrementAndGet() <= 3) {
                            System.err.println("failed: " + a.status + " " + a.body);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        done.await();
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return new Stats(sorted.size(), failed.get(), pct(sorted, 50), pct(sorted, 95), sorted.size() / ((System.nanoTime() - start) / 1e9));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void row(String name, Stats s, Stats b) {
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %.0f | %.0f | %.2f |%n", name, s.count, s.failed, s.p50, s.p95, s.perSecond, b.perSecond,
                s.perSecond / b.perSecond);
    }

    static Answer send(String method, String path, String body, String contentType) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
            if (contentType == null) {
                r.header("Authorization", auth);
            }
            r = body == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
                    : r.header("Content-Type", contentType == null ? "application/json" : contentType)
                            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            HttpResponse<String> a = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(a.statusCode(), a.body());
        } catch (Exception e) {
            return new Answer(599, e.toString());
        }
    }

    static int total(String path) {
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(send("GET", path, null, null).body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static Answer expect(int status, Answer a) {
        if (a.status != status) {
            throw new IllegalStateException("expected " + status + ": " + a.status + " " + a.body);
        }
        return a;
    }

    static String id(Answer a) {
        Matcher m = ID.matcher(a.body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + a.body);
        }
        return m.group(1);
    }

    static void awaitReady() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (send("GET", "/api/v1/shop-deliveries?limit=1", null, null).status == 200 && send("GET", "/api/v1/connectors?limit=1", null, null).status == 200) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the distribution did not come up");
    }
}
