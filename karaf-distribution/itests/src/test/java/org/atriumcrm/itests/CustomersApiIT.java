package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atriumcrm.testkit.http.Api;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The Customers API over real HTTP against the booted distribution. */
public class CustomersApiIT extends AtriumTestSupport {
    private Api api;
    private String tag;

    @Before
    public void connect() {
        api = new Api(baseUrl()).basic(ADMIN_USER, ADMIN_PASSWORD);
        api.awaitReady(Duration.ofSeconds(90));
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode createAccount(String json) {
        Api.Answer a = api.post("/api/v1/accounts", json);
        assertEquals(a.toString(), 201, a.status);
        return a.json();
    }


    @Test
    public void accountCrudWithEtagsAndChineseText() {
        String name = "上海贸易有限公司 " + tag + " 😀";
        Api.Answer created = api.post("/api/v1/accounts", "{\"name\":\"" + name + "\",\"type\":\"customer\","
                + "\"industry\":\"wholesale\",\"annualRevenue\":1250000.50,\"currency\":\"CNY\",\"employees\":120,"
                + "\"billingProvince\":\"上海市\",\"billingCity\":\"上海\",\"billingDistrict\":\"浦东新区\","
                + "\"website\":\"https://example.cn\",\"description\":\"العربية mixed 한국어 text\"}");
        assertEquals(created.toString(), 201, created.status);
        JsonNode account = created.json();
        String id = account.get("id").asText();
        assertEquals("/api/v1/accounts/" + id, URIpath(created.header("Location")));
        assertEquals("\"" + account.get("version").asLong() + "\"", created.header("ETag"));
        assertEquals(name, account.get("name").asText());
        assertNotNull(account.get("ownerId").asText());

        Api.Answer read = api.get("/api/v1/accounts/" + id);
        assertEquals(200, read.status);
        assertEquals(name, read.json().get("name").asText());
        assertEquals("العربية mixed 한국어 text", read.json().get("description").asText());
        assertEquals(0, read.json().get("annualRevenue").decimalValue().compareTo(new java.math.BigDecimal("1250000.5")));
        String etag = read.header("ETag");

        Api.Answer patched = api.patch("/api/v1/accounts/" + id, "{\"rating\":\"hot\",\"phone\":\"+86 21 5555 0100\"}",
                "If-Match", etag);
        assertEquals(patched.toString(), 200, patched.status);
        assertEquals("hot", patched.json().get("rating").asText());
        assertEquals("wholesale", patched.json().get("industry").asText());
        assertFalse(etag.equals(patched.header("ETag")));

        assertProblem(api.patch("/api/v1/accounts/" + id, "{\"rating\":\"cold\"}", "If-Match", etag), 412, "version");
        assertEquals("hot", api.get("/api/v1/accounts/" + id).json().get("rating").asText());

        Api.Answer replaced = api.put("/api/v1/accounts/" + id, "{\"name\":\"" + name + "\",\"type\":\"partner\"}",
                "If-Match", patched.header("ETag"));
        assertEquals(replaced.toString(), 200, replaced.status);
        assertTrue("PUT clears what it leaves out", replaced.json().get("industry").isNull());

        assertEquals(304, api.get("/api/v1/accounts/" + id, "If-None-Match", replaced.header("ETag")).status);

        JsonNode history = api.get("/api/v1/accounts/" + id + "/history").json().get("items");
        assertEquals("CREATED", history.get(history.size() - 1).get("action").asText());
        boolean ratingChange = false;
        for (JsonNode c : history) {
            if ("rating".equals(c.get("field").asText()) && c.get("oldValue").isNull() && "hot".equals(c.get("newValue").asText())) {
                ratingChange = "admin".equals(api.get("/api/v1/me").json().get("loginName").asText())
                        && c.get("userId").asText().equals(account.get("createdBy").asText());
            }
        }
        assertTrue(history.toString(), ratingChange);
        assertTrue(history.toString(), history.toString().contains("\"field\":\"industry\",\"oldValue\":\"wholesale\",\"newValue\":null"));
        assertEquals(204, api.delete("/api/v1/accounts/" + id).status);
        assertProblem(api.get("/api/v1/accounts/" + id), 404, id);
    }

    private static String URIpath(String location) {
        return java.net.URI.create(location).getPath();
    }

    @Test
    public void contactsBelongToAccountsAndNamesFollowChineseOrder() {
        String accountId = createAccount("{\"name\":\"北京客户 " + tag + "\"}").get("id").asText();
        Api.Answer c = api.post("/api/v1/contacts", "{\"lastName\":\"张\",\"firstName\":\"三\",\"accountId\":\"" + accountId
                + "\",\"email\":\"zhang." + tag + "@example.cn\",\"mobile\":\"138 0013 " + tag.substring(0, 4).replaceAll("[a-f]", "1") + "\","
                + "\"birthday\":\"1990-05-04\",\"doNotSms\":true}");
        assertEquals(c.toString(), 201, c.status);
        assertEquals("张三", c.json().get("fullName").asText());
        assertEquals("1990-05-04", c.json().get("birthday").asText());
        assertTrue(c.json().get("doNotSms").asBoolean());
        assertFalse(c.json().get("doNotEmail").asBoolean());

        JsonNode related = api.get("/api/v1/accounts/" + accountId + "/contacts").json();
        assertEquals(1, related.get("total").asInt());
        assertEquals("张三", related.get("items").get(0).get("fullName").asText());

        assertProblem(api.post("/api/v1/contacts", "{\"lastName\":\"X\",\"accountId\":\"" + UUID.randomUUID() + "\"}"),
                400, "no Account with id");
        assertProblem(api.get("/api/v1/accounts/" + accountId + "/nothing"), 404, "no related list");

        String child = createAccount("{\"name\":\"子公司 " + tag + "\",\"parentAccountId\":\"" + accountId + "\"}").get("id").asText();
        assertEquals(1, api.get("/api/v1/accounts/" + accountId + "/member-accounts").json().get("total").asInt());
        assertProblem(api.patch("/api/v1/accounts/" + accountId, "{\"parentAccountId\":\"" + child + "\"}"), 400, "cycle");
        assertProblem(api.patch("/api/v1/accounts/" + accountId, "{\"parentAccountId\":\"" + accountId + "\"}"), 400, "itself");
    }

    @Test
    public void listQueryFiltersSortsSearchesAndPages() {
        for (int i = 0; i < 6; i++) {
            createAccount("{\"name\":\"List " + tag + " " + i + "\",\"industry\":\"" + (i % 2 == 0 ? "retail" : "finance")
                    + "\",\"employees\":" + (i * 10) + "}");
        }
        JsonNode page = api.get("/api/v1/accounts?q=" + tag + "&filter=" + enc("industry eq 'retail' and employees ge 10")
                + "&sort=-employees&limit=2").json();
        assertEquals(2, page.get("total").asInt());
        assertEquals(2, page.get("limit").asInt());
        assertEquals("List " + tag + " 4", page.get("items").get(0).get("name").asText());
        assertEquals("List " + tag + " 2", page.get("items").get(1).get("name").asText());

        JsonNode second = api.get("/api/v1/accounts?q=" + tag + "&sort=name&offset=4&limit=10").json();
        assertEquals(6, second.get("total").asInt());
        assertEquals(2, second.get("items").size());
        assertEquals("List " + tag + " 5", second.get("items").get(1).get("name").asText());

        JsonNode in = api.get("/api/v1/accounts?filter=" + enc("name in ('List " + tag + " 1','List " + tag + " 3')")).json();
        assertEquals(2, in.get("total").asInt());
        JsonNode like = api.get("/api/v1/accounts?filter=" + enc("name like 'list " + tag + "*'")).json();
        assertEquals(6, like.get("total").asInt());
        assertEquals(50, api.get("/api/v1/contacts").json().get("limit").asInt());
    }

    @Test
    public void badInputGetsPreciseProblemsAndWritesNothing() {
        long before = api.get("/api/v1/accounts?limit=1").json().get("total").asLong();
        assertProblem(api.post("/api/v1/accounts", "{\"name\": \"x\""), 400, "line 1");
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"x\",\"nmae\":\"y\"}"), 400, "nmae");
        assertProblem(api.post("/api/v1/accounts", "{\"name\":12}"), 400, "must be a string");
        assertProblem(api.post("/api/v1/accounts", "{\"employees\":\"many\",\"name\":\"" + tag + "\"}"), 400, "must be an integer");
        assertProblem(api.post("/api/v1/accounts", "{\"industry\":\"retail\"}"), 400, "is required");
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"" + "长".repeat(201) + "\"}"), 400, "at most 200");
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"" + tag + "\",\"industry\":\"mining\"}"), 400, "must be one of");
        assertProblem(api.post("/api/v1/accounts", "[]"), 400, "JSON object");
        assertProblem(api.post("/api/v1/accounts", ""), 400, "empty");
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"" + tag + "\",\"id\":\"abc\"}"), 400, "read-only");
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"x\"}", "Content-Type", "text/plain"), 415, null);
        assertProblem(api.post("/api/v1/accounts", "{\"name\":\"" + "x".repeat(2_000_000) + "\"}"), 413, "limit");
        assertProblem(api.get("/api/v1/accounts?filter=" + enc("bogus eq 1")), 400, "bogus");
        assertProblem(api.get("/api/v1/accounts?sort=bogus"), 400, "bogus");
        assertProblem(api.get("/api/v1/accounts?offset=-1"), 400, "offset");
        assertProblem(api.get("/api/v1/accounts?limit=501"), 400, "limit");
        assertProblem(api.get("/api/v1/accounts/" + UUID.randomUUID()), 404, "no Account");
        assertProblem(api.get("/api/v1/accounts/not-an-id"), 404, null);
        assertProblem(api.get("/api/v1/widgets"), 404, "widgets");
        Api.Answer injection = api.get("/api/v1/accounts?filter=" + enc("name eq 'x'' or 1=1 --'"));
        assertEquals("a quote is just part of the value", 200, injection.status);
        assertEquals(0, injection.json().get("total").asInt());
        assertEquals(before, api.get("/api/v1/accounts?limit=1").json().get("total").asLong());
    }

    @Test
    public void duplicatesAreRefusedUnlessAllowedAndCanBeMerged() {
        JsonNode first = createAccount("{\"name\":\"Dup Co " + tag + "\",\"phone\":\"010-1234 5678\"}");
        Api.Answer dup = api.post("/api/v1/accounts", "{\"name\":\"  dup co " + tag.toUpperCase() + " \"}");
        assertProblem(dup, 409, first.get("id").asText());
        assertEquals(first.get("id").asText(), dup.json().get("duplicates").get(0).get("id").asText());
        JsonNode second = createAccountAllowingDuplicate("{\"name\":\"Dup Co " + tag + "\",\"email\":\"sales@dup.example\"}");

        String contact = api.post("/api/v1/contacts", "{\"lastName\":\"Li\",\"accountId\":\"" + second.get("id").asText() + "\"}")
                .json().get("id").asText();
        Api.Answer merged = api.post("/api/v1/accounts/merge", "{\"survivorId\":\"" + first.get("id").asText()
                + "\",\"mergedId\":\"" + second.get("id").asText() + "\",\"take\":[\"email\"]}");
        assertEquals(merged.toString(), 200, merged.status);
        assertEquals("sales@dup.example", merged.json().get("email").asText());
        assertEquals("010-1234 5678", merged.json().get("phone").asText());
        assertEquals(first.get("id").asText(), api.get("/api/v1/contacts/" + contact).json().get("accountId").asText());
        assertEquals(404, api.get("/api/v1/accounts/" + second.get("id").asText()).status);
        JsonNode bin = api.get("/api/v1/recycle-bin?entity=accounts&limit=500").json();
        assertTrue(bin.toString().contains(second.get("id").asText()));

        JsonNode other = createAccount("{\"name\":\"Other Co " + tag + "\"}");
        assertProblem(api.patch("/api/v1/accounts/" + other.get("id").asText(), "{\"name\":\"DUP CO " + tag + "\"}"), 409, "duplicate");
        assertEquals(200, api.patch("/api/v1/accounts/" + other.get("id").asText() + "?allowDuplicates=true",
                "{\"name\":\"Dup Co " + tag + "\"}").status);
        assertEquals("a duplicate kept on purpose stays editable", 200,
                api.patch("/api/v1/accounts/" + other.get("id").asText(), "{\"rating\":\"cold\"}").status);

        String email = "wang." + tag + "@example.com";
        assertEquals(201, api.post("/api/v1/contacts", "{\"lastName\":\"王\",\"email\":\"" + email + "\"}").status);
        assertProblem(api.post("/api/v1/contacts", "{\"lastName\":\"Wang\",\"email\":\"" + email.toUpperCase() + "\"}"), 409, "王");
    }

    private JsonNode createAccountAllowingDuplicate(String json) {
        Api.Answer a = api.post("/api/v1/accounts?allowDuplicates=true", json);
        assertEquals(a.toString(), 201, a.status);
        return a.json();
    }

    @Test
    public void recycleBinRestoresAndPurges() {
        String id = createAccount("{\"name\":\"Bin " + tag + "\"}").get("id").asText();
        assertEquals(204, api.delete("/api/v1/accounts/" + id).status);
        assertFalse(api.get("/api/v1/accounts?q=Bin%20" + tag).body.contains(id));
        JsonNode bin = api.get("/api/v1/recycle-bin?entity=accounts").json();
        assertEquals(id, bin.get("items").get(0).get("id").asText());
        assertEquals("Bin " + tag, bin.get("items").get(0).get("displayName").asText());

        Api.Answer restored = api.post("/api/v1/recycle-bin/accounts/" + id + "/restore", null);
        assertEquals(restored.toString(), 200, restored.status);
        assertEquals(200, api.get("/api/v1/accounts/" + id).status);
        assertProblem(api.delete("/api/v1/recycle-bin/accounts/" + id), 409, "not in the recycle bin");

        api.delete("/api/v1/accounts/" + id);
        assertEquals(204, api.delete("/api/v1/recycle-bin/accounts/" + id).status);
        assertProblem(api.post("/api/v1/recycle-bin/accounts/" + id + "/restore", null), 404, null);
    }

    @Test
    public void concurrentUpdatesWithTheSameVersionLetExactlyOneWin() throws Exception {
        JsonNode a = createAccount("{\"name\":\"Race " + tag + "\"}");
        String id = a.get("id").asText();
        String etag = "\"" + a.get("version").asLong() + "\"";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            Callable<Integer> update = () -> new Api(baseUrl()).basic(ADMIN_USER, ADMIN_PASSWORD)
                    .patch("/api/v1/accounts/" + id, "{\"employees\":" + n + "}", "If-Match", etag).status;
            results.add(pool.submit(update));
        }
        int ok = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            assertTrue("status " + status, status == 200 || status == 412);
            ok += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ok);
    }

    @Test
    public void authenticationIsRequiredAndTokensWork() {
        Api anonymous = new Api(baseUrl());
        Api.Answer denied = anonymous.get("/api/v1/accounts");
        assertProblem(denied, 401, null);
        assertTrue(denied.header("WWW-Authenticate").startsWith("Basic"));
        assertProblem(anonymous.get("/api/v1/no-such-thing"), 401, null);
        assertProblem(new Api(baseUrl()).basic(ADMIN_USER, "wrong").get("/api/v1/accounts"), 401, null);
        assertEquals(200, anonymous.get("/api/v1/health").status);
        assertEquals(200, anonymous.get("/api/openapi.json").status);

        Api.Answer token = api.post("/api/v1/me/tokens", "{\"name\":\"itest " + tag + "\"}");
        assertEquals(token.toString(), 201, token.status);
        String secret = token.json().get("token").asText();
        Api bearer = new Api(baseUrl()).bearer(secret);
        assertEquals(200, bearer.get("/api/v1/accounts").status);
        assertEquals("admin", bearer.get("/api/v1/me").json().get("loginName").asText());
        assertFalse("secret is never listed again", api.get("/api/v1/me/tokens").body.contains(secret));
        assertProblem(api.post("/api/v1/me/tokens", "{\"name\":\"x\",\"scope\":\"all\"}"), 400, "scope");
        assertEquals(204, api.delete("/api/v1/me/tokens/" + token.json().get("id").asText()).status);
        assertProblem(bearer.get("/api/v1/accounts"), 401, null);
    }

    @Test
    public void onlyAdministratorsUseTheAdministrationApi() {
        String login = "rep." + tag;
        Api.Answer created = api.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"rep-Password-1\","
                + "\"displayName\":\"销售代表 " + tag + "\",\"administrator\":false}");
        assertEquals(created.toString(), 201, created.status);
        assertFalse(created.body.contains("rep-Password-1"));
        assertProblem(api.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"rep-Password-1\"}"), 409, login);
        assertProblem(api.post("/api/v1/admin/users", "{\"loginName\":\"x " + tag + "\",\"password\":\"short\",\"role\":\"boss\"}"), 400, "role");

        Api rep = new Api(baseUrl()).basic(login, "rep-Password-1");
        assertEquals(200, rep.get("/api/v1/accounts").status);
        assertFalse(rep.get("/api/v1/me").json().get("administrator").asBoolean());
        assertProblem(rep.get("/api/v1/admin/modules"), 403, "administrators");
        assertProblem(rep.post("/api/v1/admin/modules/customers/disable", null), 403, null);
        assertProblem(rep.postBytes("/api/v1/admin/plugins", new byte[] {'P', 'K', 3, 4}, "application/java-archive"), 403, null);
        assertProblem(rep.get("/api/v1/admin/users"), 403, null);
        assertTrue(api.get("/api/v1/admin/users").body.contains(login));
        assertTrue(api.get("/api/v1/me").json().get("administrator").asBoolean());
    }

    @Test
    public void wrongPasswordsLockTheAccountAndLoginsAreAudited() {
        String login = "lock." + tag;
        String id = api.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"lock-Password-1\"}")
                .json().get("id").asText();
        Api wrong = new Api(baseUrl()).basic(login, "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertProblem(wrong.get("/api/v1/accounts"), 401, null);
        }
        assertProblem(new Api(baseUrl()).basic(login, "lock-Password-1").get("/api/v1/accounts"), 401, null);
        JsonNode locked = null;
        for (JsonNode u : api.get("/api/v1/admin/users").json().get("items")) {
            if (u.get("loginName").asText().equals(login)) {
                locked = u;
            }
        }
        assertFalse("account locked: " + locked, locked.get("lockedUntil").isNull());

        assertEquals(204, api.post("/api/v1/admin/users/" + id + "/password", "{\"newPassword\":\"lock-Password-2\"}").status);
        Api user = new Api(baseUrl()).basic(login, "lock-Password-2");
        assertEquals(200, user.get("/api/v1/accounts").status);
        assertProblem(user.post("/api/v1/me/password", "{\"currentPassword\":\"nope-nope-nope\",\"newPassword\":\"lock-Password-3\"}"),
                400, "currentPassword");
        assertProblem(user.post("/api/v1/me/password", "{\"currentPassword\":\"lock-Password-2\",\"newPassword\":\"short\"}"),
                400, "newPassword");
        assertEquals(204, user.post("/api/v1/me/password", "{\"currentPassword\":\"lock-Password-2\",\"newPassword\":\"lock-Password-3\"}").status);
        assertProblem(user.get("/api/v1/accounts"), 401, null);
        assertEquals(200, new Api(baseUrl()).basic(login, "lock-Password-3").get("/api/v1/accounts").status);

        String events = api.get("/api/v1/admin/login-events?limit=100").json().toString();
        assertTrue(events, events.contains("\"reason\":\"wrong password\"") && events.contains("\"reason\":\"locked\""));
        assertTrue(events, events.contains("\"sourceAddress\":\"127.0.0.1\""));
        assertProblem(user.get("/api/v1/admin/login-events"), 401, null);
        assertProblem(new Api(baseUrl()).basic(login, "lock-Password-3").get("/api/v1/admin/login-events"), 403, null);
    }

    @Test
    public void metadataModulesAndOpenApiDescribeThePlatform() {
        JsonNode entities = api.get("/api/v1/meta/entities").json();
        assertTrue(entities.toString().contains("\"Account\""));
        JsonNode account = api.get("/api/v1/meta/entities/Account").json();
        assertEquals("客户", account.get("label").get("zh-CN").asText());
        JsonNode industry = null;
        for (JsonNode f : account.get("fields")) {
            if (f.get("name").asText().equals("industry")) {
                industry = f;
            }
        }
        assertNotNull(industry);
        assertEquals("picklist", industry.get("type").asText());
        assertEquals("行业", industry.get("label").get("zh-CN").asText());
        assertTrue(industry.get("picklist").size() > 5);
        assertEquals(account, api.get("/api/v1/meta/entities/accounts").json());

        JsonNode modules = api.get("/api/v1/admin/modules").json();
        assertTrue(modules.toString(), modules.toString().contains("\"customers\""));
        for (JsonNode m : modules.get("items")) {
            assertEquals(m.toString(), "enabled", m.get("state").asText());
            assertNotNull(m.get("version"));
            assertNotNull(m.get("requires"));
        }
        JsonNode openapi = api.get("/api/openapi.json").json();
        assertEquals("3.0.3", openapi.get("openapi").asText());
        assertNotNull(openapi.get("paths").get("/v1/accounts"));
        assertNotNull(openapi.get("paths").get("/v1/contacts/{id}"));
        assertNotNull(openapi.get("components").get("schemas").get("Contact").get("properties").get("fullName"));
        assertNull(openapi.get("paths").get("/v1/widgets"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
