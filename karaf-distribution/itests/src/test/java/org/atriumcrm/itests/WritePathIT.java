package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;
import static org.atriumcrm.testkit.http.Await.awaitJson;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.testkit.http.Api;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One write path: a rule of a record write is enforced, and worded, the same whether the record arrives over REST,
 * in an import or in a mass update; and an ownership transfer with related records is all or nothing.
 */
public class WritePathIT extends AtriumTestSupport {
    private static final String PASSWORD = "Write-Path-2026x";

    @Inject
    BundleContext context;

    private static String user(Api admin, String loginName) {
        // English: the assertions read problem details, which follow the user's language (a new user's is zh-CN)
        return id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + loginName + "\",\"password\":\"" + PASSWORD
                + "\",\"language\":\"en\"}"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode job(Api api, String path, String body) throws InterruptedException {
        Api.Answer started = api.post(path, body);
        assertEquals(started.toString(), 202, started.status);
        return awaitJson(api, "/api/v1/jobs/" + started.json().get("id").asText(),
                j -> List.of("completed", "failed", "cancelled").contains(j.get("status").asText()), Duration.ofSeconds(120));
    }

    private static JsonNode importAccounts(Api api, String csv, String duplicates) throws InterruptedException {
        Api.Answer upload = api.postBytes("/api/v1/imports?entity=accounts&fileName=accounts.csv", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertEquals(upload.toString(), 201, upload.status);
        return job(api, "/api/v1/jobs/import", "{\"fileId\":\"" + upload.json().get("id").asText() + "\",\"entity\":\"accounts\","
                + "\"columns\":{\"name\":\"name\",\"parent\":\"parentAccountId\"}" + duplicates + "}");
    }

    private static String report(Api api, JsonNode job) {
        return api.get("/api/v1/jobs/" + job.get("id").asText() + "/errors").body;
    }

    @Test
    public void aRuleRefusesTheSameWriteOverRestImportAndMassUpdate() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/jobs", Duration.ofSeconds(60));
        String tag = "wp" + UUID.randomUUID().toString().substring(0, 8);
        String writer = id(admin.post("/api/v1/admin/profiles", "{\"name\":\"Writer " + tag + "\",\"rights\":{\"*\":[\"view\",\"create\","
                + "\"edit\",\"delete\",\"import\",\"export\"]}}"));
        id(admin.post("/api/v1/admin/users", "{\"loginName\":\"wp.rep1." + tag + "\",\"password\":\"" + PASSWORD + "\",\"language\":\"en\",\"profileIds\":[\""
                + writer + "\"]}"));
        String rep2 = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"wp.rep2." + tag + "\",\"password\":\"" + PASSWORD
                + "\",\"language\":\"en\",\"profileIds\":[\"" + writer + "\"]}"));
        Api rep1 = new Api(baseUrl()).basic("wp.rep1." + tag, PASSWORD);
        String hidden = id(admin.post("/api/v1/accounts", "{\"name\":\"别人的 " + tag + "\",\"ownerId\":\"" + rep2 + "\"}"));
        String mine = id(rep1.post("/api/v1/accounts", "{\"name\":\"我的 " + tag + "\"}"));
        String child = id(rep1.post("/api/v1/accounts", "{\"name\":\"子公司 " + tag + "\",\"parentAccountId\":\"" + mine + "\"}"));
        assertEquals("rep1 cannot see rep2's account", 404, rep1.get("/api/v1/accounts/" + hidden).status);
        String invisible = "no Account with id " + hidden;
        String cycle = "would make a cycle: " + child;

