import java.io.ByteArrayOutputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list-view benchmark (issue 13): loads accounts through the product's own import API (20 sales reps owning
 * 1/20 each) into a running distribution, then measures every kind of list request a CRM user makes — the default
 * view, each sort both ways, each filter kind alone and with a sort, quick search, related list, deep pages, exact
 * totals — as the administrator and as a rep, with 1 and with 8 concurrent clients, each cell against a baseline
 * measured in the same run: {@code GET /api/v1/accounts/{id}} at the same concurrency.
 *
 * <pre>
 *   java benchmarks/ListBench.java BASE_URL ADMIN_PASSWORD ACCOUNTS [--measure-only | --load-only | --await-only] [--label TEXT]
 * </pre>
 * Prints one markdown table. Not a test: no assertion on time; the README records the results.
 */
public class ListBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final int REPS = 20;
    static final String REP_PASSWORD = "Bench-rep-Passw0rd";
    static final String[] TYPES = {"customer", "reseller", "distributor", "partner", "competitor", "prospect", "supplier", "other"};
    static final String[] INDUSTRIES = {"agriculture", "manufacturing", "retail", "wholesale", "technology", "telecom", "finance",
        "education", "healthcare", "government", "real_estate", "logistics", "energy", "hospitality", "media", "other"};
    static final String[] RATINGS = {"hot", "warm", "cold"};
    static final String[] CITIES = {"上海", "北京", "深圳", "广州", "杭州", "成都", "武汉", "南京", "苏州", "西安", "重庆", "天津"};
    static final String[] WORDS = {"华为", "云杉", "科技", "贸易", "实业", "电子", "物流", "Acme", "Global", "Trading", "智能", "医疗"};
    static String base;
    static String adminAuth;
    static int samplesOne;
    static int samplesEach;

    public static void main(String[] args) throws Exception {
        base = args[0];
        adminAuth = basic("admin", args[1]);
        int accounts = Integer.parseInt(args[2]);
        boolean awaitOnly = List.of(args).contains("--await-only"); // until the API and the index are ready
        boolean measureOnly = awaitOnly || List.of(args).contains("--measure-only");
        String label = List.of(args).contains("--label") ? args[List.of(args).indexOf("--label") + 1] : "fresh start";
        boolean smoke = accounts <= 5_000;
        samplesOne = smoke ? 5 : 40;
        samplesEach = smoke ? 3 : 15;
        awaitHealth();
        List<String> reps = reps();
        if (!measureOnly) {
            long t0 = System.nanoTime();
            load(accounts, reps);
            System.err.printf("loaded %d accounts through the import API in %d s%n", accounts, (System.nanoTime() - t0) / 1_000_000_000);
        }
        long waited = System.nanoTime();
        awaitIndex();
        System.err.printf("index ready %d s after the API%n", (System.nanoTime() - waited) / 1_000_000_000);
        if (awaitOnly || List.of(args).contains("--load-only")) { // the UI benchmark loads its data this way
            return;
        }
        String repAuth = basic(reps.get(0).split(" ")[1], REP_PASSWORD);
        String anId = firstId(adminAuth, "/api/v1/accounts?limit=1&total=none");
        String repId = firstId(repAuth, "/api/v1/accounts?limit=1&total=none");
        for (String[] who : new String[][] {{adminAuth, anId}, {repAuth, repId}}) { // every cell once: JIT and caches warm
            for (String path : cells(who[1]).values()) {
                call("GET", path, who[0], null, null);
            }
        }
        System.out.println();
        System.out.printf("### List views, %,d accounts (%s)%n%n", count(), label);
        System.out.println("| request | caller | clients | p50 ms | p95 ms | baseline GET p50 ms | p50 / baseline | errors | p95 target | ≤ 3× GET |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String caller : List.of("admin", "rep")) {
            String auth = caller.equals("admin") ? adminAuth : repAuth;
            String own = caller.equals("admin") ? anId : repId;
            for (int clients : new int[] {1, 8}) {
                Stats baseline = measure(auth, "/api/v1/accounts/" + own, clients);
                row("GET /accounts/{id} (baseline)", caller, clients, baseline, baseline);
                for (Map.Entry<String, String> cell : cells(own).entrySet()) {
                    row(cell.getKey(), caller, clients, measure(auth, cell.getValue(), clients), baseline);
                }
            }
        }
        System.out.printf("%n%d of %d cells within the p95 target, %d of %d within 3× the same-run GET's p50 (%s).%n",
                cellsWithinP95, cellsMeasured, cellsWithinRatio, cellsMeasured, label);
    }

    /** The matrix; {@code anId} is an account the caller may see (its related list). */
    static Map<String, String> cells(String anId) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("default view (newest first)", "/api/v1/accounts?limit=20");
        for (String f : List.of("name", "createdAt", "modifiedAt", "annualRevenue", "employees", "billingCity", "type", "ownerId")) {
            c.put("sort " + f, "/api/v1/accounts?limit=20&sort=" + f);
            c.put("sort -" + f, "/api/v1/accounts?limit=20&sort=-" + f);
        }
        c.put("filter picklist eq", "/api/v1/accounts?limit=20&filter=" + enc("type eq 'customer'"));
        c.put("filter picklist in", "/api/v1/accounts?limit=20&filter=" + enc("industry in ('retail','wholesale')"));
        c.put("filter picklist ne", "/api/v1/accounts?limit=20&filter=" + enc("rating ne 'hot'"));
        c.put("filter text eq (selective)", "/api/v1/accounts?limit=20&filter=" + enc("name eq 'Acme 贸易 17'"));
        c.put("filter text like prefix", "/api/v1/accounts?limit=20&filter=" + enc("name like '华为*'"));
        c.put("filter text like contains", "/api/v1/accounts?limit=20&filter=" + enc("name like '*科技 1*'"));
        c.put("filter number range", "/api/v1/accounts?limit=20&filter=" + enc("annualRevenue ge 5000000 and annualRevenue lt 6000000"));
        c.put("filter integer lt", "/api/v1/accounts?limit=20&filter=" + enc("employees lt 50"));
        c.put("filter date range", "/api/v1/accounts?limit=20&filter=" + enc("createdAt ge 2020-01-01T00:00:00Z"));
        c.put("filter is null", "/api/v1/accounts?limit=20&filter=" + enc("website is null"));
        c.put("filter is not null", "/api/v1/accounts?limit=20&filter=" + enc("website is not null"));
        c.put("filter city eq + sort name", "/api/v1/accounts?limit=20&sort=name&filter=" + enc("billingCity eq '杭州'"));
        c.put("filter type eq + sort -createdAt", "/api/v1/accounts?limit=20&sort=-createdAt&filter=" + enc("type eq 'customer'"));
        c.put("filter industry + rating + sort -annualRevenue", "/api/v1/accounts?limit=20&sort=-annualRevenue&filter="
                + enc("industry eq 'retail' and rating eq 'hot'"));
        c.put("filter range + sort employees", "/api/v1/accounts?limit=20&sort=employees&filter=" + enc("annualRevenue ge 9000000"));
        c.put("quick search q (common)", "/api/v1/accounts?limit=20&q=" + enc("科技"));
        c.put("quick search q (rare)", "/api/v1/accounts?limit=20&q=" + enc("Acme 贸易 17"));
        c.put("quick search q + sort name", "/api/v1/accounts?limit=20&sort=name&q=" + enc("华为"));
        c.put("related list (member accounts)", "/api/v1/accounts/" + anId + "/member-accounts?limit=20");
        c.put("deep page offset 10,000", "/api/v1/accounts?limit=20&offset=10000");
        c.put("deep page offset 10,000 sort name", "/api/v1/accounts?limit=20&offset=10000&sort=name");
        c.put("total=exact", "/api/v1/accounts?limit=20&total=exact");
        c.put("total=exact + filter", "/api/v1/accounts?limit=20&total=exact&filter=" + enc("type eq 'customer'"));
        c.put("total=none", "/api/v1/accounts?limit=20&total=none");
        return c;
    }

    // --- loading through the product's own paths ---

    static List<String> reps() throws Exception {
        List<String> reps = new ArrayList<>();
        for (int i = 0; i < REPS; i++) {
            String login = "bench.rep" + i;
            Answer found = call("GET", "/api/v1/admin/users?limit=500", adminAuth, null, null);
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"loginName\"\\s*:\\s*\"" + Pattern.quote(login) + "\"").matcher(found.body);
            if (m.find()) {
                reps.add(m.group(1) + " " + login);
                continue;
            }
            Answer a = call("POST", "/api/v1/admin/users", adminAuth, "application/json",
                    ("{\"loginName\":\"" + login + "\",\"password\":\"" + REP_PASSWORD + "\",\"displayName\":\"销售代表 " + i + "\"}").getBytes(StandardCharsets.UTF_8));
            if (a.status != 201) {
                throw new IllegalStateException("creating " + login + ": " + a.status + " " + a.body);
            }
            reps.add(field(a.body, "id") + " " + login);
        }
        return reps;
    }

    static void load(int accounts, List<String> reps) throws Exception {
        Random random = new Random(13);
        int perRep = accounts / reps.size();
        List<String> jobs = new ArrayList<>();
        for (int r = 0; r < reps.size(); r++) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream(perRep * 120);
            csv.writeBytes("客户名称,客户类型,行业,客户等级,城市,年营业额,员工人数,网址,电话\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < perRep; i++) {
                int n = r * perRep + i;
                String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + n;
                String line = name + "," + TYPES[random.nextInt(TYPES.length)] + "," + INDUSTRIES[random.nextInt(INDUSTRIES.length)]
                        + "," + RATINGS[random.nextInt(RATINGS.length)] + "," + (random.nextInt(10) == 0 ? "" : CITIES[random.nextInt(CITIES.length)])
                        + "," + random.nextInt(10_000_000) + "," + random.nextInt(5000)
                        + "," + (random.nextInt(3) == 0 ? "" : "https://www.example" + n + ".cn")
                        + ",021-" + (10_000_000 + random.nextInt(89_999_999)) + "\n";
                csv.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }
            Answer upload = call("POST", "/api/v1/imports?entity=accounts&fileName=" + enc("客户-" + r + ".csv"), adminAuth, "text/csv", csv.toByteArray());
            if (upload.status != 201) {
                throw new IllegalStateException("upload: " + upload.status + " " + upload.body);
            }
            String body = "{\"fileId\":\"" + field(upload.body, "id") + "\",\"entity\":\"accounts\",\"columns\":{\"客户名称\":\"name\","
                    + "\"客户类型\":\"type\",\"行业\":\"industry\",\"客户等级\":\"rating\",\"城市\":\"billingCity\",\"年营业额\":\"annualRevenue\","
                    + "\"员工人数\":\"employees\",\"网址\":\"website\",\"电话\":\"phone\"},\"duplicates\":{\"action\":\"create\"},"
                    + "\"ownerId\":\"" + reps.get(r).split(" ")[0] + "\"}";
            Answer job = call("POST", "/api/v1/jobs/import", adminAuth, "application/json", body.getBytes(StandardCharsets.UTF_8));
            if (job.status != 202) {
                throw new IllegalStateException("import job: " + job.status + " " + job.body);
            }
            jobs.add(field(job.body, "id"));
        }
        for (String job : jobs) {
            while (true) {
                Answer a = call("GET", "/api/v1/jobs/" + job, adminAuth, null, null);
                String status = field(a.body, "status");
                if (status.equals("completed")) {
                    break;
                }
                if (status.equals("failed") || status.equals("cancelled")) {
                    throw new IllegalStateException("job " + job + ": " + a.body);
                }
                Thread.sleep(2000);
            }
            System.err.println("import job " + job + " completed");
        }
    }

    /** Until every indexed type is built and nothing is queued (the list index is what the lists use). */
    static void awaitIndex() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            Answer a = call("GET", "/api/v1/search-index", adminAuth, null, null);
            Matcher m = Pattern.compile("\"Account\"\\s*:\\s*\\{([^}]*)\\}").matcher(a.body);
            if (m.find() && m.group(1).contains("\"built\":true") && m.group(1).contains("\"queued\":0")
                    && !m.group(1).contains("\"building\":true") && !m.group(1).contains("\"catchingUp\":true")) {
                System.err.println("index: " + m.group(1));
                return;
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the index was not built in 30 minutes");
    }

    // --- measuring ---

    record Stats(double p50, double p95, int errors, int n) {
    }

    static Stats measure(String auth, String path, int clients) throws Exception {
        for (int i = 0; i < 3; i++) {
            call("GET", path, auth, null, null); // warm-up
        }
        int each = clients == 1 ? samplesOne : samplesEach;
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long cap = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // a slow cell reports what it did in a minute
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each && System.nanoTime() < cap; i++) {
                        long t0 = System.nanoTime();
                        Answer a = call("GET", path, auth, null, null);
                        times.add((System.nanoTime() - t0) / 1e6);
                        if (a.status != 200) {
                            errors.incrementAndGet();
                            System.err.println(path + " -> " + a.status + " " + a.body);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return new Stats(pct(sorted, 50), pct(sorted, 95), errors.get(), sorted.size());
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Cells measured, cells within the p95 target, cells within 3× the same-run GET's p50. */
    static int cellsMeasured;
    static int cellsWithinP95;
    static int cellsWithinRatio;

    static void row(String name, String caller, int clients, Stats s, Stats baseline) {
        boolean isBaseline = s == baseline;
        // the targets: p95 ≤ 50 ms alone and ≤ 150 ms with 8 clients; the default view ≤ 20 ms alone
        double target = clients == 1 ? (name.startsWith("default view") ? 20 : 50) : 150;
        boolean p95 = s.p95 <= target && s.errors == 0;
        boolean ratio = s.p50 <= 3 * baseline.p50;
        if (!isBaseline) {
            cellsMeasured++;
            cellsWithinP95 += p95 ? 1 : 0;
            cellsWithinRatio += ratio ? 1 : 0;
        }
        System.out.printf("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s |%n", name, caller, clients, s.p50, s.p95, baseline.p50,
                s.p50 / baseline.p50, s.errors == 0 ? "0" : s.errors + " of " + s.n,
                isBaseline ? "" : (p95 ? "yes" : "**no** (" + (int) target + ")"), isBaseline ? "" : (ratio ? "yes" : "**no**"));
    }

    // --- HTTP ---

    record Answer(int status, String body) {
    }

    static Answer call(String method, String path, String auth, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", auth).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }

    static void awaitHealth() throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (call("GET", "/api/v1/health", adminAuth, null, null).status == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not healthy");
    }

    static long count() throws Exception {
        return Long.parseLong(field(call("GET", "/api/v1/accounts?limit=1&total=exact", adminAuth, null, null).body, "total"));
    }

    static String firstId(String auth, String path) throws Exception {
        return field(call("GET", path, auth, null, null).body, "id");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
