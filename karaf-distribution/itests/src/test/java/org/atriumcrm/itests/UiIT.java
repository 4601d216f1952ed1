package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

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
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * The web UI in a real browser (headless chromium through Selenium), against this container. Selenium runs in a
 * JVM of its own ({@code ui.UiBrowserCheck}); this test starts it, waits for its verdict and keeps the
 * screenshots in {@code target/screenshots/}. Logging in needs the session API ({@code POST /api/v1/session}):
 * where the server lacks it, only the login page is checked.
 */
public class UiIT extends AtriumTestSupport {

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
     * Runs a {@code ui.UiScenario} in a JVM of its own (see {@code ui.UiBrowserCheck}) and fails with its output
     * when it fails; screenshots land in {@code target/screenshots/}.
     */
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