        // 1. a reference to a record the writer cannot see: as if it did not exist, however it arrives
        assertProblem(rep1.patch("/api/v1/accounts/" + mine, "{\"parentAccountId\":\"" + hidden + "\"}"), 400, invisible);
        assertProblem(rep1.post("/api/v1/accounts", "{\"name\":\"新 " + tag + "\",\"parentAccountId\":\"" + hidden + "\"}"), 400, invisible);
        JsonNode imported = importAccounts(rep1, "name,parent\n新 " + tag + "," + hidden + "\n", "");
        assertEquals(imported.toString(), 0, imported.get("created").asInt());
        assertEquals(imported.toString(), 1, imported.get("failed").asInt());
        assertTrue(report(rep1, imported), report(rep1, imported).contains("parentAccountId," + invisible));
        String mass = "{\"entity\":\"accounts\",\"filter\":[\"name eq '我的 " + tag + "'\"],\"values\":{\"parentAccountId\":\"";
        assertProblem(rep1.post("/api/v1/jobs/mass-update", mass + hidden + "\"}}"), 400, invisible);

        // 2. a cycle in the account hierarchy: the same refusal, in the same words
        assertProblem(rep1.patch("/api/v1/accounts/" + mine, "{\"parentAccountId\":\"" + child + "\"}"), 400, cycle);
        JsonNode update = importAccounts(rep1, "name,parent\n我的 " + tag + ",子公司 " + tag + "\n",
                ",\"duplicates\":{\"action\":\"update\",\"matchOn\":[\"name\"]}");
        assertEquals(update.toString(), 0, update.get("updated").asInt());
        assertEquals(update.toString(), 1, update.get("failed").asInt());
        assertTrue(report(rep1, update), report(rep1, update).contains("parentAccountId," + cycle));
        JsonNode massUpdate = job(rep1, "/api/v1/jobs/mass-update", mass + child + "\"}}");
        assertEquals(massUpdate.toString(), 0, massUpdate.get("updated").asInt());
        assertEquals(massUpdate.toString(), 1, massUpdate.get("failed").asInt());
        assertTrue(report(rep1, massUpdate), report(rep1, massUpdate).contains("parentAccountId," + cycle));

