import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Stock pushes to a shop (issue 16), through the product's own paths on a running distribution, against WireMock
 * playing WooCommerce's REST API v3: products and a WooCommerce connector made with the REST API, then stock
 * movements booked by 8 clients at once with the REST API; measured is how many products' levels per second reach
 * the shop (GET products?sku= and POST products/batch, as the connector sends them), against the same requests sent
 * to the same WireMock by 8 bare clients in the same run (what the shop side alone allows).
 *
 *   java -cp wiremock-standalone.jar benchmarks/StockPushBench.java BASE_URL ADMIN_PASSWORD [products] [movements]
 */
public class StockPushBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final int CLIENTS = 8;
    static String base;
    static String auth;

    public static void main(String[] args) throws Exception {
        base = args[0];
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        int products = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int movements = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        awaitReady();
        WireMockServer shop = new WireMockServer(options().dynamicPort().containerThreads(32));
        shop.start();
        try {
            run(shop, products, movements);
        } finally {
            shop.stop();
        }
    }

    /** The distribution starts in the background: wait until the shop module's records answer. */
    static void awaitReady() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                send("GET", "/api/v1/shop-pushes?limit=1", null);
                send("GET", "/api/v1/connectors?limit=1", null);
                return;
            } catch (Exception notYet) {
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("the distribution did not come up");
    }

    static void run(WireMockServer shop, int products, int movements) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            String sku = "PUSH-" + i;
            shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).withQueryParam("sku", equalTo(sku))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[{\"id\": " + (9000 + i) + ", \"sku\": \"" + sku + "\"}]")));
            String id = id(send("POST", "/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"推送基准 " + i + "\",\"listPrice\":99,\"stocked\":true}"));
            ids.add(id);
            send("POST", "/api/v1/stock-movements", "{\"movementType\":\"OPENING_BALANCE\",\"productId\":\"" + id + "\",\"quantity\":1000}");
        }
        shop.stubFor(post(urlPathEqualTo("/wp-json/wc/v3/products/batch"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"update\": []}")));

        // baselines: the shop side alone — per product a GET by SKU, per 100 products a batch POST — from one client
        // (as the connector's one push route sends them, one after another) and from 8; a warm-up round first
        Work shopSide = i -> {
            request(shop.baseUrl() + "/wp-json/wc/v3/products?sku=PUSH-" + i, null);
            if (i % 100 == 99 || i == products - 1) {
                request(shop.baseUrl() + "/wp-json/wc/v3/products/batch", "{\"update\": [{\"id\": " + (9000 + i) + ", \"stock_quantity\": 1}]}");
            }
        };
        parallel(products, shopSide, CLIENTS);
        long t0 = System.nanoTime();
        parallel(products, shopSide, 1);
        double bareOne = products / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        parallel(products, shopSide, CLIENTS);
        double bare = products / ((System.nanoTime() - t0) / 1e9);
        shop.resetRequests();

        String settings = "{\\\"storeUrl\\\":\\\"" + shop.baseUrl() + "\\\",\\\"consumerKey\\\":\\\"ck_bench\\\",\\\"consumerSecret\\\":\\\"cs_bench\\\",\\\"pushDelaySeconds\\\":\\\"0\\\"}";
        String connector = id(send("POST", "/api/v1/connectors", "{\"name\":\"推送基准网店\",\"type\":\"woocommerce\",\"settings\":\"" + settings
                + "\",\"secret\":\"bench-secret\"}"));
        Thread.sleep(3000); // the connector's routes start
        long t1 = System.nanoTime();
        parallel(movements, (Work) m -> send("POST", "/api/v1/stock-movements", "{\"movementType\":\"ADJUSTMENT\",\"productId\":\"" + ids.get(m % products)
                + "\",\"quantity\":1,\"reason\":\"bench\"}"), CLIENTS);
        double booking = (System.nanoTime() - t1) / 1e9;
        String pending = "/api/v1/shop-pushes?limit=1&filter=" + URLEncoder.encode("connectorId eq '" + connector + "' and status eq 'pending'",
                StandardCharsets.UTF_8).replace("+", "%20");
        while (total(pending) > 0) {
            Thread.sleep(200);
        }
        double all = (System.nanoTime() - t1) / 1e9;
        int pushed = total("/api/v1/shop-pushes?limit=1&filter=" + URLEncoder.encode("connectorId eq '" + connector + "' and status eq 'delivered'",
                StandardCharsets.UTF_8).replace("+", "%20"));
        int batches = shop.countRequestsMatching(postRequestedFor(urlPathEqualTo("/wp-json/wc/v3/products/batch")).build()).getCount();
        System.out.println("### Stock pushes to WooCommerce (WireMock), " + products + " products, " + movements + " stock movements from " + CLIENTS + " clients");
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("| --- | --- |");
        System.out.printf("| baseline: 1 bare client → WireMock, product levels per second (the requests a push sends, one after another) | %.0f |%n", bareOne);
        System.out.printf("| baseline: 8 bare clients → WireMock, product levels per second | %.0f |%n", bare);
        System.out.printf("| Atrium → WireMock, product levels pushed per second (first movement booked until no push waits) | %.0f |%n", pushed / all);
        System.out.printf("| ratio to 1 bare client / to 8 | %.2f / %.2f |%n", pushed / all / bareOne, pushed / all / bare);
        System.out.printf("| last push delivered after the last movement was booked | %.1f s |%n", all - booking);
        System.out.printf("| stock movements booked per second (REST, 8 clients) | %.0f |%n", movements / booking);
        System.out.printf("| pushes delivered / batches sent | %d / %d |%n", pushed, batches);
    }

    interface Work {
        void run(int i) throws Exception;
    }

    static void parallel(int n, Work work, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            all.add(pool.submit(() -> {
                for (int i = client; i < n; i += clients) {
                    work.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
    }

    static String request(String url, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        r = body == null ? r.GET() : r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String send(String method, String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", auth)
                .header("Content-Type", "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> a = HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (a.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + a.statusCode() + " " + a.body());
        }
        return a.body();
    }

    static int total(String path) throws Exception {
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(send("GET", path, null));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }
}
