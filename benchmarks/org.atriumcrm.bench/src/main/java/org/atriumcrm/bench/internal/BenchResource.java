package org.atriumcrm.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.meta.StandardPicklists;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The baselines of the benchmarks, measured in the same container as the platform, and the data seeder, all under
 * {@code /api/v1/bench/} as a module endpoint (administrator credentials, like the API calls they are compared with):
 * <ul>
 * <li>{@code GET|POST bare/account}: the constant JSON of {@link BarePublicEndpoint} behind Atrium's authentication
 * filter (Basic, with its cache of verified credentials); {@code PUT} sets that constant (the client puts a real
 * account's JSON there);</li>
 * <li>{@code GET jdbc/account/{id}}, {@code POST jdbc/account}: one row by primary key as JSON, one row inserted and
 * committed, through the {@code atrium} DataSource (database ceiling over the same HTTP path);</li>
 * <li>{@code POST jdbc/loop?op=select|insert&threads=&millis=}: the same JDBC work in a loop inside the container, no
 * HTTP at all (database ceiling);</li>
 * <li>{@code GET sql/list}, {@code GET sql/search}: the list page and quick search written by hand in SQL, with the
 * same page + total the API answers;</li>
 * <li>{@code POST seed/accounts?n=&owners=&from=}: accounts inserted with JDBC batches (setup, not a figure).</li>
 * </ul>
 * A {@link ModuleEndpoint} rather than a JAX-RS whiteboard resource: a whiteboard resource joining (or a second
 * application appearing) at runtime makes the whiteboard rebuild the applications, and in this distribution that left
 * {@code /api} answering 404 (CXF "There is an endpoint already running on /"). Table and column names are the
 * platform's (ATRIUM_ACCOUNT, BaseRecord's columns); Derby schema APP.
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=bench")
public class BenchResource implements ModuleEndpoint {
    static final String COLUMNS = "ID, OWNER_ID, CREATED_AT, CREATED_BY, MODIFIED_AT, MODIFIED_BY, VERSION, DELETED_AT, DELETED_BY,"
            + " NAME, TYPE, INDUSTRY, RATING, SOURCE, WEBSITE, PHONE, FAX, EMAIL, ANNUAL_REVENUE, CURRENCY, EMPLOYEES,"
            + " PARENT_ACCOUNT_ID, BILLING_COUNTRY, BILLING_PROVINCE, BILLING_CITY, BILLING_DISTRICT, BILLING_STREET,"
            + " BILLING_POSTCODE, SHIPPING_COUNTRY, SHIPPING_PROVINCE, SHIPPING_CITY, SHIPPING_DISTRICT, SHIPPING_STREET,"
            + " SHIPPING_POSTCODE, DESCRIPTION";
    static final String INSERT = "INSERT INTO ATRIUM_ACCOUNT (ID, OWNER_ID, CREATED_AT, CREATED_BY, MODIFIED_AT, MODIFIED_BY,"
            + " VERSION, NAME, INDUSTRY, PHONE, ANNUAL_REVENUE, BILLING_PROVINCE, BILLING_CITY) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** The count bound of the REST list API (ListQuery.LIST_COUNT_LIMIT), so that both sides do the same work. */
    static final int COUNT_LIMIT = 10_000;
    static final String[] WORDS = {"Trading", "Technology 科技", "Industrial", "Logistics 物流", "Foods", "Pharma 医药",
        "Textiles", "Electronics 电子"};
    static final String[] PROVINCES = {"上海", "北京", "广东", "浙江", "江苏", "四川", "湖北", "山东"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource data;

    @Activate
    public BenchResource(@Reference(target = "(osgi.jndi.service.name=atrium)") DataSource data) {
        this.data = data;
    }

    // ---- framework ceiling ----

    @GET
    @Path("bare/account")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] bare() {
        return Bare.account;
    }

    @POST
    @Path("bare/account")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response bareCreate(InputStream body) throws IOException {
        body.readAllBytes();
        return Response.status(201).entity(Bare.account).build();
    }

    @PUT
    @Path("bare/account")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setBare(InputStream body) throws IOException {
        Bare.account = body.readAllBytes();
        return Response.noContent().build();
    }

    // ---- database ceiling ----

