package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.atriumcrm.testkit.http.Api;
import org.atriumcrm.persistence.api.RecordIds;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The quick-search index on the real distribution: with the index switched on from the first record, quick searches
 * (Chinese and Latin, mid-word, across a space) answer what a scan answers, for an administrator and for a user who
 * sees only some records; updates and deletes reach the index; a record written with SQL around the platform is
 * found once an administrator rebuilds the index; bad requests get problem+json.
 */
public class SearchIndexIT extends AtriumTestSupport {
    private static final String PASSWORD = "Search-Pass-2026";

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Inject
    BundleContext context;

    @Test
    public void quickSearchThroughTheIndexAnswersWhatAScanAnswers() throws Exception {
        Api admin = adminApi();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Configuration config = configurationAdmin.getConfiguration("org.atriumcrm.search", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("indexFromRecords", 1);
        config.update(props);
        try {
            awaitJson(admin, "/api/v1/search-index", j -> j.path("indexFromRecords").asInt() == 1
                    && j.path("entities").path("Account").path("built").asBoolean()
                    && j.path("entities").path("Contact").path("built").asBoolean(), Duration.ofSeconds(60));

            String rep = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"search.rep." + tag + "\",\"password\":\"" + PASSWORD + "\"}"));
            Api repApi = new Api(baseUrl()).basic("search.rep." + tag, PASSWORD);
            String huawei = id(admin.post("/api/v1/accounts", "{\"name\":\"北京华为" + tag + "技术有限公司\"}"));
            String device = id(admin.post("/api/v1/accounts", "{\"name\":\"Huawei Device " + tag + " Co., Ltd.\",\"ownerId\":\"" + rep + "\"}"));
            String other = id(admin.post("/api/v1/accounts", "{\"name\":\"深圳腾讯" + tag + "\",\"phone\":\"0755-8601 " + tag.hashCode() % 1000 + "\"}"));
            String contact = id(admin.post("/api/v1/contacts", "{\"lastName\":\"张\",\"firstName\":\"华为" + tag + "\",\"accountId\":\"" + huawei + "\"}"));

            // the records reach the index through events, a moment after their commit (until then searches scan)
            awaitJson(admin, "/api/v1/search-index", j -> j.path("entities").path("Account").path("used").asBoolean()
                    && j.path("entities").path("Contact").path("used").asBoolean()
                    && j.path("entities").path("Account").path("queued").asInt() == 0, Duration.ofSeconds(30));
            assertEquals(Set.of(huawei), ids(admin, "/api/v1/accounts", "华为" + tag));
            assertEquals("case-insensitive, mid-word, across a space", Set.of(device), ids(admin, "/api/v1/accounts", "WEI DEVICE " + tag));
            assertEquals(Set.of(huawei, device, other), ids(admin, "/api/v1/accounts", tag));
            assertEquals("contacts have their own index", Set.of(contact), ids(admin, "/api/v1/contacts", "华为" + tag));
            assertEquals("nothing matches", Set.of(), ids(admin, "/api/v1/accounts", "no such " + tag));
            // the same as the scan the store does without the index (a LIKE filter on the only field holding the tag)
            for (Api who : new Api[] {admin, repApi}) {
                Set<String> scanned = new TreeSet<>();
                who.get("/api/v1/accounts?limit=500&filter=" + enc("name like *" + tag + "*")).json().get("items")
                        .forEach(i -> scanned.add(i.get("id").asText()));
                assertEquals(scanned, ids(who, "/api/v1/accounts", tag));
            }
            assertTrue("the rep sees the record they own", ids(repApi, "/api/v1/accounts", tag).contains(device));

            // export narrows the same way
            String csv = admin.get("/api/v1/accounts/export?q=" + enc("华为" + tag)).body;
            assertTrue(csv, csv.contains(huawei) && !csv.contains(other));

            // updates and deletes reach the index
            ok(admin.patch("/api/v1/accounts/" + other, "{\"name\":\"深圳腾讯计算机" + tag + "\"}"));
            assertEquals(Set.of(other), awaitIds(admin, "/api/v1/accounts", "计算机" + tag, Set.of(other)));
            assertEquals(204, admin.delete("/api/v1/accounts/" + other).status);
            assertEquals(Set.of(), awaitIds(admin, "/api/v1/accounts", "计算机" + tag, Set.of()));

            // a row written around the platform: the index cannot know it until it is rebuilt
            String sqlName = "SQL直写" + tag;
            String written = insertAccount(sqlName, rep);
            assertEquals("not in the index yet", Set.of(), ids(admin, "/api/v1/accounts", sqlName));
            assertProblem(repApi.post("/api/v1/search-index/rebuild?entity=Account", ""), 403, "administrators");
            assertProblem(admin.post("/api/v1/search-index/rebuild?entity=Nothing", ""), 400, "Nothing");
            assertEquals(202, admin.post("/api/v1/search-index/rebuild?entity=Account", "").status);
            awaitJson(admin, "/api/v1/search-index", j -> j.path("entities").path("Account").path("used").asBoolean(), Duration.ofSeconds(60));
            assertEquals(Set.of(written), ids(admin, "/api/v1/accounts", sqlName));

            JsonNode openApi = admin.get("/api/openapi.json").json();
            assertTrue(openApi.path("paths").has("/v1/search-index/rebuild"));
        } finally {
            config.delete();
        }
    }

    /**
     * List pages answered from the list index are the database's pages: the same records in the same order with the
     * same totals, for every sort and filter kind, as the administrator and as a rep; and a write is in the very next
     * list request of its author.
     */
    @Test
    public void listPagesFromTheIndexAreTheDatabasesPages() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90)); // first in the class when run alone: the admin API may still be coming up
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String rep = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"list.rep." + tag + "\",\"password\":\"" + PASSWORD + "\"}"));
        Api repApi = new Api(baseUrl()).basic("list.rep." + tag, PASSWORD);
        String[] types = {"customer", "partner", "prospect", null};
        String[] cities = {"上海", "北京", "Zhuhai", "apple", null};
        for (int i = 0; i < 40; i++) {
            StringBuilder b = new StringBuilder("{\"name\":\"" + (i % 3 == 0 ? "华为 " : i % 3 == 1 ? "Acme " : "acme ") + tag + " " + (i * 7 % 40) + "\"");
            if (types[i % 4] != null) {
                b.append(",\"type\":\"").append(types[i % 4]).append('"');
            }
            if (cities[i % 5] != null) {
                b.append(",\"billingCity\":\"").append(cities[i % 5]).append('"');
            }
            if (i % 6 != 0) {
                b.append(",\"annualRevenue\":").append(i * 1000.25).append(",\"employees\":").append(i % 9);
            }
            if (i % 2 == 0) {
                b.append(",\"ownerId\":\"").append(rep).append('"');
            }
            id(admin.post("/api/v1/accounts?allowDuplicates=true", b.append('}').toString()));
        }
        List<String> lists = new java.util.ArrayList<>(List.of("/api/v1/accounts?limit=50", "/api/v1/accounts?limit=7&offset=5&total=exact",
                "/api/v1/contacts?limit=20", "/api/v1/accounts?limit=10&total=none"));
        for (String f : List.of("name", "type", "billingCity", "annualRevenue", "employees", "createdAt", "ownerId")) {
            lists.add("/api/v1/accounts?limit=25&sort=" + f);
            lists.add("/api/v1/accounts?limit=25&sort=-" + f + ",name");
        }
        for (String filter : List.of("type eq 'customer'", "type ne 'customer'", "type in ('partner','prospect')", "type is null",
                "billingCity is not null", "name like 'acme*'", "name like '*" + tag + " 1*'", "annualRevenue ge 10000.5",
                "employees lt 3", "billingCity gt 'B'", "createdAt ge 2020-01-01T00:00:00Z", "ownerId eq '" + rep + "'")) {
            lists.add("/api/v1/accounts?limit=30&total=exact&filter=" + enc(filter));
            lists.add("/api/v1/accounts?limit=30&sort=-annualRevenue&filter=" + enc(filter));
        }
        lists.add("/api/v1/accounts?limit=30&sort=name&q=" + enc("acme " + tag));

        Configuration config = configurationAdmin.getConfiguration("org.atriumcrm.search", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("indexFromRecords", 1_000_000_000); // the database answers every list
        config.update(props);
        try {
            awaitJson(admin, "/api/v1/search-index", j -> j.path("indexFromRecords").asInt() == 1_000_000_000, Duration.ofSeconds(30));
            java.util.Map<String, String> fromDatabase = new java.util.HashMap<>();
            for (String list : lists) {
                fromDatabase.put("admin " + list, page(admin, list));
                fromDatabase.put("rep " + list, page(repApi, list));
            }
            props.put("indexFromRecords", 1); // the index answers every list it can
            config.update(props);
            awaitJson(admin, "/api/v1/search-index", j -> j.path("indexFromRecords").asInt() == 1
                    && j.path("entities").path("Account").path("used").asBoolean(), Duration.ofSeconds(60));
            for (String list : lists) {
                assertEquals("admin " + list, fromDatabase.get("admin " + list), page(admin, list));
                assertEquals("rep " + list, fromDatabase.get("rep " + list), page(repApi, list));
            }

            // the author's next request sees the write: create, update, delete
            String created = id(repApi.post("/api/v1/accounts", "{\"name\":\"最新 " + tag + "\"}"));
            assertEquals(created, repApi.get("/api/v1/accounts?limit=1").json().get("items").get(0).get("id").asText());
            ok(repApi.patch("/api/v1/accounts/" + created, "{\"billingCity\":\"珠海" + tag + "\"}"));
            assertEquals(1, repApi.get("/api/v1/accounts?filter=" + enc("billingCity eq '珠海" + tag + "'")).json().get("total").asInt());
            assertEquals(204, repApi.delete("/api/v1/accounts/" + created).status);
            assertEquals(0, repApi.get("/api/v1/accounts?filter=" + enc("billingCity eq '珠海" + tag + "'")).json().get("total").asInt());
            assertProblem(admin.get("/api/v1/accounts?filter=" + enc("nope eq 1")), 400, "nope");
            assertProblem(admin.get("/api/v1/accounts?total=some"), 400, "total");
        } finally {
            config.delete();
        }
    }

    /** The page as ids in order, and its total. */
    private static String page(Api api, String list) {
        Api.Answer a = api.get(list);
        assertEquals(list + " " + a, 200, a.status);
        StringBuilder ids = new StringBuilder();
        a.json().get("items").forEach(i -> ids.append(i.get("id").asText()).append(' '));
        return ids + "total " + a.json().path("total").asText("none") + " exact " + a.json().path("totalExact").asText("");
    }

    private static Set<String> ids(Api api, String list, String q) {
        Api.Answer a = api.get(list + "?limit=500&q=" + enc(q));
        assertEquals(a.toString(), 200, a.status);
        Set<String> ids = new TreeSet<>();
        a.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    /** Index updates follow the write through an event: a bounded wait, not an assumption. */
    private static Set<String> awaitIds(Api api, String list, String q, Set<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Set<String> last;
        do {
            last = ids(api, list, q);
            if (last.equals(expected)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String insertAccount(String name, String owner) throws Exception {
        DataSource ds = atriumDataSource(context);
        String id = RecordIds.next();
        try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO ATRIUM_ACCOUNT"
                + " (ID, OWNER_ID, CREATED_AT, CREATED_BY, MODIFIED_AT, MODIFIED_BY, VERSION, NAME, NAME_KEY) VALUES (?,?,?,?,?,?,?,?,?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, id);
            insert.setString(2, owner);
            insert.setTimestamp(3, now);
            insert.setString(4, owner);
            insert.setTimestamp(5, now);
            insert.setString(6, owner);
            insert.setLong(7, 1);
            insert.setString(8, name);
            insert.setString(9, name.toLowerCase());
            insert.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return id;
    }
}
