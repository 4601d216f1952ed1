package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Saved list views ({@code /api/v1/list-views}): own and shared, who may change them, checks, parallel saves. */
public class ListViewsIT extends AtriumTestSupport {
    private static final String PASSWORD = "ListViews-Pass-2026";

    private static Api user(Api admin, String login) {
        id(admin.post("/api/v1/admin/users", "{\"loginName\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}"));
        return new Api(baseUrl()).basic(login, PASSWORD);
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new HashSet<>();
        list.get("items").forEach(v -> names.add(v.get("name").asText()));
        return names;
    }

    @Test
    public void ownViewsArePrivateSharedOnesAreSeenByAllAndChangedOnlyByTheirOwnerOrAnAdministrator() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api ann = user(admin, "lv.ann." + tag);
        Api bob = user(admin, "lv.bob." + tag);

        JsonNode mine = ok(ann.get("/api/v1/list-views/" + id(ann.post("/api/v1/list-views",
                "{\"entity\":\"accounts\",\"name\":\"Mine " + tag + "\",\"columns\":[\"name\",\"industry\"],\"sort\":\"-name\","
                        + "\"filter\":\"industry eq 'retail' and name like '华*'\"}"))));
        assertEquals("Account", mine.get("entity").asText());
        assertEquals("name", mine.get("columns").get(0).asText());
        assertEquals("industry", mine.get("columns").get(1).asText());
        assertEquals("-name", mine.get("sort").asText());
        assertEquals("industry eq 'retail' and name like '华*'", mine.get("filter").asText());
        assertFalse(mine.get("shared").asBoolean());
        assertTrue(mine.get("mine").asBoolean());
        String sharedId = id(ann.post("/api/v1/list-views",
                "{\"entity\":\"Account\",\"name\":\"Team " + tag + "\",\"columns\":[\"name\"],\"shared\":true}"));

        // Bob sees the shared view, not Ann's own; he cannot change or delete the shared one
        Set<String> bobSees = names(ok(bob.get("/api/v1/list-views?entity=accounts")));
        assertTrue(bobSees.toString(), bobSees.contains("Team " + tag));
        assertFalse(bobSees.toString(), bobSees.contains("Mine " + tag));
        assertProblem(bob.get("/api/v1/list-views/" + mine.get("id").asText()), 404, null);
        JsonNode seen = ok(bob.get("/api/v1/list-views/" + sharedId));
        assertFalse(seen.get("mine").asBoolean());
        assertFalse(seen.get("canChange").asBoolean());
        assertEquals("lv.ann." + tag, seen.get("ownerName").asText());
        assertProblem(bob.patch("/api/v1/list-views/" + sharedId, "{\"name\":\"Taken over\"}"), 403, "only its owner");
        assertProblem(bob.delete("/api/v1/list-views/" + sharedId), 403, null);
        // Bob's view of the same name is his own: names are unique per owner
        id(bob.post("/api/v1/list-views", "{\"entity\":\"accounts\",\"name\":\"Team " + tag + "\"}"));

        // the owner and an administrator may change it
        assertEquals("industry", ok(ann.patch("/api/v1/list-views/" + sharedId, "{\"columns\":[\"industry\",\"name\"]}"))
                .get("columns").get(0).asText());
        assertTrue(ok(admin.patch("/api/v1/list-views/" + sharedId, "{\"shared\":false}")).get("canChange").asBoolean());
        assertProblem(bob.get("/api/v1/list-views/" + sharedId), 404, null);
        assertEquals(204, ann.delete("/api/v1/list-views/" + sharedId).status);
        assertProblem(ann.get("/api/v1/list-views/" + sharedId), 404, null);
    }

    @Test
    public void whatAListUrlWouldRefuseIsRefusedOnSave() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        assertProblem(admin.post("/api/v1/list-views", "{\"entity\":\"nothings\",\"name\":\"x\"}"), 400, "no entity type nothings");
        assertProblem(admin.post("/api/v1/list-views", "{\"entity\":\"accounts\",\"name\":\"x\",\"columns\":[\"nope\"]}"), 400,
                "'nope' is not a field of Account");
        assertProblem(admin.post("/api/v1/list-views", "{\"entity\":\"accounts\",\"name\":\"x\",\"filter\":\"name zz 'a'\"}"), 400,
                "unknown operator");
        assertProblem(admin.post("/api/v1/list-views", "{\"entity\":\"accounts\",\"name\":\"x\",\"sort\":\"nope\"}"), 400, "sort");
        assertProblem(admin.post("/api/v1/list-views", "{\"entity\":\"accounts\",\"name\":\"x\",\"owner\":\"me\"}"), 400,
                "is not a member of a list view");
        assertProblem(admin.post("/api/v1/list-views", "{\"entity\":\"accounts\"}"), 400, "name");
        assertProblem(admin.get("/api/v1/list-views/not-an-id"), 404, null);
        assertProblem(admin.get("/api/v1/list-views?entity=nothings"), 400, null);
    }

    @Test
    public void sixteenParallelSavesOfOneNameMakeOneViewAndFifteenConflicts() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api carl = user(admin, "lv.carl." + tag);
        List<Api.Answer> same = together(16, i -> carl.post("/api/v1/list-views",
                "{\"entity\":\"accounts\",\"name\":\"Same " + tag + "\",\"sort\":\"name\"}"));
        int created = 0;
        for (Api.Answer a : same) {
            if (a.status == 201) {
                created++;
            } else {
                assertProblem(a, 409, "already");
            }
        }
        assertEquals(1, created);
        // and sixteen different names at once are all kept
        List<Api.Answer> different = together(16, i -> carl.post("/api/v1/list-views",
                "{\"entity\":\"accounts\",\"name\":\"View " + i + " " + tag + "\",\"shared\":" + (i % 2 == 0) + "}"));
        different.forEach(a -> assertEquals(a.toString(), 201, a.status));
        Set<String> names = names(ok(carl.get("/api/v1/list-views?entity=accounts")));
        for (int i = 0; i < 16; i++) {
            assertTrue(names.toString(), names.contains("View " + i + " " + tag));
        }
        assertEquals(1, names.stream().filter(n -> n.equals("Same " + tag)).count());
    }
}