    @GET
    @Path("jdbc/account/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] jdbcFind(@PathParam("id") String id) throws SQLException {
        try (Connection c = data.getConnection()) {
            String json = selectOne(c, id);
            if (json == null) {
                throw new WebApplicationException(404);
            }
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    @POST
    @Path("jdbc/account")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response jdbcCreate(InputStream body, @QueryParam("owner") String owner) throws IOException, SQLException {
        body.readAllBytes();
        try (Connection c = data.getConnection()) {
            String id = insertOne(c, owner);
            return Response.status(201).entity(("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)).build();
        }
    }

    /** {@code threads} threads doing {@code op} for {@code millis} ms on the DataSource, inside the container. */
    @POST
    @Path("jdbc/loop")
    @Produces(MediaType.APPLICATION_JSON)
    public String jdbcLoop(@QueryParam("op") String op, @QueryParam("threads") @DefaultValue("1") int threads,
            @QueryParam("millis") @DefaultValue("5000") long millis, @QueryParam("owner") String owner) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT ID FROM ATRIUM_ACCOUNT WHERE DELETED_AT IS NULL FETCH FIRST 2000 ROWS ONLY")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        if (ids.isEmpty() && "select".equals(op)) {
            throw new WebApplicationException("no accounts to select", 409);
        }
        if (!"select".equals(op) && !"insert".equals(op)) {
            throw new WebApplicationException("op must be select or insert", 400);
        }
        // warm-up: a tenth of the time, not counted
        run(op, threads, Math.max(200, millis / 10), ids, owner);
        long t0 = System.nanoTime();
        long ops = run(op, threads, millis, ids, owner);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "{\"op\":\"%s\",\"threads\":%d,\"ops\":%d,\"seconds\":%.3f,\"perSecond\":%.1f}", op,
                threads, ops, seconds, ops / seconds);
    }

    private long run(String op, int threads, long millis, List<String> ids, String owner) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        try (Connection c = data.getConnection()) { // from the pool, as a request would
                            if ("select".equals(op)) {
                                if (selectOne(c, ids.get(ThreadLocalRandom.current().nextInt(ids.size()))) == null) {
                                    throw new IllegalStateException("row vanished");
                                }
                            } else {
                                insertOne(c, owner);
                            }
                        }
                        n++;
                    }
                    return n;
                }));
            }
            Thread.sleep(millis);
            stop.set(true);
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            return total;
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    static String selectOne(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM ATRIUM_ACCOUNT WHERE ID = ? AND DELETED_AT IS NULL")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? row(r) : null;
            }
        }
    }

    String insertOne(Connection c, String owner) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            Instant now = Instant.now();
            String id = uuid7(now.toEpochMilli());
            int n = ThreadLocalRandom.current().nextInt(1_000_000);
            bind(s, id, owner == null ? id : owner, now, "Bench insert " + id, n);
            s.executeUpdate();
            c.commit();
            return id;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static void bind(PreparedStatement s, String id, String owner, Instant created, String name, int n) throws SQLException {
        Timestamp at = Timestamp.from(created);
        PicklistValue[] industries = StandardPicklists.INDUSTRIES;
        s.setString(1, id);
        s.setString(2, owner);
        s.setTimestamp(3, at);
        s.setString(4, owner);
        s.setTimestamp(5, at);
        s.setString(6, owner);
        s.setLong(7, 1);
        s.setString(8, name);
        s.setString(9, industries[n % industries.length].value());
        s.setString(10, "021-" + (10_000_000 + n));
        s.setBigDecimal(11, BigDecimal.valueOf(n * 1000L));
        s.setString(12, PROVINCES[n % PROVINCES.length]);
        s.setString(13, PROVINCES[n % PROVINCES.length] + "市");
    }

    // ---- hand-written list SQL ----

    /** The list page "industry = X, newest first" and its total, written by hand; {@code owners}: the visibility. */
    @GET
    @Path("sql/list")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] sqlList(@QueryParam("industry") String industry, @QueryParam("owners") String owners,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("total") @DefaultValue("bounded") String total)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("DELETED_AT IS NULL AND INDUSTRY = ?");
        params.add(industry);
        visibility(where, params, owners);
        return page(where.toString(), params, "CREATED_AT DESC, ID", limit, total);
    }

    /** The quick search (case-insensitive contains on name, phone, email: the platform's semantics), by hand. */
    @GET
    @Path("sql/search")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] sqlSearch(@QueryParam("q") String q, @QueryParam("owners") String owners,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("total") @DefaultValue("bounded") String total)
            throws SQLException {
        String pattern = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Object> params = new ArrayList<>(List.of(pattern, pattern, pattern));
        StringBuilder where = new StringBuilder("DELETED_AT IS NULL AND (LOWER(NAME) LIKE ? ESCAPE '\\' OR LOWER(PHONE) LIKE ?"
                + " ESCAPE '\\' OR LOWER(EMAIL) LIKE ? ESCAPE '\\')");
        visibility(where, params, owners);
        return page(where.toString(), params, "CREATED_AT DESC, ID", limit, total);
    }

    private static void visibility(StringBuilder where, List<Object> params, String owners) {
        if (owners != null && !owners.isBlank()) {
            List<String> list = Arrays.asList(owners.split(","));
            where.append(" AND OWNER_ID IN (").append(String.join(",", list.stream().map(o -> "?").toList())).append(')');
            params.addAll(list);
        }
    }

    private byte[] page(String where, List<Object> params, String order, int limit, String total) throws SQLException {
        StringBuilder json = new StringBuilder(limit * 600).append("{\"items\":[");
        try (Connection c = data.getConnection()) {
            int rows = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM ATRIUM_ACCOUNT WHERE " + where
                    + " ORDER BY " + order + " FETCH FIRST " + limit + " ROWS ONLY")) {
                bindAll(s, params);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        json.append(rows++ == 0 ? "" : ",").append(row(r));
                    }
                }
            }
            long count;
            boolean exact = true;
            if (rows < limit) {
                count = rows;
            } else if ("exact".equals(total)) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ATRIUM_ACCOUNT WHERE " + where)) {
                    bindAll(s, params);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        count = r.getLong(1);
                    }
                }
            } else {
                try (PreparedStatement s = c.prepareStatement("SELECT ID FROM ATRIUM_ACCOUNT WHERE " + where
                        + " FETCH FIRST " + (COUNT_LIMIT + 1) + " ROWS ONLY")) {
                    bindAll(s, params);
                    long seen = 0;
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            seen++;
                        }
                    }
                    exact = seen <= COUNT_LIMIT;
                    count = Math.min(seen, COUNT_LIMIT);
                }
            }
            json.append("],\"total\":").append(count);
            if (!exact) {
                json.append(",\"totalExact\":false");
            }
            return json.append(",\"offset\":0,\"limit\":").append(limit).append('}').toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void bindAll(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }

    // ---- seeding (setup) ----

    /**
     * Inserts {@code n} accounts with JDBC batches of 1000 (one commit each): owners round robin over {@code owners} per block of 16 (so every owner has every industry),
     * industries over the picklist, createdAt one second apart going back from now (ids time-ordered alike), names
     * "Seed {i} {word}" so that a quick search for "seed {k}" matches a known handful. Then Derby's statistics.
     */
    @POST
    @Path("seed/accounts")
    @Produces(MediaType.APPLICATION_JSON)
    public String seed(@QueryParam("n") int n, @QueryParam("owners") String owners, @QueryParam("from") @DefaultValue("0") int from)
            throws SQLException {
        String[] ownerIds = owners == null || owners.isBlank() ? new String[] {uuid7(System.currentTimeMillis())} : owners.split(",");
        long t0 = System.nanoTime();
        long start = System.currentTimeMillis() - (long) (from + n) * 1000;
        try (Connection c = data.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                for (int i = from; i < from + n; i++) {
                    Instant created = Instant.ofEpochMilli(start + (long) (i - from) * 1000);
                    bind(s, uuid7(created.toEpochMilli()), ownerIds[(i / 16) % ownerIds.length], created,
                            "Seed " + i + " " + WORDS[i % WORDS.length], i);
                    s.addBatch();
                    if ((i - from + 1) % 1000 == 0) {
                        s.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
                c.commit();
            } finally {
                c.setAutoCommit(auto);
            }
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'ATRIUM_ACCOUNT', NULL)");
            }
            return String.format(Locale.ROOT, "{\"inserted\":%d,\"insertSeconds\":%.1f,\"totalSeconds\":%.1f}", n, insertSeconds,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Time-ordered UUID (version 7) for a given instant, the format of the platform's RecordIds. */
    static String uuid7(long millis) {
        long msb = (millis << 16) | (0x7L << 12) | RANDOM.nextInt(1 << 12);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A row as JSON (column names in lower case): hand-written, as cheap as serialisation gets. */
    static String row(ResultSet r) throws SQLException {
        ResultSetMetaData m = r.getMetaData();
        StringBuilder b = new StringBuilder(800).append('{');
        for (int i = 1; i <= m.getColumnCount(); i++) {
            Object v = r.getObject(i);
            if (v == null) {
                continue;
            }
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(m.getColumnLabel(i).toLowerCase(Locale.ROOT)).append("\":");
            if (v instanceof Number) {
                b.append(v);
            } else if (v instanceof Timestamp t) {
                b.append('"').append(t.toInstant()).append('"');
            } else {
                quote(b, v.toString());
            }
        }
        return b.append('}').toString();
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        b.append('"');
    }
}
