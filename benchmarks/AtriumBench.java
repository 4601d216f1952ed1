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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issue-7 benchmarks against a running distribution with the bench bundle ({@code org.atriumcrm.bench}) deployed.
 * Every figure is a ratio to a baseline measured in the same run, in the same container:
 * <ol>
 * <li>REST throughput: {@code GET /api/v1/accounts/{id}} and {@code POST /api/v1/accounts} with N concurrent clients,
 * against a bare JAX-RS endpoint answering a constant JSON of the same size ({@code /api/v1/public/bench/account},
 * framework ceiling), the same constant behind Atrium's authentication filter ({@code /api/v1/bench/bare/account}),
 * and raw JDBC on the same Derby database, over HTTP ({@code /api/v1/bench/jdbc/account}) and in a loop inside the
 * container (database ceiling);</li>
 * <li>list queries over N accounts (filtered + sorted page, quick search) as the administrator, a manager who sees
 * every account through the role hierarchy, and a rep who sees 1/20, against the same page written by hand in SQL
 * ({@code /api/v1/bench/sql/...}) with the caller's visibility as an {@code OWNER_ID IN (...)}, interleaved request by
 * request.</li>
 * </ol>
 * Only JDK classes: {@code java benchmarks/AtriumBench.java <baseUrl> <adminPassword> <accounts> [--smoke]}.
 * Prints one markdown table per benchmark. Import and export at volume: {@code benchmarks/bulk.sh} (BulkBenchmarkIT).
 */
