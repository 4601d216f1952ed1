package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pinyin plugin as an integrator installs it: dropped into deploy/ of the running platform, live without a
 * restart, switched off and on by an administrator, removed again, and the platform unharmed throughout.
 */
public class PinyinPluginIT extends AtriumTestSupport {

    @Inject
    BundleContext context;

    private Api.Answer awaitAnswer(Api api, String path, Predicate<Api.Answer> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Answer last = null;
        while (System.nanoTime() < deadline) {
            last = api.get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gave up waiting on " + path + ": " + last);
    }

    @Test
    public void deployedPluginGoesLiveIsSwitchableAndLeavesCleanly() throws Exception {
        Api api = new Api(baseUrl()).basic(ADMIN_USER, ADMIN_PASSWORD);
        api.awaitReady(Duration.ofSeconds(90));
        int blipsBefore = Api.REBUILD_BLIPS.get();
        assertEquals(201, api.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"中国银行上海分行\"}").status);
        assertEquals(201, api.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"招商银行\"}").status);

        List<String> platformEvents = new CopyOnWriteArrayList<>();
        SynchronousBundleListener watch = e -> {
            String name = e.getBundle().getSymbolicName();
            if (name != null && name.startsWith("org.atriumcrm.") && !name.startsWith("org.atriumcrm.plugin.")
                    && (e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED)) {
                platformEvents.add(name + " " + e.getType());
            }
        };
        context.addBundleListener(watch);
        Path deployed = Paths.get(System.getProperty("karaf.home"), "deploy", "org.atriumcrm.plugin.pinyin.jar");
        long dropped = System.nanoTime();
        Files.copy(Paths.get(System.getProperty("atrium.itest.pinyin")), deployed, StandardCopyOption.REPLACE_EXISTING);
        try {
            // existing records are indexed on first enable
            JsonNode found = awaitAnswer(api, "/api/v1/pinyin/search?initials=zgyh&type=account",
                    a -> a.status == 200 && a.json().get("items").size() > 0).json();
            System.out.println("ATRIUM-FIGURES: pinyin plugin dropped into deploy/ answering after "
                    + Duration.ofNanos(System.nanoTime() - dropped).toMillis() + " ms");
            assertEquals("中国银行上海分行", found.get("items").get(0).get("displayName").asText());
            assertEquals(1, api.get("/api/v1/pinyin/search?pinyin=zhaoshang").json().get("total").asInt());
            assertTrue("no platform bundle was stopped or refreshed: " + platformEvents, platformEvents.isEmpty());

            // new records are indexed from the domain events
            assertEquals(201, api.post("/api/v1/contacts", "{\"lastName\":\"张\",\"firstName\":\"三丰\"}").status);
            JsonNode contact = awaitAnswer(api, "/api/v1/pinyin/search?initials=zsf&type=contact",
                    // items too: the plugin counts and lists in two queries, and the event-driven indexer may commit in between
                    a -> a.status == 200 && a.json().get("total").asInt() == 1 && a.json().get("items").size() == 1).json();
            assertEquals("张三丰", contact.get("items").get(0).get("displayName").asText());
            assertEquals(400, api.get("/api/v1/pinyin/search?initials=z%25").status);
            assertEquals(400, api.get("/api/v1/pinyin/search").status);

            // the search shows only what the caller may see: a sales rep finds none of the admin's records ...
            String login = "pinyin.rep." + System.nanoTime();
            Api.Answer rep = api.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"Pinyin-Rep-2026\"}");
            assertEquals(rep.toString(), 201, rep.status);
            Api asRep = new Api(baseUrl()).basic(login, "Pinyin-Rep-2026");
            JsonNode none = asRep.get("/api/v1/pinyin/search?initials=zsf&type=contact").json();
            assertEquals(none.toString(), 0, none.get("total").asInt());
            assertEquals(0, none.get("items").size());
            // ... until the record is theirs (the indexer follows the ownership change)
            String contactId = api.get("/api/v1/contacts?q=" + java.net.URLEncoder.encode("张三丰", "UTF-8")).json()
                    .get("items").get(0).get("id").asText();
            assertEquals(200, api.post("/api/v1/contacts/" + contactId + "/transfer",
                    "{\"ownerId\":\"" + rep.json().get("id").asText() + "\"}").status);
            awaitAnswer(asRep, "/api/v1/pinyin/search?initials=zsf&type=contact",
                    a -> a.status == 200 && a.json().get("total").asInt() == 1 && a.json().get("items").size() == 1);
            assertEquals(0, asRep.get("/api/v1/pinyin/search?initials=zgyh").json().get("total").asInt());

            JsonNode module = api.get("/api/v1/admin/modules/pinyin").json();
            assertEquals("enabled", module.get("state").asText());
            assertEquals("拼音首字母检索", module.get("name").get("zh-CN").asText());

            assertEquals(200, api.post("/api/v1/admin/modules/pinyin/disable", null).status);
            Api.Answer off = awaitAnswer(api, "/api/v1/pinyin/search?initials=zgyh", a -> a.status == 404);
            assertTrue(off.toString(), off.contentType().startsWith("application/problem+json"));
            assertTrue(off.body, off.body.contains("module-disabled") && off.body.contains("pinyin"));
            assertEquals(200, api.get("/api/v1/accounts").status);

            assertEquals(200, api.post("/api/v1/admin/modules/pinyin/enable", null).status);
            JsonNode again = awaitAnswer(api, "/api/v1/pinyin/search?initials=zgyh&type=account",
                    a -> a.status == 200).json();
            assertEquals("the index kept its data", found.get("items"), again.get("items"));
        } finally {
            Files.deleteIfExists(deployed);
            context.removeBundleListener(watch);
        }
        Api.Answer gone = awaitAnswer(api, "/api/v1/pinyin/search?initials=zgyh",
                a -> a.status == 404 && !a.body.contains("module-disabled"));
        assertTrue(gone.contentType().startsWith("application/problem+json"));
        assertEquals(200, api.get("/api/v1/health").status);
        assertEquals(200, api.get("/api/v1/accounts").status);
        assertTrue(platformEvents.toString(), platformEvents.isEmpty());
        assertTrue(api.get("/api/v1/admin/modules").body.indexOf("\"pinyin\"") < 0);
        assertEquals("installing, switching and removing a module endpoint never rebuilt the JAX-RS application",
                blipsBefore, Api.REBUILD_BLIPS.get());
    }
}
