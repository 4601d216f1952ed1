package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The permission matrix against the real distribution: a sales rep A (team East), a rep B (team West), A's
 * manager, a read-only auditor and the administrator, each listing, reading, searching, filtering, sorting,
 * updating, deleting, exporting and reading history of accounts and contacts. Every count is exact: totals and
 * pages never include invisible records, and hidden fields never appear on any path.
 */
public class SecurityModelIT extends AtriumTestSupport {
    private static final String PASSWORD = "Matrix-Pass-2026";

    /** The people and records of the matrix, created once for the class (the container is shared). */
    private static World world;

    private static final class World {
        String tag;
        String phone;
        String mobile;
        String roleDirector, roleManagerEast, roleRepEast, roleManagerWest, roleRepWest;
        String repProfile, auditorProfile;
        String repA, repB, managerE, auditor;
        String groupKey;
        List<String> accountsA = new ArrayList<>();
        List<String> accountsB = new ArrayList<>();
        String groupAccount;
        String contactA, contactOfBOnA1;
        Api admin, apiA, apiB, apiManager, apiAuditor;
    }

    @Before
    public void setUp() {
        if (world != null) {
            return;
        }
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/admin/roles", Duration.ofSeconds(60));
        World w = new World();
        w.admin = admin;
        w.tag = "mx" + UUID.randomUUID().toString().substring(0, 8);
        w.phone = "021-" + (10_000_000 + (int) (Math.random() * 89_999_999));
        w.mobile = "+86 139 " + (10_000_000 + (int) (Math.random() * 89_999_999));
        w.roleDirector = id(admin.post("/api/v1/admin/roles", "{\"name\":\"Sales director " + w.tag + "\"}"));
        w.roleManagerEast = id(admin.post("/api/v1/admin/roles", "{\"name\":\"Manager East\",\"parentId\":\"" + w.roleDirector + "\"}"));
        w.roleRepEast = id(admin.post("/api/v1/admin/roles", "{\"name\":\"Rep East\",\"parentId\":\"" + w.roleManagerEast + "\"}"));
        w.roleManagerWest = id(admin.post("/api/v1/admin/roles", "{\"name\":\"Manager West\",\"parentId\":\"" + w.roleDirector + "\"}"));
        w.roleRepWest = id(admin.post("/api/v1/admin/roles", "{\"name\":\"Rep West\",\"parentId\":\"" + w.roleManagerWest + "\"}"));
        w.repProfile = id(admin.post("/api/v1/admin/profiles", "{\"name\":\"Sales rep " + w.tag + "\","
                + "\"rights\":{\"*\":[\"view\",\"create\",\"edit\",\"delete\",\"export\"]},"
                + "\"fields\":{\"Account\":{\"annualRevenue\":\"hidden\",\"phone\":\"hidden\",\"rating\":\"read-only\"},"
                + "\"Contact\":{\"mobile\":\"hidden\"}}}"));
        w.auditorProfile = id(admin.post("/api/v1/admin/profiles", "{\"name\":\"Auditor " + w.tag + "\","
                + "\"rights\":{\"*\":[\"view\",\"viewAll\",\"export\"]}}"));
        w.repA = user(admin, "rep.a." + w.tag, w.roleRepEast, w.repProfile);
        w.repB = user(admin, "rep.b." + w.tag, w.roleRepWest, w.repProfile);
        w.managerE = user(admin, "manager.e." + w.tag, w.roleManagerEast, null); // standard profile
        w.auditor = user(admin, "auditor." + w.tag, null, w.auditorProfile);
        w.groupKey = id(admin.post("/api/v1/admin/groups", "{\"name\":\"Key accounts " + w.tag + "\",\"members\":[\"" + w.repB + "\"]}"));
        for (int i = 1; i <= 3; i++) {
            w.accountsA.add(account(admin, w, "East " + i, w.repA, i == 1 ? w.phone : null, "wholesale", 100 * i));
        }
        for (int i = 1; i <= 2; i++) {
            w.accountsB.add(account(admin, w, "West " + i, w.repB, null, "manufacturing", 1000 * i));
        }
        w.groupAccount = account(admin, w, "Group", w.groupKey, null, "retail", 7);
        w.contactA = id(admin.post("/api/v1/contacts", "{\"lastName\":\"王\",\"firstName\":\"" + w.tag + "\",\"accountId\":\""
                + w.accountsA.get(0) + "\",\"mobile\":\"" + w.mobile + "\",\"ownerId\":\"" + w.repA + "\"}"));
        w.contactOfBOnA1 = id(admin.post("/api/v1/contacts", "{\"lastName\":\"李\",\"firstName\":\"" + w.tag + "\",\"accountId\":\""
                + w.accountsA.get(0) + "\",\"ownerId\":\"" + w.repB + "\"}"));
        w.apiA = as("rep.a." + w.tag);
        w.apiB = as("rep.b." + w.tag);
        w.apiManager = as("manager.e." + w.tag);
        w.apiAuditor = as("auditor." + w.tag);
        world = w;
    }