public class AtriumBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "http");
                t.setDaemon(true);
                return t;
            })).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    static final Pattern PER_SECOND = Pattern.compile("\"perSecond\"\\s*:\\s*([0-9.]+)");
    static final String PASSWORD = "Bench-Pass-2026";
    static String base;
    static boolean smoke;

    record Answer(int status, String body) {
    }

    static Answer send(String auth, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (json != null) {
            b.header("Content-Type", "application/json; charset=UTF-8");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }

    static Answer expect(int status, Answer a) {
        if (a.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + a.status() + " " + a.body());
        }
        return a;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String created(Answer a) {
        Matcher m = ID.matcher(expect(201, a).body());
        m.find();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong();

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            run(args);
            status = 0;
        } finally {
            System.exit(status); // the client pools' threads must not keep the JVM alive after a failure
        }
    }

    static void run(String[] args) throws Exception {
        base = args[0];
        String admin = basic("admin", args[1]);
        int accounts = Integer.parseInt(args[2]);
        smoke = List.of(args).contains("--smoke");
        String tag = Long.toString(System.currentTimeMillis(), 36);

        // callers: 20 reps under a manager (role hierarchy), each owning 1/20 of the accounts
        String director = created(send(admin, "POST", "/api/v1/admin/roles", "{\"name\":\"Bench director " + tag + "\"}"));
        String managerRole = created(send(admin, "POST", "/api/v1/admin/roles", "{\"name\":\"Bench manager\",\"parentId\":\"" + director + "\"}"));
        String repRole = created(send(admin, "POST", "/api/v1/admin/roles", "{\"name\":\"Bench rep\",\"parentId\":\"" + managerRole + "\"}"));
        String profile = created(send(admin, "POST", "/api/v1/admin/profiles", "{\"name\":\"Bench rep " + tag + "\","
                + "\"rights\":{\"*\":[\"view\",\"create\",\"edit\",\"delete\",\"export\"]}}"));
        List<String> reps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reps.add(created(send(admin, "POST", "/api/v1/admin/users", "{\"loginName\":\"bench.rep" + i + "." + tag + "\",\"password\":\""
                    + PASSWORD + "\",\"roleId\":\"" + repRole + "\",\"profileIds\":[\"" + profile + "\"]}")));
        }
        String manager = created(send(admin, "POST", "/api/v1/admin/users", "{\"loginName\":\"bench.manager." + tag + "\",\"password\":\""
                + PASSWORD + "\",\"roleId\":\"" + managerRole + "\",\"profileIds\":[\"" + profile + "\"]}"));
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("admin", admin);
        callers.put("manager", basic("bench.manager." + tag, PASSWORD));
        callers.put("rep", basic("bench.rep0." + tag, PASSWORD));
        Map<String, String> owners = new LinkedHashMap<>(); // what each caller sees, as the hand-written SQL's IN list
        owners.put("admin", "");
        List<String> managerSees = new ArrayList<>(reps);
        managerSees.add(manager);
        owners.put("manager", String.join(",", managerSees));
        owners.put("rep", reps.get(0));

        // the persistence unit creates its tables on first use: one API call before the seeder writes with JDBC
        expect(200, send(admin, "GET", "/api/v1/accounts?limit=1", null));
        // a small table first: the REST throughput benchmark
        int small = Math.min(accounts, smoke ? 1_000 : 10_000);
        seed(admin, small, 0, String.join(",", reps));
        restThroughput(admin, reps.get(0), tag);

        if (accounts > small) {
            seed(admin, accounts - small, small, String.join(",", reps));
        }
        rebuildSearchIndex(admin);
        listQueries(callers, owners, accounts);
        if (accounts > 10_000) {
            System.out.println();
            System.out.println("At " + accounts + " accounts (create with the duplicate check on the name):");
            restThroughput(admin, reps.get(0), tag + "b", List.of(1, 4), List.of("POST"));
        }
    }

    static void seed(String admin, int n, int from, String ownerIds) throws Exception {
        long t0 = System.nanoTime();
        int chunk = 100_000;
        for (int done = 0; done < n; done += chunk) {
            int size = Math.min(chunk, n - done);
            expect(200, send(admin, "POST", "/api/v1/bench/seed/accounts?n=" + size + "&from=" + (from + done) + "&owners=" + ownerIds, null));
        }
        System.out.printf(Locale.ROOT, "seeded %d accounts with JDBC batches in %.1f s (setup, not a figure)%n", n,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The seeder writes around the platform (JDBC), so the quick-search index cannot know its rows: rebuilt here as an
     * administrator would after such a load, and waited for (setup, not a figure).
     */
    static void rebuildSearchIndex(String admin) throws Exception {
        long t0 = System.nanoTime();
        expect(202, send(admin, "POST", "/api/v1/search-index/rebuild?entity=Account", null));
        Pattern account = Pattern.compile("\"Account\":\\{\"documents\":(\\d+),\"built\":(true|false),\"building\":(true|false),\"queued\":\\d+,(?:\"catchingUp\":(?:true|false),)?\"used\":(true|false)");
        while (true) {
            String status = expect(200, send(admin, "GET", "/api/v1/search-index", null)).body();
            Matcher m = account.matcher(status);
            if (!m.find()) {
                throw new IllegalStateException("no Account in the search index status: " + status);
            }
            if (m.group(2).equals("true") && m.group(3).equals("false")) {
                System.out.printf(Locale.ROOT, "quick-search index rebuilt: %s accounts in %.1f s (setup, not a figure); searches use it: %s%n",
                        m.group(1), (System.nanoTime() - t0) / 1e9, m.group(4));
                return;
            }
            Thread.sleep(500);
        }
    }

    // ---- 1. REST throughput ----

    static void restThroughput(String admin, String owner, String tag) throws Exception {
        restThroughput(admin, owner, tag, smoke ? List.of(4) : List.of(1, 4, 16), List.of("GET", "POST"));
    }

    static void restThroughput(String admin, String owner, String tag, List<Integer> clientCounts, List<String> ops) throws Exception {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(expect(200, send(admin, "GET", "/api/v1/accounts?limit=500", null)).body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        // the bare endpoints answer a real account's JSON, byte for byte the size of what the API answers
        String sample = expect(200, send(admin, "GET", "/api/v1/accounts/" + ids.get(0), null)).body();
        expect(204, send(admin, "PUT", "/api/v1/bench/bare/account", sample));
        String jdbcSample = expect(200, send(admin, "GET", "/api/v1/bench/jdbc/account/" + ids.get(0), null)).body();
        System.out.printf(Locale.ROOT, "%nREST throughput (requests/s; account JSON %d bytes from the API, %d from JDBC; %s):%n%n",
                sample.getBytes(StandardCharsets.UTF_8).length, jdbcSample.getBytes(StandardCharsets.UTF_8).length,
                smoke ? "smoke: 50 requests per cell" : "8 s per cell after 2 s warm-up");
        System.out.println("| request | clients | bare JAX-RS | bare + Atrium auth | JDBC over HTTP | JDBC in container | Atrium REST "
                + "| REST / bare | REST / JDBC over HTTP | REST / JDBC in container |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        String body = "{\"name\":\"Bench post %s\",\"industry\":\"retail\",\"ownerId\":\"" + owner
                + "\",\"annualRevenue\":1000,\"phone\":\"021-12345678\"}";
        if (!smoke) { // every server path warm (JIT, pools, caches) before the first cell: the first target is not penalised
            for (String path : List.of("/api/v1/public/bench/account", "/api/v1/bench/bare/account", "/api/v1/bench/jdbc/account/",
                    "/api/v1/accounts/")) {
                closedLoop(4, i -> expect(200, send(path.contains("public") ? null : admin, "GET",
                        path + (path.endsWith("/") ? pick(ids) : ""), null)), 3_000);
            }
        }
        for (String op : ops) {
            for (int clients : clientCounts) {
                double bare;
                double auth;
                double jdbcHttp;
                double rest;
                if (op.equals("GET")) {
                    bare = rate(clients, i -> expect(200, send(null, "GET", "/api/v1/public/bench/account", null)));
                    auth = rate(clients, i -> expect(200, send(admin, "GET", "/api/v1/bench/bare/account", null)));
                    jdbcHttp = rate(clients, i -> expect(200, send(admin, "GET", "/api/v1/bench/jdbc/account/" + pick(ids), null)));
                    rest = rate(clients, i -> expect(200, send(admin, "GET", "/api/v1/accounts/" + pick(ids), null)));
                } else {
                    bare = rate(clients, i -> expect(201, send(null, "POST", "/api/v1/public/bench/account", String.format(body, tag + " " + i))));
                    auth = rate(clients, i -> expect(201, send(admin, "POST", "/api/v1/bench/bare/account", String.format(body, tag + " " + i))));
                    jdbcHttp = rate(clients, i -> expect(201, send(admin, "POST", "/api/v1/bench/jdbc/account?owner=" + owner,
                            String.format(body, tag + " " + i))));
                    rest = rate(clients, i -> expect(201, send(admin, "POST", "/api/v1/accounts", String.format(body, tag + " rest " + UNIQUE.incrementAndGet()))));
                }
                long millis = smoke ? 300 : 8_000;
                String loop = expect(200, send(admin, "POST", "/api/v1/bench/jdbc/loop?op=" + (op.equals("GET") ? "select" : "insert")
                        + "&threads=" + clients + "&millis=" + millis + "&owner=" + owner, null)).body();
                Matcher pm = PER_SECOND.matcher(loop);
                pm.find();
                double inContainer = Double.parseDouble(pm.group(1));
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %s | %.2g | %.2g | %.2g |%n",
                        op.equals("GET") ? "GET /accounts/{id}" : "POST /accounts", clients, bare, auth, jdbcHttp, inContainer,
                        perSecond(rest), rest / bare, rest / jdbcHttp, rest / inContainer);
                positive(bare, auth, jdbcHttp, inContainer, rest);
                if (op.equals("POST")) {
                    // the same without the duplicate check on the name (LOWER(TRIM(NAME)) = ?: no index can serve it)
                    double unchecked = rate(clients, i -> expect(201, send(admin, "POST", "/api/v1/accounts?allowDuplicates=true",
                            String.format(body, tag + " rest " + UNIQUE.incrementAndGet()))));
                    System.out.printf(Locale.ROOT, "| POST /accounts?allowDuplicates=true | %d | (same) | | | | %s | %.2g | %.2g | %.2g |%n",
                            clients, perSecond(unchecked), unchecked / bare, unchecked / jdbcHttp, unchecked / inContainer);
                    positive(unchecked);
                }
            }
        }
    }

    /** A rate with two significant digits below 10/s (a create that scans a million rows runs at a fraction of one). */
    static String perSecond(double rate) {
        return rate >= 10 ? String.format(Locale.ROOT, "%.0f", rate) : String.format(Locale.ROOT, "%.2g", rate);
    }

    interface Call {
        Answer call(long i) throws Exception;
    }

    static String pick(List<String> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    /** Requests per second of {@code clients} closed-loop clients: 2 s warm-up then 8 s (smoke: 50 requests in all). */
    static double rate(int clients, Call call) throws Exception {
        if (smoke) {
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long n = i;
                all.add(pool.submit(() -> call.call(n)));
            }
            for (Future<?> f : all) {
                f.get();
            }
            pool.shutdown();
            return 50 / ((System.nanoTime() - t0) / 1e9);
        }
        closedLoop(clients, call, 2_000);
        long t0 = System.nanoTime();
        long n = closedLoop(clients, call, 8_000);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    static long closedLoop(int clients, Call call, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long offset = (long) c << 40;
            all.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    call.call(offset + n);
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(millis);
        stop.set(true);
        long total = 0;
        for (Future<Long> f : all) {
            total += f.get();
        }
        pool.shutdown();
        return total;
    }

    // ---- 2. list queries ----

    static void listQueries(Map<String, String> callers, Map<String, String> owners, int accounts) throws Exception {
        String term = "seed " + Math.max(1, accounts / 100); // "seed 10000" matches seed 10000 and 100000..100009
        Map<String, String[]> queries = new LinkedHashMap<>(); // name -> {API path, SQL path}
        String filter = "/api/v1/accounts?filter=" + enc("industry eq 'retail'") + "&sort=-createdAt&limit=50";
        queries.put("filter+sort page", new String[] {filter, "/api/v1/bench/sql/list?industry=retail&limit=50"});
        queries.put("filter+sort page, total=exact", new String[] {filter + "&total=exact",
            "/api/v1/bench/sql/list?industry=retail&limit=50&total=exact"});
        queries.put("quick search", new String[] {"/api/v1/accounts?q=" + enc(term) + "&limit=50",
            "/api/v1/bench/sql/search?q=" + enc(term) + "&limit=50"});
        int requests = smoke ? 10 : 200;
        System.out.printf(Locale.ROOT, "%nList queries over %d accounts (industry eq 'retail' = 1/16 of them, newest first, 50 per page; "
                + "quick search '%s'; %d timed requests per cell (full run: 60 for total=exact, 10 for quick search), interleaved API/SQL and caller by caller; ms):%n%n", accounts, term,
                requests);
        System.out.println("| query | caller | total | API p50 | API p95 | SQL p50 | SQL p95 | API / SQL p50 | API / SQL p95 "
                + "| API p95 / admin API p95 |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Map.Entry<String, String[]> q : queries.entrySet()) {
            // a scan of the table per quick search, of 1/16 of the index per exact count: fewer of those in a full run
            int n = smoke ? requests : q.getKey().startsWith("quick") ? Math.min(requests, 10)
                    : q.getKey().contains("exact") ? Math.min(requests, 60) : requests;
            Map<String, List<Double>> api = new LinkedHashMap<>();
            Map<String, List<Double>> sql = new LinkedHashMap<>();
            Map<String, String> totals = new LinkedHashMap<>();
            for (String c : callers.keySet()) {
                api.put(c, new ArrayList<>());
                sql.put(c, new ArrayList<>());
                String sqlPath = sqlPath(q.getValue()[1], owners.get(c));
                int warmUps = smoke || q.getKey().startsWith("quick") ? 2 : 5;
                for (int w = 0; w < warmUps; w++) { // warm-up, statement caches, the credential cache
                    String a = expect(200, send(callers.get(c), "GET", q.getValue()[0], null)).body();
                    String s = expect(200, send(callers.get("admin"), "GET", sqlPath, null)).body();
                    String at = total(a);
                    if (!at.equals(total(s))) {
                        throw new IllegalStateException(q.getKey() + " as " + c + ": API total " + at + " but SQL " + total(s));
                    }
                    totals.put(c, at);
                }
            }
            for (int i = 0; i < n; i++) {
                for (String c : callers.keySet()) {
                    api.get(c).add(time(() -> expect(200, send(callers.get(c), "GET", q.getValue()[0], null))));
                    sql.get(c).add(time(() -> expect(200, send(callers.get("admin"), "GET", sqlPath(q.getValue()[1], owners.get(c)), null))));
                }
            }
            double adminP95 = percentile(api.get("admin"), 95);
            for (String c : callers.keySet()) {
                double ap50 = percentile(api.get(c), 50);
                double ap95 = percentile(api.get(c), 95);
                double sp50 = percentile(sql.get(c), 50);
                double sp95 = percentile(sql.get(c), 95);
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f |%n", q.getKey(), c,
                        totals.get(c), ap50, ap95, sp50, sp95, ap50 / sp50, ap95 / sp95, ap95 / adminP95);
                positive(ap50, ap95, sp50, sp95);
            }
        }
    }

    static String sqlPath(String path, String owners) {
        return owners.isEmpty() ? path : path + "&owners=" + owners;
    }

    /** The total of a page, with "+" when it is a lower bound ({@code totalExact: false}). */
    static String total(String body) {
        Matcher m = TOTAL.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no total in " + body);
        }
        return m.group(1) + (body.contains("\"totalExact\":false") ? "+" : "");
    }

    interface Timed {
        void run() throws Exception;
    }

    static double time(Timed t) throws Exception {
        long t0 = System.nanoTime();
        t.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    static void positive(double... figures) {
        for (double f : figures) {
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalStateException("a figure is not a finite positive number: " + f);
            }
        }
    }

    static void awaitStatus(String auth, String path, int status) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = send(auth, "GET", path, null);
            if (last.status() == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(path + " never answered " + status + ": " + last);
    }
}
