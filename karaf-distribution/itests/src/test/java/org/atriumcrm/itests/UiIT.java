package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.testkit.http.Api;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web UI in a real browser (headless chromium through Selenium), against this container. Selenium runs in a
 * JVM of its own ({@code ui.UiBrowserCheck}); this test starts it, waits for its verdict and keeps the
 * screenshots in {@code target/screenshots/}. Logging in needs the session API ({@code POST /api/v1/session}):
 * where the server lacks it, only the login page is checked.
 */
public class UiIT extends AtriumTestSupport {
    private static final String UI_PASSWORD = "Ui-Scenario-Pass-2026";

    @Test
    public void theRootIsTheUiWithItsSecurityHeadersAndTheApiStaysWhereItWas() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = get(client, "/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp, csp.contains("script-src 'self' 'sha256-") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(page.body().contains("<atrium-app>"));

        HttpResponse<String> module = get(client, "/app/main.js");
        assertEquals(200, module.statusCode());
        assertEquals("text/javascript;charset=utf-8", module.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> lit = get(client, "/vendor/lit/3.1.2/index.js");
        assertEquals(200, lit.statusCode());
        assertEquals("text/javascript;charset=utf-8", lit.headers().firstValue("Content-Type").orElse(""));
        assertTrue(lit.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertEquals(404, get(client, "/vendor/lit/3.1.2/nothing.js").statusCode());
        // a path that climbs out of the served tree never reaches the bundle's other resources
        // ("/app/%2e%2e/index.html" is just "/index.html" once Jetty normalises it, a page that is public anyway)
        HttpResponse<String> climbing = get(client, "/vendor/%2e%2e/%2e%2e/META-INF/MANIFEST.MF");
        assertTrue(climbing.statusCode() + " " + climbing.body(), climbing.statusCode() == 400 || climbing.statusCode() == 404);
        assertFalse(climbing.body(), climbing.body().contains("Bundle-SymbolicName"));

        // the API is untouched: its health probe, and its Basic challenge for anonymous callers
        assertEquals(200, get(client, "/api/v1/health").statusCode());
        assertEquals(401, get(client, "/api/v1/accounts").statusCode());
    }

    @Test
    public void theBrowserShowsTheLoginPageAndTheAccounts() throws Exception {
        browser("LoginScenario", adminUser(), adminPassword());
    }

    private static final String REP_PASSWORD = "Board-Pass-2026";

    /** A new sales rep (once opportunities are served) with an account of their own: [login, id, account id, tag]. */
    private static String[] rep(Api admin) {
        waitForHttp("/api/v1/opportunities", Duration.ofSeconds(90));
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String login = "board.rep." + tag;
        String userId = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"displayName\":\"王看板\",\"password\":\""
                + REP_PASSWORD + "\"}"));
        Api rep = new Api(baseUrl()).basic(login, REP_PASSWORD);
        String account = id(rep.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"看板客户 " + tag + "\"}"));
        return new String[] {login, userId, account, tag};
    }

    private static String opportunity(Api rep, String name, String account, int amount) {
        return id(rep.post("/api/v1/opportunities", "{\"name\":\"" + name + "\",\"accountId\":\"" + account + "\",\"amount\":" + amount
                + ",\"currency\":\"CNY\",\"closeDate\":\"" + java.time.LocalDate.now().plusDays(30) + "\"}"));
    }

    /** Home after login: the rep's open opportunities (not someone else's) and the funnel and forecast drawn from the API. */
    @Test
    public void homeShowsMyOpenOpportunitiesAndThePipelineCharts() throws Exception {
        Api admin = adminApi();
        String[] rep = rep(admin);
        String tag = rep[3];
        Api asRep = new Api(baseUrl()).basic(rep[0], REP_PASSWORD);
        String mine = "首页机会 " + tag;
        opportunity(asRep, mine, rep[2], 120000);
        String adminsAccount = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"别人的客户 " + tag + "\"}"));
        opportunity(admin, "Not mine " + tag, adminsAccount, 5000);
        browser("HomeScenario", rep[0], REP_PASSWORD, mine, "Not mine " + tag);
    }

    /**
     * The board: a drag from "Qualification" to "Solution and demo" is refused while the stage's required action is
     * missing (the refusal shown, the card back in its column), then done once the board has recorded the action;
     * a keyboard move of another card; both moves persisted.
     */
    @Test
    public void dragAnOpportunityAcrossTheBoardRefusedThenDone() throws Exception {
        Api admin = adminApi();
        String[] rep = rep(admin);
        String tag = rep[3];
        Api asRep = new Api(baseUrl()).basic(rep[0], REP_PASSWORD);
        String dragged = opportunity(asRep, "拖动机会 " + tag, rep[2], 300000);
        assertEquals("qualification", ok(asRep.post("/api/v1/opportunities/" + dragged + "/advance", "{}")).get("stage").asText());
        String keyed = opportunity(asRep, "Keyboard deal " + tag, rep[2], 80000);
        browser("BoardScenario", rep[0], REP_PASSWORD, dragged, keyed);

        JsonNode moved = ok(asRep.get("/api/v1/opportunities/" + dragged));
        assertEquals("solution", moved.get("stage").asText());
        JsonNode history = ok(asRep.get("/api/v1/opportunities/" + dragged + "/stage-history?sort=createdAt"));
        JsonNode last = history.get("items").get(history.get("total").asInt() - 1);
        assertEquals("qualification", last.get("fromStage").asText());
        assertEquals("solution", last.get("toStage").asText());
        assertEquals("qualification", ok(asRep.get("/api/v1/opportunities/" + keyed)).get("stage").asText());
    }

    /**
     * A module's screens live and die with it: with opportunities disabled, the board's menu entry, its route and
     * its script are gone for a rep who is logged in; enabled again, they are back.
     */
    @Test
    public void disablingTheOpportunitiesModuleTakesItsScreensAway() throws Exception {
        Api admin = adminApi();
        String[] rep = rep(admin);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> script = get(client, "/ext/opportunities/pipeline-board.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript;charset=utf-8", script.headers().firstValue("Content-Type").orElse(""));
        assertTrue(script.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals(404, get(client, "/ext/opportunities/nothing.js").statusCode());
        assertEquals(404, get(client, "/ext/nosuchmodule/pipeline-board.js").statusCode());
        HttpResponse<String> climbing = get(client, "/ext/opportunities/%2e%2e/%2e%2e/META-INF/MANIFEST.MF");
        assertTrue(climbing.statusCode() + " " + climbing.body(), climbing.statusCode() == 400 || climbing.statusCode() == 404);
        assertFalse(climbing.body(), climbing.body().contains("Bundle-SymbolicName"));
        JsonNode screens = ok(admin.get("/api/v1/meta/screens"));
        assertTrue(screens.toString(), screens.toString().contains("\"script\":\"/ext/opportunities/pipeline-board.js\""));
        try {
            browser("ScreensFollowModulesScenario", rep[0], REP_PASSWORD, adminUser(), adminPassword());
        } finally {
            assertEquals(200, admin.post("/api/v1/admin/modules/opportunities/enable", null).status);
        }
        assertEquals(200, get(client, "/ext/opportunities/pipeline-board.js").statusCode());
    }

    /**
     * Lists: the filter builder and the column headers against the API's answer, columns, a shared saved view (found
     * again after a reload, and by a second user), a mass update of selected rows with its progress bar.
     */
    @Test
    public void listsAreFilteredSortedSavedSharedAndMassUpdated() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String tag = "LV" + UUID.randomUUID().toString().substring(0, 6);
        String[] industries = {"retail", "retail", "technology", "finance", "retail", "technology"};
        for (int i = 0; i < industries.length; i++) {
            id(admin.post("/api/v1/accounts", "{\"name\":\"" + tag + " 0" + (i + 1) + "\",\"industry\":\"" + industries[i] + "\"}"));
        }
        browser("ListViewScenario", adminUser(), adminPassword(), tag);
        String rep = "ui.rep." + tag.toLowerCase();
        id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + rep + "\",\"password\":\"" + UI_PASSWORD + "\"}"));
        browser("SharedViewScenario", rep, UI_PASSWORD, "Retail & IT accounts of East China for the quarterly review " + tag, adminUser());
    }

    /** The import wizard: a GBK CSV with Chinese names to the end of its job and into the list; a bad row's report. */
    @Test
    public void aGbkCsvIsImportedThroughTheWizardAndABadRowIsReported() throws Exception {
        adminApi().awaitReady(Duration.ofSeconds(90));
        browser("ImportScenario", adminUser(), adminPassword(), UUID.randomUUID().toString().substring(0, 6));
    }

    /**
     * The main menu is the work records in the modules' order; configuration goes to the administration and records
     * under another record (attachments, outbox entries, stage changes) are reached through it.
     */
    @Test
    public void theEntityTypesSayWhereTheMenuShowsThem() {
        waitForHttp("/api/v1/meta/entities", Duration.ofSeconds(120));
        java.util.Map<String, JsonNode> types = new java.util.HashMap<>();
        adminApi().get("/api/v1/meta/entities").json().get("items").forEach(t -> types.put(t.get("name").asText(), t));
        for (String[] c : new String[][] {{"Account", "main"}, {"Contact", "main"}, {"Lead", "main"}, {"Opportunity", "main"},
                {"EmailAttachment", "none"}, {"EmailTracking", "none"}, {"OpportunityStageChange", "none"}, {"MailOutboxEntry", "administration"},
                {"SalesStage", "administration"}, {"LeadForm", "administration"}}) {
            assertEquals(c[0], c[1], types.get(c[0]).get("menu").asText());
        }
        assertTrue(types.get("Account").get("menuOrder").asInt() < types.get("Contact").get("menuOrder").asInt());
        assertTrue(types.get("Opportunity").get("menuOrder").asInt() < types.get("Email").get("menuOrder").asInt());
    }

    /** The record page builds its buttons and tabs from the metadata: the actions and record views installed now. */
    @Test
    public void theMetadataNamesTheRecordActionsAndViewsTheRecordPageOffers() throws Exception {
        waitForHttp("/api/v1/meta/entities", Duration.ofSeconds(120));
        Api admin = adminApi();
        JsonNode lead = admin.get("/api/v1/meta/entities/Lead").json();
        assertTrue(lead.toString(), texts(lead.get("actions")).containsAll(List.of("convert", "duplicate-check")));
        JsonNode opportunity = admin.get("/api/v1/meta/entities/opportunities").json();
        assertTrue(opportunity.toString(), texts(opportunity.get("actions")).containsAll(List.of("advance", "close-won", "close-lost", "complete-actions")));
        JsonNode account = admin.get("/api/v1/meta/entities/Account").json();
        assertTrue(account.toString(), texts(account.get("recordViews")).contains("emails"));
        assertTrue(texts(admin.get("/api/v1/meta/entities/Email").json().get("collectionActions")).contains("send"));
    }

    @Test
    public void anAccountWithAChineseNameAndAContactUnderItThroughTheForms() throws Exception {
        browser("AccountAndContactScenario", adminUser(), adminPassword(), "ui" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A user whose language is Chinese (a new user's default) reads the server's validation messages in Chinese at the fields. */
    @Test
    public void aChineseUserSeesTheServersValidationMessagesInChinese() throws Exception {
        waitForHttp("/api/v1/accounts", Duration.ofSeconds(120));
        String login = "ui.zh." + UUID.randomUUID().toString().substring(0, 8);
        Api.Answer user = adminApi().post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"" + UI_PASSWORD
                + "\",\"language\":\"zh-CN\"}");
        assertEquals(user.toString(), 201, user.status);
        browser("ChineseValidationScenario", login, UI_PASSWORD);
    }

    @Test
    public void aChangeBySomeoneElseBetweenLoadAndSaveIsShownAsAConflict() throws Exception {
        waitForHttp("/api/v1/accounts", Duration.ofSeconds(120));
        String id = adminApi().post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"冲突测试 " + UUID.randomUUID() + "\",\"phone\":\"010-11112222\"}")
                .json().get("id").asText();
        browser("ConflictScenario", adminUser(), adminPassword(), id);
    }

    @Test
    public void aRecordNamedLikeMarkupIsTextOnTheRecordPageAndInTheList() throws Exception {
        waitForHttp("/api/v1/accounts", Duration.ofSeconds(120));
        Api admin = adminApi();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"xss " + tag + "\"}").json().get("id").asText();
        String name = "<img src=x onerror=alert(1)> " + tag;
        // renamed, so the timeline shows the markup as an old → new value too
        assertEquals(200, admin.patch("/api/v1/accounts/" + id, new ObjectMapper().createObjectNode().put("name", name).toString()).status);
        browser("XssRecordScenario", adminUser(), adminPassword(), id, name);
    }

    @Test
    public void aLeadIsConvertedInTheBrowserWithItsDuplicateCheckShown() throws Exception {
        waitForHttp("/api/v1/leads", Duration.ofSeconds(120));
        Api admin = adminApi();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "zhang." + tag + "@example.cn";
        String company = "上海云帆贸易 " + tag;
        String contactId = admin.post("/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"张\",\"firstName\":\"伟\",\"email\":\"" + email + "\"}")
                .json().get("id").asText();
        Api.Answer lead = admin.post("/api/v1/leads?allowDuplicates=true", "{\"lastName\":\"张\",\"firstName\":\"伟\",\"company\":\"" + company
                + "\",\"email\":\"" + email + "\",\"status\":\"qualified\"}");
        assertEquals(lead.toString(), 201, lead.status);
        browser("LeadConversionScenario", adminUser(), adminPassword(), lead.json().get("id").asText(), company, contactId);
    }

    @Test
    public void aRepCannotOpenAnotherTeamsAccountByUrl() throws Exception {
        waitForHttp("/api/v1/admin/roles", Duration.ofSeconds(120));
        Api admin = adminApi();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String role = admin.post("/api/v1/admin/roles", "{\"name\":\"UI rep " + tag + "\"}").json().get("id").asText();
        String profile = admin.post("/api/v1/admin/profiles", "{\"name\":\"UI rep " + tag + "\",\"rights\":{\"*\":[\"view\",\"create\",\"edit\"]}}")
                .json().get("id").asText();
        String login = "ui.rep." + tag;
        String password = "Rep-Secret-" + tag;
        Api.Answer rep = admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"" + password
                + "\",\"roleId\":\"" + role + "\",\"profileIds\":[\"" + profile + "\"]}");
        assertEquals(rep.toString(), 201, rep.status);
        String name = "别的团队的客户 " + tag;
        String account = admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"" + name + "\"}").json().get("id").asText();
        assertEquals("the API refuses the rep too", 404, new Api(baseUrl()).basic(login, password).get("/api/v1/accounts/" + account).status);
        browser("RepForbiddenScenario", login, password, account, name);
    }

    @Test
    public void theOwnerIsShownByNameAndATransferPicksAColleagueByName() throws Exception {
        waitForHttp("/api/v1/directory", Duration.ofSeconds(120));
        Api admin = adminApi();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String[] ids = new String[2];
        String[] names = {"王芳 " + tag, "Zhang Wei " + tag};
        for (int i = 0; i < 2; i++) {
            Api.Answer user = admin.post("/api/v1/admin/users", "{\"loginName\":\"ui.owner" + i + "." + tag
                    + "\",\"password\":\"Owner-Secret-" + tag + "\",\"displayName\":\"" + names[i] + "\"}");
            assertEquals(user.toString(), 201, user.status);
            ids[i] = user.json().get("id").asText();
        }
        String account = admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"转移 " + tag + "\",\"ownerId\":\""
                + ids[0] + "\"}").json().get("id").asText();
        browser("TransferByNameScenario", adminUser(), adminPassword(), account, names[0], names[1]);
        assertEquals(ids[1], admin.get("/api/v1/accounts/" + account).json().get("ownerId").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> list.add(n.asText()));
        }
        return list;
    }

    /**
     * The list of entity types the UI polls: an ETag, a 304 without a body while it is unchanged, and another list
     * and tag as soon as a module is switched — so the poll costs nothing until something changes.
     */
    @Test
    public void theEntityTypesAreA304UntilAModuleIsSwitched() throws Exception {
        org.atriumcrm.testkit.http.Api admin = adminApi();
        org.atriumcrm.testkit.http.Api.Answer first = admin.get("/api/v1/meta/entities");
        assertEquals(200, first.status);
        String tag = first.header("ETag");
        assertTrue(first.toString(), tag != null && tag.startsWith("\""));
        assertTrue(first.header("Cache-Control"), first.header("Cache-Control").contains("private"));
        org.atriumcrm.testkit.http.Api.Answer same = admin.get("/api/v1/meta/entities", "If-None-Match", tag);
        assertEquals(same.toString(), 304, same.status);
        assertTrue(same.body, same.body.isEmpty());
        assertEquals(200, admin.post("/api/v1/admin/modules/leads/disable", null).status);
        try {
            org.atriumcrm.testkit.http.Api.Answer changed = admin.get("/api/v1/meta/entities", "If-None-Match", tag);
            assertEquals(changed.toString(), 200, changed.status);
            assertFalse(changed.body, changed.body.contains("\"leads\""));
            assertFalse(tag.equals(changed.header("ETag")));
        } finally {
            assertEquals(200, admin.post("/api/v1/admin/modules/leads/enable", null).status);
        }
        assertEquals(304, admin.get("/api/v1/meta/entities", "If-None-Match", tag).status);
    }

    /**
     * An administrator disables and re-enables the leads module in the console while a rep is logged in elsewhere:
     * the rep's menu and open page follow without a reload; the rep has no administration.
     */
    @Test
    public void modulesSwitchedInTheConsoleComeAndGoForALoggedInRep() throws Exception {
        String rep = "ui.rep." + System.nanoTime();
        createUser(rep, "Ui-Rep-Pass-2027");
        browser("AdminModulesScenario", adminUser(), adminPassword(), rep, "Ui-Rep-Pass-2027");
    }

    @Test
    public void everyAdministrationScreenOpensAndUsersAreManaged() throws Exception {
        browser("AdminScreensScenario", adminUser(), adminPassword(), "ui.created." + System.nanoTime());
    }

    /** The pinyin plugin uploaded through the console: the accounts list's quick search then finds by pinyin. */
    @Test
    public void thePinyinPluginUploadedInTheConsoleSearchesTheList() throws Exception {
        String name = "鸿运贸易";
        org.atriumcrm.testkit.http.Api.Answer created = adminApi().post("/api/v1/accounts", "{\"name\":\"" + name + "\"}");
        assertEquals(created.toString(), 201, created.status);
        try {
            browser("AdminPluginScenario", adminUser(), adminPassword(), System.getProperty("atrium.itest.pinyin"), name, "hongyunmaoyi", "hymy");
        } finally {
            // whatever the browser did, the suite goes on without the plugin
            adminApi().delete("/api/v1/admin/plugins/org.atriumcrm.plugin.pinyin?purgeData=true");
            adminApi().delete("/api/v1/accounts/" + created.json().get("id").asText());
        }
    }

    /**
     * The SDK's promise: a plugin generated from the archetype (built by the archetype's own test earlier in the
     * reactor), uploaded at runtime, has its list, form and record page in the UI without a line of UI code.
     */
    @Test
    public void aPluginFromTheArchetypeHasItsListFormAndRecordPageWithoutUiCode() throws Exception {
        java.nio.file.Path jar = java.nio.file.Path.of(System.getProperty("atrium.itest.notes.plugin"));
        assertTrue("the archetype's test builds " + jar + " before the itests (mvn install from the root)", Files.isRegularFile(jar));
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        Api.Answer uploaded = admin.postBytes("/api/v1/admin/plugins", Files.readAllBytes(jar), "application/java-archive");
        assertEquals(uploaded.toString(), 201, uploaded.status);
        String plugin = uploaded.json().get("id").asText();
        try {
            waitForHttp("/api/v1/notes", Duration.ofSeconds(90));
            browser("PluginEntityScenario", adminUser(), adminPassword(), "notes", "Notebook", "插件笔记 " + UUID.randomUUID().toString().substring(0, 6));
        } finally {
            Api.Answer purged = admin.delete("/api/v1/admin/plugins/" + plugin + "?purgeData=true");
            assertEquals(purged.toString(), 200, purged.status);
            // its own table only: the platform's shared history (in the plugin's persistence unit too) stays
            assertEquals(purged.toString(), List.of("PLUGIN_NOTES"), texts(purged.json().get("droppedTables")));
        }
        Api.Answer after = admin.post("/api/v1/accounts", "{\"name\":\"After the notes plugin " + UUID.randomUUID() + "\"}");
        assertEquals(after.toString(), 201, after.status);
        assertEquals(1, admin.get("/api/v1/accounts/" + after.json().get("id").asText() + "/history").json().get("items").size());
    }

    /** Lists and forms by keyboard alone: Tab, typing and Enter, with a visible focus. */
    @Test
    public void listsAndFormsWorkByKeyboardAlone() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String tag = "kb" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : new String[] {"B " + tag, "A " + tag}) {
            assertEquals(201, admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"" + name + "\"}").status);
        }
        browser("KeyboardScenario", adminUser(), adminPassword(), tag);
    }

    @Test
    public void aUserChangesTheirPasswordFromTheUserMenu() throws Exception {
        String login = "ui.password." + System.nanoTime();
        createUser(login, "Ui-Old-Pass-2027");
        browser("PasswordChangeScenario", login, "Ui-Old-Pass-2027", "Ui-New-Pass-2027x");
    }

    private static void createUser(String login, String password) {
        org.atriumcrm.testkit.http.Api.Answer user = adminApi().post("/api/v1/admin/users",
                "{\"loginName\":\"" + login + "\",\"password\":\"" + password + "\",\"displayName\":\"李娜\",\"language\":\"en\"}");
        assertEquals(user.toString(), 201, user.status);
    }

    /**
     * The line-item editor of a quote (issue 15): a rep's quote of an opportunity, three lines with real products (one
     * with a Chinese name), a 400 at a bad line, a quantity changed, a line removed, the server's totals on screen,
     * submitted for approval and then read-only; over the API afterwards the quote holds exactly what the screen said.
     */
    @Test
    public void aRepEditsTheLinesOfAQuoteInTheBrowserAndSubmitsIt() throws Exception {
        Api admin = adminApi();
        String[] rep = rep(admin);
        String tag = rep[3];
        waitForHttp("/api/v1/quotes", Duration.ofSeconds(90));
        waitForHttp("/api/v1/products", Duration.ofSeconds(90));
        assertEquals(200, admin.put("/api/v1/admin/org-defaults/Product", "{\"access\":\"public-read\"}").status);
        String vat13 = ok(admin.get("/api/v1/tax-classes?filter=rate%20eq%2013")).get("items").get(0).get("id").asText();
        String vat6 = ok(admin.get("/api/v1/tax-classes?filter=rate%20eq%206")).get("items").get(0).get("id").asText();
        String routerName = "工业路由器" + tag;
        String router = id(admin.post("/api/v1/products", "{\"sku\":\"RT-" + tag + "\",\"name\":\"" + routerName + "\",\"kind\":\"product\","
                + "\"unit\":\"unit\",\"taxClassId\":\"" + vat13 + "\",\"listPrice\":1200,\"currency\":\"CNY\"}"));
        String switchSku = "SW-" + tag;
        String swtch = id(admin.post("/api/v1/products", "{\"sku\":\"" + switchSku + "\",\"name\":\"Switch 24 ports " + tag + "\","
                + "\"kind\":\"product\",\"unit\":\"unit\",\"taxClassId\":\"" + vat13 + "\",\"listPrice\":350,\"currency\":\"CNY\"}"));
        String serviceName = "Installation " + tag;
        String service = id(admin.post("/api/v1/products", "{\"sku\":\"INST-" + tag + "\",\"name\":\"" + serviceName + "\",\"kind\":\"service\","
                + "\"unit\":\"hour\",\"taxClassId\":\"" + vat6 + "\",\"listPrice\":100,\"currency\":\"CNY\"}"));
        Api asRep = new Api(baseUrl()).basic(rep[0], REP_PASSWORD);
        String opportunityName = "网络改造 " + tag;
        String opportunity = opportunity(asRep, opportunityName, rep[2], 5000);
        String subject = "网络改造报价 " + tag;
        Api.Answer created = asRep.post("/api/v1/quotes", "{\"subject\":\"" + subject + "\",\"opportunityId\":\"" + opportunity + "\"}");
        assertEquals(created.body, 201, created.status);
        String quote = created.json().get("id").asText();

        String contractName = "网络改造合同 " + tag;
        browser("QuoteLinesScenario", rep[0], REP_PASSWORD, quote, subject, opportunityName, router, routerName, swtch, switchSku,
                service, serviceName, contractName);

        JsonNode after = ok(asRep.get("/api/v1/quotes/" + quote));
        assertEquals("approved", after.get("stage").asText());
        assertEquals("one contract, the one the browser made", "contract", after.get("convertedTo").asText());
        JsonNode contracts = ok(asRep.get("/api/v1/contracts?filter=quoteId%20eq%20'" + quote + "'"));
        assertEquals(1, contracts.get("total").asInt());
        assertEquals(contractName, contracts.get("items").get(0).get("name").asText());
        assertEquals(0, new java.math.BigDecimal("4545.00").compareTo(new java.math.BigDecimal(after.get("grandTotal").asText())));
        assertEquals(0, new java.math.BigDecimal("4050.00").compareTo(new java.math.BigDecimal(after.get("subtotal").asText())));
        JsonNode lines = ok(asRep.get("/api/v1/quote-lines?filter=quoteId%20eq%20'" + quote + "'&sort=position"));
        assertEquals(2, lines.get("total").asInt());
        assertEquals(router, lines.get("items").get(0).get("productId").asText());
        assertEquals(0, java.math.BigDecimal.valueOf(3).compareTo(new java.math.BigDecimal(lines.get("items").get(0).get("quantity").asText())));
        assertEquals(service, lines.get("items").get(1).get("productId").asText());
        assertEquals(0, java.math.BigDecimal.TEN.compareTo(new java.math.BigDecimal(lines.get("items").get(1).get("discountPercent").asText())));
    }

    /** The line editor is the metadata's, not the quote's: a purchase order's lines in the same editor. */
    @Test
    public void aPurchaseOrderHasTheSameLineEditor() throws Exception {
        Api admin = adminApi();
        waitForHttp("/api/v1/purchase-orders", Duration.ofSeconds(90));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String vat13 = ok(admin.get("/api/v1/tax-classes?filter=rate%20eq%2013")).get("items").get(0).get("id").asText();
        String sku = "PO-UI-" + tag;
        String product = id(admin.post("/api/v1/products", "{\"sku\":\"" + sku + "\",\"name\":\"网线 " + tag + "\",\"kind\":\"product\","
                + "\"unit\":\"unit\",\"taxClassId\":\"" + vat13 + "\",\"listPrice\":30,\"cost\":18,\"currency\":\"CNY\"}"));
        String vendor = id(admin.post("/api/v1/vendors", "{\"code\":\"VUI-" + tag + "\",\"name\":\"界面供应商 " + tag + "\"}"));
        String order = id(admin.post("/api/v1/purchase-orders", "{\"vendorId\":\"" + vendor + "\",\"currency\":\"CNY\"}"));
        browser("PurchaseOrderLinesScenario", adminUser(), adminPassword(), order, product, sku);
        JsonNode after = ok(admin.get("/api/v1/purchase-orders/" + order));
        assertEquals(0, new java.math.BigDecimal("226.00").compareTo(new java.math.BigDecimal(after.get("grandTotal").asText())));
        assertFalse("submitted", "draft".equals(after.get("status").asText()));
    }

    /**
     * A sales order's lines in the same editor; its record page offers each status transition only where it applies;
     * delivered in parts through the deliver dialog (lines and quantities, warehouse, issue at once).
     */
    @Test
    public void aSalesOrderHasTheSameLineEditorAndOffersTransitionsOnlyWhereTheyApply() throws Exception {
        Api admin = adminApi();
        waitForHttp("/api/v1/sales-orders", Duration.ofSeconds(90));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String vat13 = ok(admin.get("/api/v1/tax-classes?filter=rate%20eq%2013")).get("items").get(0).get("id").asText();
        String vat6 = ok(admin.get("/api/v1/tax-classes?filter=rate%20eq%206")).get("items").get(0).get("id").asText();
        String productSku = "SO-UI-P-" + tag;
        String product = id(admin.post("/api/v1/products", "{\"sku\":\"" + productSku + "\",\"name\":\"交换机 " + tag + "\",\"kind\":\"product\","
                + "\"unit\":\"unit\",\"taxClassId\":\"" + vat13 + "\",\"listPrice\":1000,\"currency\":\"CNY\"}"));
        String serviceSku = "SO-UI-S-" + tag;
        String service = id(admin.post("/api/v1/products", "{\"sku\":\"" + serviceSku + "\",\"name\":\"安装调试 " + tag + "\",\"kind\":\"service\","
                + "\"unit\":\"hour\",\"taxClassId\":\"" + vat6 + "\",\"listPrice\":200,\"currency\":\"CNY\"}"));
        assertEquals(201, admin.post("/api/v1/stock-movements", "{\"movementType\":\"OPENING_BALANCE\",\"productId\":\"" + product
                + "\",\"quantity\":2}").status);
        String account = id(admin.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"界面订单客户 " + tag + "\"}"));
        String order = id(admin.post("/api/v1/sales-orders", "{\"subject\":\"界面订单 " + tag + "\",\"accountId\":\"" + account + "\"}"));
        browser("SalesOrderLinesScenario", adminUser(), adminPassword(), order, product, productSku, service, serviceSku);
        JsonNode after = ok(admin.get("/api/v1/sales-orders/" + order));
        assertEquals("partly_delivered", after.get("status").asText());
        assertEquals(0, new java.math.BigDecimal("3687.00").compareTo(new java.math.BigDecimal(after.get("grandTotal").asText())));
        assertEquals(2, after.get("lineCount").asInt());
        // two notes, both issued: the refused deliveries (more than remains, more than the stock issued at once) left none
        JsonNode notes = ok(admin.get("/api/v1/delivery-notes?filter=salesOrderId%20eq%20'" + order + "'&sort=createdAt")).get("items");
        assertEquals(notes.toString(), 2, notes.size());
        assertEquals("issued", notes.get(0).get("status").asText());
        assertEquals("issued", notes.get(1).get("status").asText());
        assertEquals("顺丰速运", notes.get(0).get("carrier").asText());
        assertEquals(0, java.math.BigDecimal.ZERO.compareTo(CommerceSteps.onHand(admin, product)));
        for (JsonNode line : ok(admin.get("/api/v1/sales-orders/" + order + "/lines")).get("items")) {
            String expected = line.get("productId").asText().equals(product) ? "2" : "3";
            assertEquals(line.toString(), 0, new java.math.BigDecimal(expected).compareTo(new java.math.BigDecimal(line.get("deliveredQuantity").asText())));
        }
    }

    /**
     * Runs a {@code ui.UiScenario} in a JVM of its own (see {@code ui.UiBrowserCheck}) and fails with its output
     * when it fails; screenshots land in {@code target/screenshots/}.
     */
    /** A quote printed from its record page, its copy listed under "Printed documents" and downloading as a PDF. */
    @Test
    public void aQuoteIsPrintedFromItsRecordPageAndListedWithItsDownload() throws Exception {
        Api admin = adminApi();
        String[] rep = rep(admin);
        waitForHttp("/api/v1/quotes", Duration.ofSeconds(60));
        Api asRep = new Api(baseUrl()).basic(rep[0], REP_PASSWORD);
        Api.Answer created = asRep.post("/api/v1/quotes", "{\"subject\":\"打印报价 " + rep[3] + "\",\"accountId\":\"" + rep[2] + "\"}");
        assertEquals(created.toString(), 201, created.status);
        JsonNode quote = created.json();
        browser("PrintedDocumentsScenario", rep[0], REP_PASSWORD, quote.get("id").asText(), quote.get("number").asText());
    }

    static void browser(String scenario, String... args) throws Exception {
        waitForHttp("/api/v1/meta/entities", Duration.ofSeconds(120));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("atrium.itest.browser.classpath"), "org.atriumcrm.itests.ui.UiBrowserCheck",
                baseUrl(), System.getProperty("atrium.itest.screenshots"), scenario));
        command.addAll(List.of(args));
        File log = File.createTempFile("ui-browser", ".log");
        Process browser = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        boolean done = browser.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            browser.destroyForcibly();
        }
        String output = Files.readString(log.toPath());
        assertTrue(scenario + " did not finish:\n" + output, done);
        assertEquals(scenario + " failed:\n" + output, 0, browser.exitValue());
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