    private static Api as(String login) {
        return new Api(baseUrl()).basic(login, PASSWORD);
    }

    private static String user(Api admin, String login, String roleId, String profileId) {
        // English: the assertions read problem details, which follow the user's language (a new user's is zh-CN)
        return id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"" + PASSWORD + "\",\"language\":\"en\""
                + (roleId == null ? "" : ",\"roleId\":\"" + roleId + "\"")
                + (profileId == null ? "" : ",\"profileIds\":[\"" + profileId + "\"]") + "}"));
    }

    private static String account(Api admin, World w, String name, String owner, String phone, String industry, int revenue) {
        return id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"Matrix " + w.tag + " " + name + "\",\"ownerId\":\""
                + owner + "\",\"industry\":\"" + industry + "\",\"annualRevenue\":" + revenue + ",\"rating\":\"warm\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}"));
    }


    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The ids and total of a list answer; fails unless 200. */
    private static Set<String> ids(Api.Answer a) {
        assertEquals(a.toString(), 200, a.status);
        Set<String> ids = new HashSet<>();
        a.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static long total(Api.Answer a) {
        assertEquals(a.toString(), 200, a.status);
        return a.json().get("total").asLong();
    }


    private String search() {
        return "/api/v1/accounts?q=" + enc(world.tag) + "&limit=500";
    }

    @Test
    public void listsAndTotalsCountOnlyVisibleRecords() {
        World w = world;
        Set<String> all = new HashSet<>(w.accountsA);
        all.addAll(w.accountsB);
        all.add(w.groupAccount);
        assertEquals(all, ids(w.admin.get(search())));
        assertEquals("the auditor's profile has view all", all, ids(w.apiAuditor.get(search())));
        assertEquals("rep A sees what they own", new HashSet<>(w.accountsA), ids(w.apiA.get(search())));
        Set<String> ofB = new HashSet<>(w.accountsB);
        ofB.add(w.groupAccount);
        assertEquals("rep B sees theirs and their group's", ofB, ids(w.apiB.get(search())));
        assertEquals("the manager sees the team below", new HashSet<>(w.accountsA), ids(w.apiManager.get(search())));

        String filter = "/api/v1/accounts?filter=" + enc("name like *" + w.tag + "*");
        assertEquals(6, total(w.admin.get(filter)));
        assertEquals(3, total(w.apiA.get(filter)));
        assertEquals(3, total(w.apiB.get(filter)));
        assertEquals(2, total(w.apiB.get(filter + "&filter=" + enc("industry eq manufacturing"))));
        assertEquals(0, total(w.apiA.get(filter + "&filter=" + enc("industry eq manufacturing"))));

        // pages: totals of the whole visible set, pages never padded with invisible records
        Api.Answer page1 = w.apiA.get(filter + "&limit=2&sort=name");
        assertEquals(3, total(page1));
        assertEquals(2, page1.json().get("items").size());
        Api.Answer page2 = w.apiA.get(filter + "&limit=2&offset=2&sort=name");
        assertEquals(3, total(page2));
        assertEquals(1, page2.json().get("items").size());
        assertEquals(w.accountsA.get(2), page2.json().get("items").get(0).get("id").asText());
        Api.Answer descending = w.apiB.get(filter + "&limit=1&sort=-name");
        assertEquals(3, total(descending));
        assertEquals(w.accountsB.get(1), descending.json().get("items").get(0).get("id").asText());

        // quick search by a hidden field finds nothing, even on one's own record; the admin finds it
        assertEquals(1, total(w.admin.get("/api/v1/accounts?q=" + enc(w.phone))));
        assertEquals(0, total(w.apiA.get("/api/v1/accounts?q=" + enc(w.phone))));
        assertEquals(1, total(w.apiAuditor.get("/api/v1/accounts?q=" + enc(w.phone))));
    }

    /** Every rep may look up colleagues and groups by name (owner names, transfer choices); contact details stay admin-only. */
    @Test
    public void theDirectoryNamesColleaguesAndGroupsForEveryone() {
        World w = world;
        Api.Answer dir = w.apiA.get("/api/v1/directory?q=" + enc(w.tag));
        assertEquals(dir.toString(), 200, dir.status);
        Map<String, String> kinds = new HashMap<>();
        dir.json().get("items").forEach(e -> {
            kinds.put(e.get("id").asText(), e.get("kind").asText());
            assertFalse("no contact details: " + e, e.has("email") || e.has("mobile") || e.has("roleId"));
        });
        assertEquals("user", kinds.get(w.repB));
        assertEquals("user", kinds.get(w.managerE));
        assertEquals("group", kinds.get(w.groupKey));
        assertEquals(dir.json().get("total").asInt(), kinds.size());
        Api.Answer one = w.apiA.get("/api/v1/directory?limit=1&q=" + enc(w.tag));
        assertEquals(1, one.json().get("items").size());
        assertEquals(kinds.size(), one.json().get("total").asInt());
        assertProblem(w.apiA.get("/api/v1/directory?limit=0"), 400, "limit");
        assertEquals("the administrators' user list stays closed", 403, w.apiA.get("/api/v1/admin/users").status);
    }

    @Test
    public void readingInvisibleRecordsIsNotFoundAndVisibleOnesShowNoHiddenField() {
        World w = world;
        String a1 = w.accountsA.get(0);
        String b1 = w.accountsB.get(0);
        assertProblem(w.apiA.get("/api/v1/accounts/" + b1), 404, "no Account with id");
        assertProblem(w.apiB.get("/api/v1/accounts/" + a1), 404, "no Account with id");
        assertProblem(w.apiA.get("/api/v1/accounts/" + b1 + "/history"), 404, null);
        assertProblem(w.apiA.get("/api/v1/accounts/" + b1 + "/contacts"), 404, null);
        // unknown ids answer exactly like invisible ones: no existence oracle
        String unknown = w.apiA.get("/api/v1/accounts/0190f0a0-0000-7000-8000-000000000000").json().get("status").asText();
        assertEquals("404", unknown);

        JsonNode own = w.apiA.get("/api/v1/accounts/" + a1).json();
        assertEquals("warm", own.get("rating").asText());
        assertFalse(own.toString(), own.has("annualRevenue"));
        assertFalse(own.toString(), own.has("phone"));
        JsonNode asManager = w.apiManager.get("/api/v1/accounts/" + a1).json();
        assertEquals(100, asManager.get("annualRevenue").asInt());
        assertEquals(w.phone, asManager.get("phone").asText());
        for (JsonNode item : w.apiA.get(search()).json().get("items")) {
            assertFalse(item.has("annualRevenue") || item.has("phone"));
        }

        // metadata as the user sees it
        JsonNode meta = w.apiA.get("/api/v1/meta/entities/Account").json();
        Set<String> fields = new HashSet<>();
        meta.get("fields").forEach(f -> fields.add(f.get("name").asText()));
        assertTrue(fields.contains("name") && fields.contains("rating"));
        assertFalse(fields.contains("annualRevenue") || fields.contains("phone"));
        assertTrue(w.admin.get("/api/v1/meta/entities/Account").body.contains("annualRevenue"));

        // filtering or sorting by a hidden field: the same 400 as for a field that does not exist
        Api.Answer hiddenFilter = w.apiA.get("/api/v1/accounts?filter=" + enc("annualRevenue gt 150"));
        Api.Answer unknownFilter = w.apiA.get("/api/v1/accounts?filter=" + enc("noSuchField gt 150"));
        assertProblem(hiddenFilter, 400, "annualRevenue");
        assertProblem(unknownFilter, 400, "noSuchField");
        assertEquals(unknownFilter.json().get("type"), hiddenFilter.json().get("type"));
        assertEquals(unknownFilter.json().get("detail").asText().replace("noSuchField", "X"),
                hiddenFilter.json().get("detail").asText().replace("annualRevenue", "X"));
        assertProblem(w.apiA.get("/api/v1/accounts?sort=-annualRevenue"), 400, "annualRevenue");
        assertEquals(200, w.apiManager.get("/api/v1/accounts?sort=-annualRevenue").status);

        // related lists count only visible children; the contact's hidden mobile never shows
        Api.Answer contactsAsA = w.apiA.get("/api/v1/accounts/" + a1 + "/contacts");
        assertEquals(Set.of(w.contactA), ids(contactsAsA));
        assertEquals(1, total(contactsAsA));
        assertFalse(contactsAsA.body.contains(w.mobile));
        assertEquals(Set.of(w.contactA, w.contactOfBOnA1), ids(w.admin.get("/api/v1/accounts/" + a1 + "/contacts")));
        assertEquals(0, total(w.apiA.get("/api/v1/contacts?q=" + enc(w.mobile))));
        assertEquals(1, total(w.admin.get("/api/v1/contacts?q=" + enc(w.mobile))));
    }

    @Test
    public void writesRespectFieldSecurityVisibilityAndRights() {
        World w = world;
        String a2 = w.accountsA.get(1);
        String b2 = w.accountsB.get(1);
        Api.Answer hidden = w.apiA.patch("/api/v1/accounts/" + a2, "{\"annualRevenue\":5}");
        assertProblem(hidden, 403, "annualRevenue");
        assertEquals("field-not-writable", hidden.json().get("type").asText().replaceAll(".*/", ""));
        assertProblem(w.apiA.patch("/api/v1/accounts/" + a2, "{\"rating\":\"hot\"}"), 403, "rating");
        assertProblem(w.apiA.put("/api/v1/accounts/" + a2, "{\"name\":\"x\",\"phone\":\"1\"}"), 403, "phone");
        assertProblem(w.apiA.post("/api/v1/accounts", "{\"name\":\"Matrix " + w.tag + " new\",\"annualRevenue\":1}"), 403, "annualRevenue");
        assertEquals(100 * 2, w.admin.get("/api/v1/accounts/" + a2).json().get("annualRevenue").asInt());

        Api.Answer ok = w.apiA.patch("/api/v1/accounts/" + a2, "{\"description\":\"visited 客户\"}");
        assertEquals(ok.toString(), 200, ok.status);
        assertFalse(ok.body.contains("annualRevenue"));
        assertEquals("PUT keeps the hidden and read-only fields", 200, w.apiA.put("/api/v1/accounts/" + a2,
                "{\"name\":\"Matrix " + w.tag + " East 2\",\"industry\":\"wholesale\"}").status);
        JsonNode after = w.admin.get("/api/v1/accounts/" + a2).json();
        assertEquals(200, after.get("annualRevenue").asInt());
        assertEquals("warm", after.get("rating").asText());

        assertProblem(w.apiA.patch("/api/v1/accounts/" + b2, "{\"description\":\"x\"}"), 404, null);
        assertProblem(w.apiA.delete("/api/v1/accounts/" + b2), 404, null);
        assertProblem(w.apiA.post("/api/v1/contacts", "{\"lastName\":\"张\",\"accountId\":\"" + b2 + "\"}"), 400, "accountId");

        // the auditor sees everything and changes nothing
        assertProblem(w.apiAuditor.patch("/api/v1/accounts/" + b2, "{\"description\":\"x\"}"), 403, "edit");
        assertProblem(w.apiAuditor.delete("/api/v1/accounts/" + b2), 403, "delete");
        assertProblem(w.apiAuditor.post("/api/v1/accounts", "{\"name\":\"Matrix " + w.tag + " auditor\"}"), 403, "create");
        assertEquals(1000 * 2, w.apiAuditor.get("/api/v1/accounts/" + b2).json().get("annualRevenue").asInt());

        // history without the hidden fields' changes
        assertEquals(200, w.admin.patch("/api/v1/accounts/" + a2, "{\"annualRevenue\":222,\"employees\":12}").status);
        String historyA = w.apiA.get("/api/v1/accounts/" + a2 + "/history").body;
        assertTrue(historyA, historyA.contains("employees"));
        assertFalse(historyA, historyA.contains("annualRevenue"));
        assertTrue(w.apiManager.get("/api/v1/accounts/" + a2 + "/history").body.contains("annualRevenue"));
    }

    @Test
    public void sharingRulesManualSharesAndGroupsOpenRecords() {
        World w = world;
        String a1 = w.accountsA.get(0);
        String a3 = w.accountsA.get(2);
        // East's accounts shared read-only with the West reps
        Api.Answer rule = w.admin.post("/api/v1/admin/sharing-rules", "{\"name\":\"East to West " + w.tag + "\",\"entity\":\"Account\","
                + "\"sourceKind\":\"role-and-subordinates\",\"sourceId\":\"" + w.roleManagerEast + "\",\"targetKind\":\"role\","
                + "\"targetId\":\"" + w.roleRepWest + "\",\"access\":\"read\"}");
        String ruleId = id(rule);
        try {
            assertEquals(6, total(w.apiB.get(search())));
            assertEquals(200, w.apiB.get("/api/v1/accounts/" + a1).status);
            assertProblem(w.apiB.patch("/api/v1/accounts/" + a1, "{\"description\":\"x\"}"), 403, "not change");
            JsonNode why = w.admin.get("/api/v1/admin/access/explain?userId=" + w.repB + "&entity=Account&recordId=" + a1).json();
            assertTrue(why.toString(), why.get("record").get("canRead").asBoolean());
            assertFalse(why.toString(), why.get("record").get("canEdit").asBoolean());
            assertTrue(why.toString(), why.get("record").get("reasons").toString().contains("East to West"));
        } finally {
            assertEquals(204, w.admin.delete("/api/v1/admin/sharing-rules/" + ruleId).status);
        }
        assertEquals(3, total(w.apiB.get(search())));

        // a manual read/write share of one record
        assertProblem(w.apiB.post("/api/v1/accounts/" + a3 + "/shares", "{\"principalId\":\"" + w.repB + "\",\"access\":\"read-write\"}"), 404, null);
        Api.Answer share = w.apiA.post("/api/v1/accounts/" + a3 + "/shares", "{\"principalId\":\"" + w.repB + "\",\"access\":\"read-write\"}");
        assertEquals(share.toString(), 201, share.status);
        assertEquals(4, total(w.apiB.get(search())));
        assertEquals(200, w.apiB.patch("/api/v1/accounts/" + a3, "{\"description\":\"shared with B\"}").status);
        assertProblem(w.apiA.post("/api/v1/accounts/" + a3 + "/shares", "{\"principalId\":\"nobody\",\"access\":\"read\"}"), 400, "principalId");
        assertProblem(w.apiA.post("/api/v1/accounts/" + a3 + "/shares", "{\"principalId\":\"" + w.repB + "\",\"access\":\"all\"}"), 400, "access");
        assertEquals(204, w.apiA.delete("/api/v1/accounts/" + a3 + "/shares/" + share.json().get("id").asText()).status);
        assertEquals(3, total(w.apiB.get(search())));
        assertProblem(w.apiB.get("/api/v1/accounts/" + a3), 404, null);

        // the manager's access comes from the role hierarchy, and the explanation says so
        JsonNode why = w.admin.get("/api/v1/admin/access/explain?userId=" + w.managerE + "&entity=Account&recordId=" + a1).json();
        assertTrue(why.toString(), why.get("record").get("canEdit").asBoolean());
        assertTrue(why.toString(), why.get("record").get("reasons").toString().contains("role hierarchy"));
        assertTrue(why.toString(), why.get("rights").get("edit").get("grantedBy").toString().contains("standard"));
        JsonNode whyA = w.admin.get("/api/v1/admin/access/explain?userId=" + w.repA + "&entity=Account&recordId=" + w.accountsB.get(0)).json();
        assertFalse(whyA.get("record").get("canRead").asBoolean());
        assertEquals("hidden", whyA.get("restrictedFields").get("annualRevenue").asText());

        // org-wide default public read-only opens every account for reading, not for writing
        assertEquals(200, w.admin.put("/api/v1/admin/org-defaults/Account", "{\"access\":\"public-read\"}").status);
        try {
            assertEquals(6, total(w.apiA.get(search())));
            assertProblem(w.apiA.patch("/api/v1/accounts/" + w.accountsB.get(0), "{\"description\":\"x\"}"), 403, null);
        } finally {
            assertEquals(200, w.admin.put("/api/v1/admin/org-defaults/Account", "{\"access\":\"private\"}").status);
        }
        assertEquals(3, total(w.apiA.get(search())));
    }

    @Test
    public void exportRecycleBinAndOwnershipTransfer() {
        World w = world;
        // export: same visibility, no hidden column
        Api.Answer csvA = w.apiA.get("/api/v1/accounts/export?q=" + enc(w.tag) + "&sort=name");
        assertEquals(csvA.toString(), 200, csvA.status);
        assertTrue(csvA.contentType(), csvA.contentType().startsWith("text/csv"));
        String[] linesA = csvA.body.replace("\uFEFF", "").strip().split("\r\n");
        assertEquals("header + rep A's 3 accounts", 4, linesA.length);
        assertTrue(linesA[0].startsWith("id,name,"));
        assertFalse(linesA[0], linesA[0].contains("annualRevenue") || linesA[0].contains("phone"));
        assertFalse(csvA.body.contains(w.phone));
        Api.Answer csvAudit = w.apiAuditor.get("/api/v1/accounts/export?q=" + enc(w.tag));
        assertEquals(7, csvAudit.body.strip().split("\r\n").length);
        assertTrue(csvAudit.body.contains("annualRevenue") && csvAudit.body.contains(w.phone));
        String noExport = id(w.admin.post("/api/v1/admin/profiles", "{\"name\":\"No export " + w.tag + "\",\"rights\":{\"*\":[\"view\"]}}"));
        user(w.admin, "viewer." + w.tag, null, noExport);
        assertProblem(as("viewer." + w.tag).get("/api/v1/accounts/export"), 403, "export");
        assertProblem(as("viewer." + w.tag).post("/api/v1/accounts", "{\"name\":\"x\"}"), 403, "create");

        // delete and the recycle bin: each sees only what they could restore
        String b2 = w.accountsB.get(1);
        assertEquals(204, w.apiB.delete("/api/v1/accounts/" + b2).status);
        assertTrue(w.apiB.get("/api/v1/recycle-bin?entity=Account").body.contains(b2));
        assertFalse(w.apiA.get("/api/v1/recycle-bin?entity=Account").body.contains(b2));
        assertProblem(w.apiA.post("/api/v1/recycle-bin/accounts/" + b2 + "/restore", null), 404, null);
        assertEquals(200, w.apiB.post("/api/v1/recycle-bin/accounts/" + b2 + "/restore", null).status);

        // one record with its related records, then everything a leaving rep owns
        String a1 = w.accountsA.get(0);
        Api.Answer moved = w.apiA.post("/api/v1/accounts/" + a1 + "/transfer", "{\"ownerId\":\"" + w.repB + "\",\"includeRelated\":true}");
        assertEquals(moved.toString(), 200, moved.status);
        assertEquals(1, moved.json().get("transferred").get("Account").asInt());
        assertEquals("only the contact rep A owned moves along", 1, moved.json().get("transferred").get("Contact").asInt());
        assertEquals(w.repB, w.admin.get("/api/v1/contacts/" + w.contactA).json().get("ownerId").asText());
        assertProblem(w.apiA.get("/api/v1/accounts/" + a1), 404, null);
        assertTrue(w.admin.get("/api/v1/accounts/" + a1 + "/history").body.contains(w.repB));

        Api.Answer leaving = w.admin.post("/api/v1/admin/ownership-transfers", "{\"fromOwnerId\":\"" + w.repB + "\",\"toOwnerId\":\""
                + w.repA + "\",\"entities\":[\"Account\"]}");
        assertEquals(leaving.toString(), 200, leaving.status);
        assertEquals(3, leaving.json().get("transferred").get("Account").asInt());
        assertEquals(5, total(w.apiA.get(search())));
        assertEquals("the group's account stays with the group", 1, total(w.apiB.get(search())));
        assertProblem(w.admin.post("/api/v1/admin/ownership-transfers", "{\"fromOwnerId\":\"" + w.repB + "\",\"toOwnerId\":\"nobody\"}"),
                400, "toOwnerId");
        assertProblem(w.apiA.post("/api/v1/admin/ownership-transfers", "{\"fromOwnerId\":\"" + w.repB + "\",\"toOwnerId\":\"" + w.repA + "\"}"),
                403, null);
        // put things back for the other tests of the class (their order is not fixed)
        for (String id : w.accountsB) {
            assertEquals(200, w.admin.post("/api/v1/accounts/" + id + "/transfer", "{\"ownerId\":\"" + w.repB + "\"}").status);
        }
        assertEquals(200, w.admin.post("/api/v1/accounts/" + a1 + "/transfer", "{\"ownerId\":\"" + w.repA + "\"}").status);
        assertEquals(200, w.admin.post("/api/v1/contacts/" + w.contactA + "/transfer", "{\"ownerId\":\"" + w.repA + "\"}").status);
    }

    @Test
    public void administrationIsValidatedAndAudited() {
        World w = world;
        Api.Answer tree = w.admin.get("/api/v1/admin/roles?tree=true");
        assertTrue(tree.body.contains("\"children\""));
        assertProblem(w.admin.patch("/api/v1/admin/roles/" + w.roleDirector, "{\"parentId\":\"" + w.roleRepEast + "\"}"), 400, "cycle");
        assertProblem(w.admin.delete("/api/v1/admin/roles/" + w.roleManagerEast), 409, "roles below");
        assertProblem(w.admin.post("/api/v1/admin/roles", "{\"name\":\"x\",\"colour\":\"red\"}"), 400, "colour");
        assertProblem(w.admin.post("/api/v1/admin/profiles", "{\"name\":\"bad " + w.tag + "\",\"rights\":{\"Account\":[\"fly\"]}}"), 400, "fly");
        assertProblem(w.admin.post("/api/v1/admin/profiles", "{\"name\":\"bad2 " + w.tag + "\",\"rights\":{\"Spaceship\":[\"view\"]}}"), 400, "Spaceship");
        assertProblem(w.admin.post("/api/v1/admin/profiles", "{\"name\":\"bad3 " + w.tag + "\",\"fields\":{\"Account\":{\"nope\":\"hidden\"}}}"), 400, "nope");
        assertProblem(w.admin.delete("/api/v1/admin/profiles/" + w.repProfile), 409, "held by");
        String builtIn = null;
        for (JsonNode p : w.admin.get("/api/v1/admin/profiles").json().get("items")) {
            if (p.get("name").asText().equals("administrator")) {
                builtIn = p.get("id").asText();
            }
        }
        assertNotNull(builtIn);
        assertProblem(w.admin.patch("/api/v1/admin/profiles/" + builtIn, "{\"description\":\"x\"}"), 409, "built-in");
        assertProblem(w.admin.patch("/api/v1/admin/users/" + w.repA, "{\"roleId\":\"nope\"}"), 400, "roleId");
        assertProblem(w.admin.patch("/api/v1/admin/users/" + w.repA, "{\"timeZone\":\"Mars/Olympus\"}"), 400, "timeZone");
        assertProblem(w.admin.post("/api/v1/admin/users", "{\"loginName\":\"weak." + w.tag + "\",\"password\":\"aaaaaaaaaaaa\"}"), 400, "password");
        assertProblem(w.admin.put("/api/v1/admin/org-defaults/Account", "{\"access\":\"everyone\"}"), 400, "access");
        assertProblem(w.apiA.get("/api/v1/admin/roles"), 403, null);

        JsonNode repA = w.admin.patch("/api/v1/admin/users/" + w.repA, "{\"timeZone\":\"Asia/Shanghai\",\"language\":\"en\","
                + "\"mobile\":\"+86 139 1234 5678\"}").json();
        assertEquals("Asia/Shanghai", repA.get("timeZone").asText());
        assertEquals(w.roleRepEast, repA.get("roleId").asText());
        String changes = w.admin.get("/api/v1/admin/security-changes?limit=1000").body;
        assertTrue(changes.contains(w.roleDirector) && changes.contains(w.repProfile) && changes.contains(w.repA));

        // an inactive user cannot log in; reactivating restores access
        assertEquals(200, w.admin.patch("/api/v1/admin/users/" + w.managerE, "{\"status\":\"inactive\"}").status);
        assertEquals(401, w.apiManager.get("/api/v1/accounts").status);
        assertEquals(200, w.admin.patch("/api/v1/admin/users/" + w.managerE, "{\"status\":\"active\"}").status);
        assertEquals(200, w.apiManager.get("/api/v1/accounts").status);

        // a revoked token stops working at once
        Api.Answer token = w.apiA.post("/api/v1/me/tokens", "{\"name\":\"matrix\"}");
        assertEquals(token.toString(), 201, token.status);
        Api withToken = new Api(baseUrl()).bearer(token.json().get("token").asText());
        assertEquals(3, total(withToken.get(search())));
        assertEquals(204, w.apiA.delete("/api/v1/me/tokens/" + token.json().get("id").asText()).status);
        assertEquals(401, withToken.get(search()).status);
    }

    @Test
    public void contactsFollowTheSameRules() {
        World w = world;
        String list = "/api/v1/contacts?filter=" + enc("firstName eq '" + w.tag + "'");
        assertEquals(Set.of(w.contactA), ids(w.apiA.get(list)));
        assertEquals(Set.of(w.contactOfBOnA1), ids(w.apiB.get(list)));
        assertEquals(Set.of(w.contactA), ids(w.apiManager.get(list)));
        assertEquals(Set.of(w.contactA, w.contactOfBOnA1), ids(w.apiAuditor.get(list)));
        assertEquals(2, total(w.admin.get(list)));
        assertEquals(1, total(w.apiA.get("/api/v1/contacts?q=" + enc(w.tag) + "&sort=-lastName")));
        assertProblem(w.apiA.get("/api/v1/contacts?sort=mobile"), 400, "mobile");

        JsonNode own = w.apiA.get("/api/v1/contacts/" + w.contactA).json();
        assertEquals("王" + w.tag, own.get("fullName").asText());
        assertFalse(own.toString(), own.has("mobile"));
        assertEquals(w.mobile, w.apiManager.get("/api/v1/contacts/" + w.contactA).json().get("mobile").asText());
        assertProblem(w.apiA.get("/api/v1/contacts/" + w.contactOfBOnA1), 404, null);
        assertProblem(w.apiB.delete("/api/v1/contacts/" + w.contactA), 404, null);
        assertProblem(w.apiA.patch("/api/v1/contacts/" + w.contactA, "{\"mobile\":\"+86 138 0000 0000\"}"), 403, "mobile");
        assertEquals(200, w.apiA.patch("/api/v1/contacts/" + w.contactA, "{\"title\":\"采购经理\"}").status);
        assertEquals(200, w.admin.patch("/api/v1/contacts/" + w.contactA, "{\"mobile\":\"" + w.mobile + "0\"}").status);
        String history = w.apiA.get("/api/v1/contacts/" + w.contactA + "/history").body;
        assertTrue(history, history.contains("title") && history.contains("采购经理"));
        assertFalse(history, history.contains("mobile") || history.contains(w.mobile));
        assertEquals(200, w.admin.patch("/api/v1/contacts/" + w.contactA, "{\"mobile\":\"" + w.mobile + "\"}").status);

        Api.Answer csv = w.apiA.get("/api/v1/contacts/export?filter=" + enc("firstName eq '" + w.tag + "'"));
        assertEquals(csv.toString(), 200, csv.status);
        String[] lines = csv.body.replace("\uFEFF", "").strip().split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1], lines[1].startsWith(w.contactA + ","));
        assertFalse(csv.body, lines[0].contains("mobile") || csv.body.contains(w.mobile));
        assertTrue("UTF-8: " + lines[1], lines[1].contains("王"));
    }
}