        JsonNode unchanged = ok(rep1.get("/api/v1/accounts/" + mine));
        assertTrue(unchanged.toString(), unchanged.path("parentAccountId").isMissingNode() || unchanged.get("parentAccountId").isNull());
        assertEquals(0, ok(rep1.get("/api/v1/accounts?total=exact&filter=" + enc("name eq '新 " + tag + "'"))).get("total").asInt());
    }

    @Test
    public void aTransferWithRelatedRecordsIsAllOrNothing() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String tag = "wt" + UUID.randomUUID().toString().substring(0, 8);
        String from = user(admin, "wt.from." + tag);
        String to = user(admin, "wt.to." + tag);
        String account = id(admin.post("/api/v1/accounts", "{\"name\":\"转移 " + tag + "\",\"ownerId\":\"" + from + "\"}"));
        String member = id(admin.post("/api/v1/accounts", "{\"name\":\"下级 " + tag + "\",\"ownerId\":\"" + from + "\",\"parentAccountId\":\""
                + account + "\"}"));
        String c1 = id(admin.post("/api/v1/contacts", "{\"lastName\":\"甲" + tag + "\",\"accountId\":\"" + account + "\",\"ownerId\":\"" + from + "\"}"));
        String c2 = id(admin.post("/api/v1/contacts", "{\"lastName\":\"乙" + tag + "\",\"accountId\":\"" + account + "\",\"ownerId\":\"" + from + "\"}"));
        String transfer = "{\"ownerId\":\"" + to + "\",\"includeRelated\":true}";

        // the contacts' store moves its records, then fails: the account moved before it, and the contacts, stay put
        List<String> records = List.of("accounts/" + account, "accounts/" + member, "contacts/" + c1, "contacts/" + c2);
        nothingMovesWhenTheContactsFail(admin, "/api/v1/accounts/" + account + "/transfer", transfer, records, from);

        // without the failure, everything moves
        JsonNode moved = ok(admin.post("/api/v1/accounts/" + account + "/transfer", transfer)).get("transferred");
        assertEquals(moved.toString(), 2, moved.get("Account").asInt());
        assertEquals(moved.toString(), 2, moved.get("Contact").asInt());
        assertOwner(admin, records, to);
    }

    @Test
    public void anOwnershipHandOverAcrossEntityTypesIsAllOrNothing() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String tag = "wh" + UUID.randomUUID().toString().substring(0, 8);
        String leaving = user(admin, "wh.leaving." + tag);
        String taking = user(admin, "wh.taking." + tag);
        String account = id(admin.post("/api/v1/accounts", "{\"name\":\"交接 " + tag + "\",\"ownerId\":\"" + leaving + "\"}"));
        String c1 = id(admin.post("/api/v1/contacts", "{\"lastName\":\"甲" + tag + "\",\"accountId\":\"" + account + "\",\"ownerId\":\"" + leaving + "\"}"));
        String c2 = id(admin.post("/api/v1/contacts", "{\"lastName\":\"乙" + tag + "\",\"ownerId\":\"" + leaving + "\"}"));
        String handOver = "{\"fromOwnerId\":\"" + leaving + "\",\"toOwnerId\":\"" + taking + "\",\"entities\":[\"Contact\",\"Account\"]}";
        List<String> records = List.of("accounts/" + account, "contacts/" + c1, "contacts/" + c2);

        // the accounts move first (entity types in name order), then the contacts' store moves its records and fails
        nothingMovesWhenTheContactsFail(admin, "/api/v1/admin/ownership-transfers", handOver, records, leaving);

        // without the failure, everything moves
        JsonNode moved = ok(admin.post("/api/v1/admin/ownership-transfers", handOver)).get("transferred");
        assertEquals(moved.toString(), 1, moved.get("Account").asInt());
        assertEquals(moved.toString(), 2, moved.get("Contact").asInt());
        assertOwner(admin, records, taking);
    }

    /**
     * Posts a transfer while the contacts' store fails after moving its records: 409, and every one of
     * {@code records} (paths below {@code /api/v1/}) is still {@code owner}'s, without a history of the move.
     */
    private void nothingMovesWhenTheContactsFail(Api admin, String path, String body, List<String> records, String owner)
            throws Exception {
        ServiceRegistration<?> failing = registerContactsThatFailAfterTransfer();
        try {
            assertProblem(admin.post(path, body), 409, "injected");
        } finally {
            failing.unregister();
        }
        assertOwner(admin, records, owner);
        for (String id : records) {
            for (JsonNode change : ok(admin.get("/api/v1/" + id + "/history")).get("items")) {
                assertTrue("no history of a move that did not happen: " + change, !"ownerId".equals(change.path("field").asText()));
            }
        }
    }

    private static void assertOwner(Api admin, List<String> records, String owner) {
        for (String id : records) {
            assertEquals(id, owner, ok(admin.get("/api/v1/" + id)).get("ownerId").asText());
        }
    }

    /**
     * A Contact store ranked above the real one: it delegates everything, and after moving the records of an
     * ownership transfer it fails, as a store whose database refused the change would.
     */
    private ServiceRegistration<?> registerContactsThatFailAfterTransfer() throws Exception {
        ServiceReference<?> ref = context.getServiceReferences(RecordStore.class.getName(), "(" + RecordStore.ENTITY_PROPERTY + "=Contact)")[0];
        Object real = context.getService(ref);
        Object failing = Proxy.newProxyInstance(RecordStore.class.getClassLoader(), new Class<?>[] {RecordStore.class}, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("transferOwnership")) {
                throw AtriumException.conflict("injected", "injected failure after the contacts moved");
            }
            return result;
        });
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(RecordStore.ENTITY_PROPERTY, "Contact");
        props.put(Constants.SERVICE_RANKING, 1000);
        return context.registerService(RecordStore.class.getName(), failing, props);
    }
}
