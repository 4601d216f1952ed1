package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The web UI's login (issue 14): {@code /api/v1/session}, the {@code ATRIUM_SESSION} cookie as credentials, CSRF
 * protection of cookie-authenticated writes, logout, and the password check, lockout and audit shared with HTTP Basic.
 */
public class SessionIT extends AtriumTestSupport {
    private static final String PASSWORD = "Session-Pass-2026";

    private static String newUser(Api admin, String prefix) {
        String login = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}"));
        return login;
    }

    private static Api.Answer logIn(String login, String password) {
        return http("POST", "/api/v1/session", "{\"loginName\":\"" + login + "\",\"password\":\"" + password + "\"}");
    }

    /** {@code ATRIUM_SESSION=<secret>} of a Set-Cookie header: what a browser sends back. */
    private static String cookieOf(Api.Answer login) {
        String setCookie = login.header("Set-Cookie");
        assertTrue(login.toString(), setCookie != null && setCookie.startsWith("ATRIUM_SESSION="));
        return setCookie.split(";")[0];
    }

    private static List<JsonNode> loginEvents(Api admin, String login) {
        List<JsonNode> events = new java.util.ArrayList<>();
        for (JsonNode e : ok(admin.get("/api/v1/admin/login-events?limit=1000")).get("items")) {
            if (login.equals(e.get("loginName").asText())) {
                events.add(e);
            }
        }
        return events;
    }

    @Test
    public void aUserChangesTheirOwnLanguageAndDetailsButNotTheirStatus() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String login = newUser(admin, "web.lang");
        Api rep = new Api(baseUrl()).basic(login, PASSWORD);

        JsonNode changed = ok(rep.patch("/api/v1/me", "{\"language\":\"en\",\"displayName\":\"王小明\",\"timeZone\":\"Asia/Shanghai\"}"));
        assertEquals("en", changed.get("language").asText());
        assertEquals("王小明", changed.get("displayName").asText());
        assertEquals("Asia/Shanghai", changed.get("timeZone").asText());
        assertEquals("en", ok(rep.get("/api/v1/me")).get("language").asText());
        JsonNode back = ok(rep.patch("/api/v1/me", "{\"language\":\"zh-CN\"}"));
        assertEquals("zh-CN", back.get("language").asText());
        assertEquals("members not sent stay", "王小明", back.get("displayName").asText());

        assertProblem(rep.patch("/api/v1/me", "{\"language\":\"fr\"}"), 400, "language");
        assertProblem(rep.patch("/api/v1/me", "{\"timeZone\":\"Mars/Olympus\"}"), 400, "timeZone");
        assertProblem(rep.patch("/api/v1/me", "{\"status\":\"active\"}"), 400, "status");
        assertProblem(rep.patch("/api/v1/me", "{\"administrator\":true}"), 400, "administrator");
        assertFalse("still no administrator", ok(rep.get("/api/v1/me")).get("administrator").asBoolean());
    }

    @Test
    public void aBrowserLogsInWorksWithTheCookieAndCsrfTokenAndLogsOut() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/accounts", Duration.ofSeconds(60));
        String login = newUser(admin, "web.rep");

        Api.Answer created = logIn(login, PASSWORD);
        assertEquals(created.toString(), 201, created.status);
        String setCookie = created.header("Set-Cookie");
        assertTrue(setCookie, setCookie.contains("; Path=/") && setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Strict"));
        assertFalse("plain HTTP: " + setCookie, setCookie.contains("Secure"));
        JsonNode session = created.json();
        assertEquals(login, session.at("/user/loginName").asText());
        assertFalse(session.at("/user/administrator").asBoolean());
        String csrf = session.get("csrfToken").asText();
        assertTrue(session.toString(), csrf.length() >= 32);
        assertTrue(session.toString(), Instant.parse(session.get("expiresAt").asText()).isAfter(Instant.now()));
        String cookie = cookieOf(created);
        assertFalse("an opaque secret, not the CSRF token", cookie.contains(csrf));

        // the cookie alone reads; the page can fetch its CSRF token again after a reload
        assertEquals(200, http("GET", "/api/v1/accounts", null, "Cookie", cookie).status);
        JsonNode again = ok(http("GET", "/api/v1/session", null, "Cookie", cookie));
        assertEquals(csrf, again.get("csrfToken").asText());
        assertEquals(session.get("user"), again.get("user"));
        assertEquals(login, ok(http("GET", "/api/v1/me", null, "Cookie", cookie)).get("loginName").asText());

        // writes need the token as well: another site can make the browser send the cookie, not read the token
        String body = "{\"name\":\"Session account " + UUID.randomUUID() + "\"}";
        assertProblem(http("POST", "/api/v1/accounts", body, "Cookie", cookie), 403, "/csrf");
        assertProblem(http("POST", "/api/v1/accounts", body, "Cookie", cookie, "X-CSRF-Token", "wrong"), 403, "/csrf");
        Api.Answer account = http("POST", "/api/v1/accounts", body, "Cookie", cookie, "X-CSRF-Token", csrf);
        assertEquals(account.toString(), 201, account.status);
        assertProblem(http("DELETE", "/api/v1/accounts/" + id(account), null, "Cookie", cookie), 403, "/csrf");
        // Basic needs no token, cookie or not
        assertEquals(201, admin.post("/api/v1/accounts", "{\"name\":\"Basic account " + UUID.randomUUID() + "\"}", "Cookie", cookie).status);

        // logout: the session ends on the server, so the cookie a browser (or a thief) kept is worthless
        Api.Answer out = http("DELETE", "/api/v1/session", null, "Cookie", cookie, "X-CSRF-Token", csrf);
        assertEquals(out.toString(), 204, out.status);
        assertTrue(out.header("Set-Cookie"), out.header("Set-Cookie").startsWith("ATRIUM_SESSION=;") && out.header("Set-Cookie").contains("Max-Age=0"));
        Api.Answer gone = http("GET", "/api/v1/accounts", null, "Cookie", cookie);
        assertProblem(gone, 401, null);
        assertFalse("no browser login prompt over the web UI's own page: " + gone.header("WWW-Authenticate"),
                gone.header("WWW-Authenticate").startsWith("Basic"));
        assertProblem(http("GET", "/api/v1/session", null, "Cookie", cookie), 401, null);
        assertProblem(http("GET", "/api/v1/session", null), 401, null);
        // a page's script without credentials: a challenge (RFC 9110 wants one on every 401), but none a browser prompts for
        Api.Answer script = http("GET", "/api/v1/accounts", null, "X-Requested-With", "XMLHttpRequest");
        assertProblem(script, 401, null);
        assertEquals(script.toString(), "Session realm=\"Atrium CRM\"", script.header("WWW-Authenticate"));

        // audited like any password check, with where it came from
        List<JsonNode> events = loginEvents(admin, login);
        assertEquals(events.toString(), 1, events.size());
        assertTrue(events.toString(), events.get(0).get("success").asBoolean());
        assertTrue(events.toString(), events.get(0).get("sourceAddress").asText().startsWith("web-session"));
    }

    @Test
    public void overHttpsTheCookieIsSecure() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String login = newUser(admin, "web.tls");
        Api.Answer created = http("POST", "/api/v1/session", "{\"loginName\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}",
                "X-Forwarded-Proto", "https");
        assertEquals(created.toString(), 201, created.status);
        assertTrue(created.header("Set-Cookie"), created.header("Set-Cookie").endsWith("; Secure"));
    }

    @Test
    public void wrongPasswordsAndBadBodiesGetNoCookie() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String login = newUser(admin, "web.wrong");
        Api.Answer wrong = logIn(login, "not-the-password");
        assertProblem(wrong, 401, "/unauthenticated");
        assertNull(wrong.header("Set-Cookie"));
        assertFalse(wrong.header("WWW-Authenticate").startsWith("Basic"));
        assertProblem(logIn("nobody." + UUID.randomUUID(), PASSWORD), 401, "/unauthenticated");
        Api.Answer extra = http("POST", "/api/v1/session", "{\"loginName\":\"" + login + "\",\"password\":\"x\",\"remember\":true}");
        assertProblem(extra, 400, "remember");
        assertNull(extra.header("Set-Cookie"));
        assertProblem(http("POST", "/api/v1/session", "{\"loginName\":\"" + login + "\"}"), 400, "password");
        assertProblem(http("POST", "/api/v1/session", "[1]"), 400, null);
        List<JsonNode> events = loginEvents(admin, login);
        assertEquals("the wrong password only (a malformed body is no attempt): " + events, 1, events.size());
        assertEquals("wrong password", events.get(0).get("reason").asText());
    }

    @Test
    public void sessionsEndWithTheUserAndWithAPasswordChangeElsewhere() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String login = newUser(admin, "web.life");
        Api.Answer first = logIn(login, PASSWORD);
        Api.Answer second = logIn(login, PASSWORD);
        String cookie1 = cookieOf(first);
        String cookie2 = cookieOf(second);
        assertNotEquals(cookie1, cookie2);

        // changed in the first browser: that one stays logged in, the other is out
        String newPassword = "Session-Pass-2027";
        Api.Answer changed = http("POST", "/api/v1/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}",
                "Cookie", cookie1, "X-CSRF-Token", first.json().get("csrfToken").asText());
        assertEquals(changed.toString(), 204, changed.status);
        assertEquals(200, http("GET", "/api/v1/me", null, "Cookie", cookie1).status);
        assertProblem(http("GET", "/api/v1/me", null, "Cookie", cookie2), 401, null);

        // disabled: the session stops at once, not at its idle end
        String userId = ok(http("GET", "/api/v1/me", null, "Cookie", cookie1)).get("id").asText();
        assertEquals(200, admin.patch("/api/v1/admin/users/" + userId, "{\"status\":\"inactive\"}").status);
        assertProblem(http("GET", "/api/v1/me", null, "Cookie", cookie1), 401, null);
        assertEquals(200, admin.patch("/api/v1/admin/users/" + userId, "{\"status\":\"active\"}").status);
        assertEquals("still within its lifetime once the user is back", 200, http("GET", "/api/v1/me", null, "Cookie", cookie1).status);

        // an administrator's reset ends them all
        assertEquals(204, admin.post("/api/v1/admin/users/" + userId + "/password", "{\"newPassword\":\"Session-Pass-2028\"}").status);
        assertProblem(http("GET", "/api/v1/me", null, "Cookie", cookie1), 401, null);
    }

    @Test
    public void parallelLoginsOfOneUserAreAllSessionsAndAllAudited() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String login = newUser(admin, "web.many");
        List<Api.Answer> answers = together(16, i -> logIn(login, PASSWORD));
        Set<String> cookies = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (Api.Answer a : answers) {
            assertEquals("no login fails for concurrency: " + a, 201, a.status);
            cookies.add(cookieOf(a));
            tokens.add(a.json().get("csrfToken").asText());
        }
        assertEquals(16, cookies.size());
        assertEquals(16, tokens.size());
        for (String cookie : cookies) {
            assertEquals(200, http("GET", "/api/v1/session", null, "Cookie", cookie).status);
        }
        // and once more, the password now verified recently: a login is still checked and audited, not taken from the cache
        assertEquals(201, logIn(login, PASSWORD).status);
        List<JsonNode> events = loginEvents(admin, login);
        assertEquals("one audited event per login, none answered from a cache: " + events, 17, events.size());
        assertTrue(events.stream().allMatch(e -> e.get("success").asBoolean()));
    }

    @Test
    public void parallelWrongPasswordsAreCountedAndLockTheAccountAsWithBasic() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String login = newUser(admin, "web.lock");
        List<Api.Answer> answers = together(16, i -> logIn(login, "wrong-Password-" + i));
        for (Api.Answer a : answers) {
            assertProblem(a, 401, "/unauthenticated");
            assertNull(a.header("Set-Cookie"));
        }
        // locked whatever the interleaving: the right password is refused now, by the form and by Basic alike
        Api.Answer locked = logIn(login, PASSWORD);
        assertProblem(locked, 401, "/unauthenticated");
        assertNull(locked.header("Set-Cookie"));
        List<JsonNode> events = loginEvents(admin, login);
        assertEquals("16 wrong passwords and the right one while locked: " + events, 17, events.size());
        long wrong = events.stream().filter(e -> "wrong password".equals(e.get("reason").asText())).count();
        long lockedOut = events.stream().filter(e -> "locked".equals(e.get("reason").asText())).count();
        assertEquals(events.toString(), 17, wrong + lockedOut);
        assertEquals("each counted until the lock (5 in a row), the rest refused as locked: " + events, 5, wrong);
        assertProblem(new Api(baseUrl()).basic(login, PASSWORD).get("/api/v1/me"), 401, null);
    }
}
