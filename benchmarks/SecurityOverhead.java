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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cost of record-level security on list queries: the same list query and quick search over N accounts, as the
 * administrator (no restriction: the baseline), as a manager who sees every account through the role hierarchy
 * (an IN list of 20 owners plus field-level security) and as a rep who sees 1/20 of them. Callers are interleaved
 * request by request so machine noise hits all of them alike. Only JDK classes: run with
 * {@code java SecurityOverhead.java <baseUrl> <adminPassword> [accounts] [requests]}.
 */
public class SecurityOverhead {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    static final String PASSWORD = "Bench-Pass-2026";
    static String base;

    record Answer(int status, String body) {
    }

    static Answer send(String auth, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth);
        if (json != null) {
            b.header("Content-Type", "application/json; charset=UTF-8");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String created(Answer a) {
        if (a.status() != 201) {
            throw new IllegalStateException("expected 201: " + a);
        }
        Matcher m = ID.matcher(a.body());
        m.find();
        return m.group(1);
    }

    static long total(Answer a) {
        if (a.status() != 200) {
            throw new IllegalStateException("expected 200: " + a);
        }
        Matcher m = TOTAL.matcher(a.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        String admin = basic("admin", args[1]);
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        String tag = Long.toString(System.currentTimeMillis(), 36);

        String director = created(send(admin, "POST", "/api/v1/admin/roles", "{\"name\":\"Bench director " + tag + "\"}"));
        String manager = created(send(admin, "POST", "/api/v1/admin/roles", "{\"name\":\"Bench manager\",\"parentId\":\"" + director + "\"}"));
        String rep = created(send(admin, "POST", "/api/v1/admin/roles", "{\"name\":\"Bench rep\",\"parentId\":\"" + manager + "\"}"));
        String profile = created(send(admin, "POST", "/api/v1/admin/profiles", "{\"name\":\"Bench rep " + tag + "\","
                + "\"rights\":{\"*\":[\"view\",\"create\",\"edit\",\"delete\",\"export\"]},"
                + "\"fields\":{\"Account\":{\"annualRevenue\":\"hidden\",\"phone\":\"hidden\"}}}"));
        List<String> reps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reps.add(created(send(admin, "POST", "/api/v1/admin/users", "{\"loginName\":\"bench.rep" + i + "." + tag + "\",\"password\":\""
                    + PASSWORD + "\",\"roleId\":\"" + rep + "\",\"profileIds\":[\"" + profile + "\"]}")));
        }
        created(send(admin, "POST", "/api/v1/admin/users", "{\"loginName\":\"bench.manager." + tag + "\",\"password\":\"" + PASSWORD
                + "\",\"roleId\":\"" + manager + "\",\"profileIds\":[\"" + profile + "\"]}"));

        String[] industries = {"wholesale", "manufacturing", "retail", "technology"};
        long seedStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            int n = i;
            work.add(pool.submit(() -> created(send(admin, "POST", "/api/v1/accounts?allowDuplicates=true", "{\"name\":\"Bench " + tag + " "
                    + n + "\",\"industry\":\"" + industries[n % 4] + "\",\"ownerId\":\"" + reps.get(n % 20) + "\",\"annualRevenue\":" + n
                    + ",\"phone\":\"021-" + (10000000 + n) + "\"}"))));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        System.out.printf("seeded %d accounts in %.1f s (%.0f/s, 8 clients)%n", accounts, seedSeconds, accounts / seedSeconds);

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("admin", admin);
        callers.put("manager", basic("bench.manager." + tag, PASSWORD));
        callers.put("rep", basic("bench.rep0." + tag, PASSWORD));
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("filter+sort page", "/api/v1/accounts?filter=" + URLEncoder.encode("industry eq wholesale", StandardCharsets.UTF_8)
                + "&filter=" + URLEncoder.encode("name like 'Bench " + tag + "*'", StandardCharsets.UTF_8) + "&sort=-createdAt&limit=50");
        queries.put("quick search", "/api/v1/accounts?q=" + URLEncoder.encode("Bench " + tag + " 12", StandardCharsets.UTF_8) + "&limit=50");

        System.out.println();
        System.out.println("| query | caller | total seen | p50 ms | p95 ms | p50 / admin | p95 / admin |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Map<String, List<Double>> times = new LinkedHashMap<>();
            Map<String, Long> totals = new LinkedHashMap<>();
            for (Map.Entry<String, String> c : callers.entrySet()) {
                times.put(c.getKey(), new ArrayList<>());
                for (int w = 0; w < 50; w++) {
                    totals.put(c.getKey(), total(send(c.getValue(), "GET", q.getValue(), null))); // warm-up, and the credential cache
                }
            }
            for (int i = 0; i < requests; i++) {
                for (Map.Entry<String, String> c : callers.entrySet()) {
                    long t0 = System.nanoTime();
                    total(send(c.getValue(), "GET", q.getValue(), null));
                    times.get(c.getKey()).add((System.nanoTime() - t0) / 1e6);
                }
            }
            double adminP50 = percentile(times.get("admin"), 50);
            double adminP95 = percentile(times.get("admin"), 95);
            for (String c : callers.keySet()) {
                double p50 = percentile(times.get(c), 50);
                double p95 = percentile(times.get(c), 95);
                System.out.printf("| %s | %s | %d | %.1f | %.1f | %.2f | %.2f |%n", q.getKey(), c, totals.get(c), p50, p95,
                        p50 / adminP50, p95 / adminP95);
            }
        }
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
