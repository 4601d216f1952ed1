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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order-to-cash benchmark (issue 15), over the REST API of a running distribution, each figure against a
 * baseline measured in the same run at the same concurrency:
 * <ul>
 * <li>a quote of 200 lines: each line added (the server re-totals the quote under its row lock every time), a
 * quantity changed on the full quote, and the quote with its 200 lines read back — against creating, updating and
 * reading an account;</li>
 * <li>delivery notes issued (stock out through the inventory ledger and the order's delivered quantities in one
 * transaction) by 8 clients at once, on one product that every note takes from (the hot balance row) and on one
 * product per client — against creating accounts with 8 clients;</li>
 * <li>payments recorded against invoices by 8 clients at once — against the same account creates.</li>
 * </ul>
 * <pre>
 *   java benchmarks/OrderToCashBench.java BASE_URL ADMIN_PASSWORD [LINES] [DELIVERIES_PER_CLIENT]
 * </pre>
 * Prints markdown tables. Not a test: it asserts nothing about time; a request that does not answer as the product
 * promises (a 4xx/5xx where a 2xx is due) is counted and reported.
 */
public class OrderToCashBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final int CLIENTS = 8;
    static String base;
    static String auth;

    record Answer(int status, String body) {
    }

    record Stats(int count, int failed, double p50, double p95, double perSecond) {
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int perClient = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        awaitReady();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String account = id(expect(201, send("POST", "/api/v1/accounts", "{\"name\":\"杭州西湖贸易有限公司 " + tag + "\"}")));

        // products through the REST API, as a catalogue administrator enters them
        List<String> products = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            products.add(id(expect(201, send("POST", "/api/v1/products", "{\"sku\":\"B-" + tag + "-" + i + "\",\"name\":\"基准产品 "
                    + i + "\",\"listPrice\":" + (10 + i % 90) + ".50,\"cost\":5}"))));
        }

        System.out.println("## Quote of " + lines + " lines (1 client)\n");
        System.out.println("| request | n | failed | p50 ms | p95 ms | baseline | baseline p50 ms | p50 / baseline |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        String quote = id(expect(201, send("POST", "/api/v1/quotes", "{\"subject\":\"基准报价 " + tag + "\",\"accountId\":\"" + account + "\"}")));
        List<String> quoteLines = Collections.synchronizedList(new ArrayList<>());
        Stats addLine = sequential(lines, i -> {
            Answer a = send("POST", "/api/v1/quote-lines", "{\"quoteId\":\"" + quote + "\",\"productId\":\"" + products.get(i)
                    + "\",\"quantity\":" + (1 + i % 7) + ",\"discountPercent\":" + (i % 3 == 0 ? 5 : 0) + "}");
            if (a.status == 201) {
                quoteLines.add(id(a));
            }
            return a;
        });
        Stats addAccount = sequential(lines, i -> send("POST", "/api/v1/accounts", "{\"name\":\"Baseline " + tag + " " + i + "\"}"));
        row("add a line (quote re-totalled)", addLine, "create an account", addAccount);
        int changes = Math.min(40, quoteLines.size());
        Stats changeLine = sequential(changes, i -> send("PATCH", "/api/v1/quote-lines/" + quoteLines.get(i), "{\"quantity\":" + (2 + i % 5) + "}"));
        Stats changeAccount = sequential(changes, i -> send("PATCH", "/api/v1/accounts/" + account, "{\"description\":\"v" + i + "\"}"));
        row("change a quantity on the full quote", changeLine, "update an account", changeAccount);
        String linesPath = "/api/v1/quote-lines?limit=200&filter=" + enc("quoteId eq '" + quote + "'");
        Stats readQuote = sequential(20, i -> {
            Answer q = send("GET", "/api/v1/quotes/" + quote, null);
            return q.status != 200 ? q : send("GET", linesPath, null);
        });
        Stats readAccount = sequential(20, i -> {
            Answer a = send("GET", "/api/v1/accounts/" + account, null);
            return a.status != 200 ? a : send("GET", "/api/v1/accounts?limit=200", null);
        });
        row("read the quote and its " + lines + " lines", readQuote, "read an account and a 200-row list", readAccount);
        String totals = send("GET", "/api/v1/quotes/" + quote, null).body;
        System.out.println("\nThe quote as the server totalled it: lineCount " + field(totals, "lineCount") + ", grand total "
                + field(totals, "grandTotal") + " " + field(totals, "currency") + ".\n");

        // delivery notes: confirmed orders of 10 units each, stock enough for all of them
        int deliveries = CLIENTS * perClient;
        String shared = products.get(0);
        opening(shared, deliveries + 10);
        List<String> own = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            own.add(products.get(1 + c));
            opening(own.get(c), perClient + 10);
        }
        List<String> sharedLines = orderLines(account, shared, deliveries);
        List<List<String>> ownLines = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            ownLines.add(orderLines(account, own.get(c), perClient));
        }
        System.out.println("## Delivery notes issued, " + CLIENTS + " clients at once\n");
        System.out.println("| request | n | failed | p50 ms | p95 ms | per second | baseline per second | per second / baseline |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Stats creates = parallel(perClient, (c, i) -> send("POST", "/api/v1/accounts", "{\"name\":\"Parallel " + tag + " " + c + "-" + i + "\"}"));
        Stats hot = parallel(perClient, (c, i) -> deliver(sharedLines.get(c * perClient + i)));
        throughput("delivery note, all on one product", hot, creates);
        Stats apart = parallel(perClient, (c, i) -> deliver(ownLines.get(c).get(i)));
        throughput("delivery note, one product per client", apart, creates);
        String balance = send("GET", "/api/v1/stock-balances?filter=" + enc("productId eq '" + shared + "'"), null).body;
        System.out.println("\nOn hand of the shared product after the run: " + field(balance, "onHand") + " (10 expected).\n");

        // payments: one invoice per delivered order line, paid by 8 clients at once
        List<String> invoices = new ArrayList<>();
        for (String salesOrder : ordersOf(account, deliveries)) {
            Answer inv = send("POST", "/api/v1/sales-orders/" + salesOrder + "/invoice", "{\"issue\":true}");
            if (inv.status == 200 || inv.status == 201) {
                invoices.add(id(inv));
            }
        }
        if (!invoices.isEmpty()) {
            int each = Math.max(1, invoices.size() / CLIENTS);
            System.out.println("## Payments recorded, " + CLIENTS + " clients at once\n");
            System.out.println("| request | n | failed | p50 ms | p95 ms | per second | baseline per second | per second / baseline |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            Stats pay = parallel(each, (c, i) -> send("POST", "/api/v1/payments", "{\"invoiceId\":\"" + invoices.get(c * each + i)
                    + "\",\"amount\":1,\"method\":\"bank_transfer\"}"));
            throughput("payment against an invoice", pay, creates);
        }
    }

    static Answer deliver(String orderLine) {
        return send("POST", "/api/v1/sales-orders/" + orderOf.get(orderLine) + "/deliver", "{\"lines\":[{\"salesOrderLineId\":\""
                + orderLine + "\",\"quantity\":1}],\"issue\":true}");
    }

    static final java.util.Map<String, String> orderOf = new java.util.concurrent.ConcurrentHashMap<>();
    static final List<String> orders = Collections.synchronizedList(new ArrayList<>());

    /** {@code units} order lines for 1 unit each of {@code product}, in confirmed orders of 10 lines. */
    static List<String> orderLines(String account, String product, int units) {
        List<String> out = new ArrayList<>();
        String order = null;
        for (int i = 0; i < units; i++) {
            if (i % 10 == 0) {
                if (order != null) {
                    expect(200, send("POST", "/api/v1/sales-orders/" + order + "/confirm", "{}"));
                }
                order = id(expect(201, send("POST", "/api/v1/sales-orders", "{\"subject\":\"基准订单\",\"accountId\":\"" + account
                        + "\",\"paymentTermDays\":30}")));
                orders.add(order);
            }
            String line = id(expect(201, send("POST", "/api/v1/sales-order-lines", "{\"salesOrderId\":\"" + order + "\",\"productId\":\""
                    + product + "\",\"quantity\":1}")));
            orderOf.put(line, order);
            out.add(line);
        }
        expect(200, send("POST", "/api/v1/sales-orders/" + order + "/confirm", "{}"));
        return out;
    }

    static List<String> ordersOf(String account, int atMost) {
        return orders.subList(0, Math.min(atMost, orders.size()));
    }

    static void opening(String product, int quantity) {
        expect(201, send("POST", "/api/v1/stock-movements", "{\"movementType\":\"OPENING_BALANCE\",\"productId\":\"" + product
                + "\",\"quantity\":" + quantity + "}"));
    }

    static Stats sequential(int n, IntFunction<Answer> request) {
        List<Double> ms = new ArrayList<>();
        int failed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Answer a = request.apply(i);
            ms.add((System.nanoTime() - t) / 1e6);
            if (a.status >= 300) {
                failed++;
                if (failed <= 3) {
                    System.err.println("failed: " + a.status + " " + a.body);
                }
            }
        }
        return stats(ms, failed, System.nanoTime() - start);
    }

    interface Request {
        Answer apply(int client, int i);
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
        return stats(new ArrayList<>(ms), failed.get(), System.nanoTime() - start);
    }

    static Stats stats(List<Double> ms, int failed, long nanos) {
        Collections.sort(ms);
        return new Stats(ms.size(), failed, pct(ms, 50), pct(ms, 95), ms.size() / (nanos / 1e9));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void row(String name, Stats s, String baselineName, Stats b) {
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %s | %.1f | %.2f |%n", name, s.count, s.failed, s.p50, s.p95, baselineName, b.p50,
                s.p50 / b.p50);
    }

    static void throughput(String name, Stats s, Stats b) {
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.2f |%n", name, s.count, s.failed, s.p50, s.p95, s.perSecond,
                b.perSecond, s.perSecond / b.perSecond);
    }

    static Answer send(String method, String path, String json) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", auth).header("Accept", "application/json");
            r = json == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
                    : r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> a = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(a.statusCode(), a.body());
        } catch (Exception e) {
            return new Answer(599, e.toString());
        }
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

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void awaitReady() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (send("GET", "/api/v1/sales-orders?limit=1", null).status == 200 && send("GET", "/api/v1/payments?limit=1", null).status == 200) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the API did not come up");
    }
}
