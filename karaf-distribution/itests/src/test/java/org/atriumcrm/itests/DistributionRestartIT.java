package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.Await.awaitJson;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.atriumcrm.testkit.http.Api;
import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as an operator runs it: unpacked, started with bin/karaf, stopped with bin/stop, started
 * again. Records survive the restart, the generated first-admin password works, the Karaf shell sees the same
 * data, and the cold start time and heap are reported. A plain JUnit test (not Pax Exam): it needs two boots. On the
 * first, {@link OpenApiClientCheck} validates /api/openapi.json and drives a client generated from it.
 */
public class DistributionRestartIT {
    private final KarafProcess karaf = new KarafProcess(Paths.get("target", "restart", "atrium"));
    private final Path home = karaf.home;
    private String adminPassword;

    @After
    public void stopKaraf() throws Exception {
        karaf.close();
    }

    @Test
    public void recordsSurviveARestartAndTheShellSeesTheSameData() throws Exception {
        karaf.unpack();
        int ssh = karaf.ssh;
        String base = karaf.base();

        long coldStart = karaf.start();
        String password = Files.readString(home.resolve("data/initial-admin-password"), StandardCharsets.UTF_8).strip();
        assertTrue("generated password is long", password.length() >= 16);
        adminPassword = password;
        Api api = new Api(base).basic("admin", password);
        // while the distribution is fresh (no plugin yet): the OpenAPI document as integrators use it
        OpenApiClientCheck.run(base, "admin", password);
        JsonNode system = api.get("/api/v1/admin/system").json();
        long heapMiB = system.get("heapUsedBytes").asLong() >> 20;

        Api.Answer created = api.post("/api/v1/accounts", "{\"name\":\"重启测试 Restart Ltd\",\"industry\":\"retail\","
                + "\"annualRevenue\":\"8800000.25\",\"billingCity\":\"深圳\"}");
        assertEquals(created.toString(), 201, created.status);
        String id = created.json().get("id").asText();
        assertEquals(201, api.post("/api/v1/contacts", "{\"lastName\":\"陈\",\"firstName\":\"静\",\"accountId\":\"" + id + "\"}").status);
        long accounts = api.get("/api/v1/accounts?limit=1").json().get("total").asLong();
        String shellCount = shell(ssh, "atrium:account-count").strip();
        assertTrue("shell says " + shellCount, shellCount.endsWith(String.valueOf(accounts)));
        String contactCount = shell(ssh, "atrium:contact-count").strip();
        assertTrue("the contact count is the contacts' (1), not another store's: " + contactCount, contactCount.endsWith("1"));
        String modules = shell(ssh, "atrium:module-list");
        assertTrue(modules, modules.contains("customers") && modules.contains("ENABLED"));
        // the shell logs in against Atrium's users (JAAS realm): administrators only, no karaf/karaf any more
        assertEquals(201, api.post("/api/v1/admin/users", "{\"loginName\":\"shell.rep\",\"password\":\"Shell-Rep-2026\"}").status);
        // (the admin getting in is shown by every shell(...) call above and below)
        assertShellRefused(ssh, "shell.rep", "Shell-Rep-2026", "a sales rep gets no shell");
        assertShellRefused(ssh, "admin", password + "x", "wrong password");
        assertShellRefused(ssh, "karaf", "karaf", "the old operator account is gone");
        String audit = api.get("/api/v1/admin/login-events").body;
        assertTrue("shell logins are audited like API logins: " + audit, audit.contains("karaf-shell") && audit.contains("shell.rep"));

        // a plugin dropped into deploy/ and disabled by an administrator stays disabled across the restart
        Files.copy(Paths.get(System.getProperty("atrium.pinyin.plugin")), home.resolve("deploy/org.atriumcrm.plugin.pinyin.jar"));
        api.awaitStatus("/api/v1/pinyin/status", 200);
        assertEquals(200, api.post("/api/v1/admin/modules/pinyin/disable", null).status);
        api.awaitStatus("/api/v1/pinyin/status", 404);

        karaf.stop();
        long restart = karaf.start();
        Api.Answer reread = api.get("/api/v1/accounts/" + id);
        assertEquals(reread.toString(), 200, reread.status);
        JsonNode again = reread.json();
        assertEquals("重启测试 Restart Ltd", again.get("name").asText());
        assertEquals("深圳", again.get("billingCity").asText());
        assertEquals(0, again.get("annualRevenue").decimalValue().compareTo(new java.math.BigDecimal("8800000.25")));
        assertEquals("陈静", api.get("/api/v1/accounts/" + id + "/contacts").json().get("items").get(0).get("fullName").asText());
        // the quick-search index survived as well: still built (no rebuild), one document per account
        JsonNode index = awaitJson(api, "/api/v1/search-index",
                j -> !j.path("entities").path("Account").path("building").asBoolean(), java.time.Duration.ofSeconds(60));
        assertTrue(index.toString(), index.path("entities").path("Account").path("built").asBoolean());
        assertEquals(index.toString(), accounts, index.path("entities").path("Account").path("documents").asLong());
        assertEquals(password, Files.readString(home.resolve("data/initial-admin-password"), StandardCharsets.UTF_8).strip());
        assertEquals("disabled", api.get("/api/v1/admin/modules/pinyin").json().get("state").asText());
        Api.Answer off = api.get("/api/v1/pinyin/status");
        assertEquals(off.toString(), 404, off.status);
        assertTrue(off.body, off.body.contains("module-disabled"));
        assertEquals("disabled", api.get("/api/v1/admin/modules/pinyin/changes").json().get("items").get(0).get("action").asText());
        assertEquals(200, api.post("/api/v1/admin/modules/pinyin/enable", null).status);
        api.awaitStatus("/api/v1/pinyin/status", 200);

        // the shell way: the same plugin as a KAR with kar:install / kar:uninstall
        Files.delete(home.resolve("deploy/org.atriumcrm.plugin.pinyin.jar"));
        api.awaitStatus("/api/v1/pinyin/status", 404);
        Path kar = Paths.get(System.getProperty("atrium.pinyin.kar")).toAbsolutePath();
        shell(ssh, "kar:install " + kar.toUri());
        api.awaitStatus("/api/v1/pinyin/status", 200);
        String karName = kar.getFileName().toString().replaceAll("\\.kar$", "");
        assertTrue(shell(ssh, "kar:list").contains(karName));
        shell(ssh, "kar:uninstall " + karName);
        api.awaitStatus("/api/v1/pinyin/status", 404);

        // and the KAR dropped into deploy/, removed again
        Path deployedKar = home.resolve("deploy").resolve(kar.getFileName());
        Files.copy(kar, deployedKar);
        api.awaitStatus("/api/v1/pinyin/status", 200);
        Files.delete(deployedKar);
        api.awaitStatus("/api/v1/pinyin/status", 404);
        karaf.stop();

        String figures = String.format("cold start to ready %.1f s, heap used after start %d MiB, restart to ready %.1f s",
                coldStart / 1000.0, heapMiB, restart / 1000.0);
        System.out.println("ATRIUM-FIGURES: " + figures);
        Files.writeString(Paths.get("target", "distribution-figures.txt"), figures + System.lineSeparator());
    }


    /** A shell command as the Atrium administrator (bin/client over SSH, authenticated by Atrium's JAAS realm). */
    private String shell(int sshPort, String command) throws Exception {
        return run(List.of(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort), "-u", "admin",
                "-p", adminPassword, "-r", "10", command), Duration.ofSeconds(60));
    }

    /**
     * bin/client with these credentials is turned away by SSH authentication (one attempt, no retries): not merely
     * failing for another reason. Note that one refused client tries "password" and "keyboard-interactive", so a
     * wrong password counts twice towards the lockout.
     */
    private void assertShellRefused(int sshPort, String user, String secret, String why) throws Exception {
        File out = Files.createTempFile(Paths.get("target"), "cmd", ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort), "-u", user,
                "-p", secret, "-r", "1", "atrium:module-list").redirectErrorStream(true).redirectOutput(out);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(why + ": bin/client as " + user + " timed out: " + Files.readString(out.toPath()));
        }
        String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertTrue(why + ": exit " + p.exitValue() + ", " + output, p.exitValue() != 0
                && output.contains("No more authentication methods available") && !output.contains("ENABLED"));
    }

    private static String run(List<String> command, Duration timeout) throws Exception {
        return KarafProcess.run(command, timeout);
    }
}
