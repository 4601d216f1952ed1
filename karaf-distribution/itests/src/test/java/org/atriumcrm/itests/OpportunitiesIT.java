package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.atriumcrm.testkit.http.ApiAssertions.ok;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Opportunities against the real distribution: stages gated by required actions, closing won and lost, stage
 * history, probability overrides, sales teams in the permission model, a lead converted into an opportunity, and
 * the funnel, forecast and stage metrics of a known data set, as the admin and as a rep who sees only their own.
 */
public class OpportunitiesIT extends AtriumTestSupport {
    private static final String PASSWORD = "Opps-Pass-2026";




    private static void assertMoney(String expected, JsonNode actual) {
        assertNotNull(expected, actual);
        assertEquals(expected + " vs " + actual, 0, new java.math.BigDecimal(expected).compareTo(new java.math.BigDecimal(actual.asText())));
    }

    /** funnel rows by stage key */
    private static Map<String, JsonNode> byStage(JsonNode funnel) {
        Map<String, JsonNode> rows = new HashMap<>();
        funnel.get("stages").forEach(r -> rows.put(r.get("stage").asText(), r));
        return rows;
    }

    @Test
    public void stagesActionsTeamsConversionAndFunnel() {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/opportunities", Duration.ofSeconds(60));
        String tag = "op" + UUID.randomUUID().toString().substring(0, 8);
        int year = 2040 + (int) (Math.random() * 50);
        String month = year + "-0" + (1 + (int) (Math.random() * 9));
        String closeDate = month + "-15";
        String period = "from=" + month + "-01&to=" + month + "-28";
        String rep1 = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"opp.rep1." + tag + "\",\"password\":\"" + PASSWORD + "\"}"));
        String rep2 = id(admin.post("/api/v1/admin/users", "{\"loginName\":\"opp.rep2." + tag + "\",\"password\":\"" + PASSWORD + "\"}"));
        Api asRep1 = new Api(baseUrl()).basic("opp.rep1." + tag, PASSWORD);
        Api asRep2 = new Api(baseUrl()).basic("opp.rep2." + tag, PASSWORD);
        String account = id(asRep1.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"机会测试客户 " + tag + "\"}"));
        String contact = id(asRep1.post("/api/v1/contacts", "{\"lastName\":\"周\",\"firstName\":\"" + tag + "\",\"accountId\":\"" + account + "\"}"));
        String account2 = id(asRep2.post("/api/v1/accounts?allowDuplicates=true", "{\"name\":\"机会测试客户二 " + tag + "\"}"));

        // the shipped process; configuration is for administrators
        assertProblem(asRep1.get("/api/v1/sales-processes"), 403, null);
        assertTrue(admin.get("/api/v1/sales-stages?filter=name%20eq%20'prospecting'").body.contains("初步接洽"));

        String a = id(asRep1.post("/api/v1/opportunities", "{\"name\":\"A " + tag + "\",\"accountId\":\"" + account + "\",\"amount\":100000,"
                + "\"currency\":\"CNY\",\"closeDate\":\"" + closeDate + "\",\"source\":\"web\"}"));
        JsonNode created = ok(asRep1.get("/api/v1/opportunities/" + a));
        assertEquals("prospecting", created.get("stage").asText());
        assertEquals(10, created.get("probability").asInt());
        assertEquals("new_business", created.get("type").asText());
        assertFalse(created.get("closed").asBoolean());
        assertProblem(asRep1.patch("/api/v1/opportunities/" + a, "{\"stage\":\"closed_won\"}"), 400, "stage");
        assertProblem(asRep1.post("/api/v1/opportunities", "{\"name\":\"x\",\"accountId\":\"" + account + "\"}"), 400, "closeDate");

        String b = id(asRep1.post("/api/v1/opportunities", "{\"name\":\"B " + tag + "\",\"accountId\":\"" + account + "\",\"amount\":200000,"
                + "\"closeDate\":\"" + closeDate + "\",\"source\":\"trade_show\"}"));
        assertEquals("qualification", ok(asRep1.post("/api/v1/opportunities/" + b + "/advance", "{}")).get("stage").asText());
        Api.Answer blocked = asRep1.post("/api/v1/opportunities/" + b + "/advance", "{}");
        assertProblem(blocked, 409, "needs_confirmed");
        assertEquals("[\"needs_confirmed\"]", blocked.json().get("missingActions").toString());
        assertProblem(asRep1.post("/api/v1/opportunities/" + b + "/complete-actions", "{\"actions\":[\"bogus\"]}"), 400, "needs_confirmed");
        assertProblem(asRep1.post("/api/v1/opportunities/" + b + "/advance", "{\"stage\":\"moon\"}"), 400, "prospecting");
        assertProblem(asRep1.post("/api/v1/opportunities/" + b + "/advance", "{\"speed\":9}"), 400, "speed");
        ok(asRep1.post("/api/v1/opportunities/" + b + "/complete-actions", "{\"actions\":[\"needs_confirmed\"]}"));
        JsonNode inSolution = ok(asRep1.post("/api/v1/opportunities/" + b + "/advance", "{}"));
        assertEquals("solution", inSolution.get("stage").asText());
        assertEquals(40, inSolution.get("probability").asInt());

        String c = id(asRep1.post("/api/v1/opportunities", "{\"name\":\"C " + tag + "\",\"accountId\":\"" + account + "\",\"amount\":300000,"
                + "\"closeDate\":\"" + closeDate + "\",\"source\":\"trade_show\"}"));
        String[][] path = {{}, {"needs_confirmed"}, {"visit_done", "demo_held"}, {"proposal_sent"}};
        for (String[] actions : path) {
            if (actions.length > 0) {
                ok(asRep1.post("/api/v1/opportunities/" + c + "/complete-actions", "{\"actions\":[\"" + String.join("\",\"", actions) + "\"]}"));
            }
            ok(asRep1.post("/api/v1/opportunities/" + c + "/advance", "{}"));
        }
        assertEquals("negotiation", ok(asRep1.get("/api/v1/opportunities/" + c)).get("stage").asText());
        assertProblem(asRep1.post("/api/v1/opportunities/" + c + "/close-won", "{}"), 409, "contract_reviewed");
        ok(asRep1.post("/api/v1/opportunities/" + c + "/complete-actions", "{\"actions\":[\"contract_reviewed\"]}"));
        JsonNode won = ok(asRep1.post("/api/v1/opportunities/" + c + "/close-won", "{}"));
        assertEquals("closed_won", won.get("stage").asText());
        assertEquals(100, won.get("probability").asInt());
        assertTrue(won.get("closed").asBoolean() && won.get("won").asBoolean());
        assertNotNull(won.get("closedAt").textValue());
        assertProblem(asRep1.patch("/api/v1/opportunities/" + c, "{\"nextStep\":\"upsell\"}"), 409, "closed");
        assertProblem(asRep1.post("/api/v1/opportunities/" + c + "/advance", "{}"), 409, "closed");
        JsonNode history = ok(asRep1.get("/api/v1/opportunities/" + c + "/stage-history?sort=createdAt"));
        assertEquals(6, history.get("total").asInt());
        assertEquals("closed_won", history.get("items").get(5).get("toStage").asText());
        assertEquals("negotiation", history.get("items").get(5).get("fromStage").asText());
        assertTrue(history.get("items").get(5).has("secondsInPreviousStage"));
        assertProblem(admin.post("/api/v1/opportunity-stage-changes", "{}"), 409, "stage history");

        String d = id(asRep1.post("/api/v1/opportunities", "{\"name\":\"D " + tag + "\",\"accountId\":\"" + account + "\",\"amount\":50000,"
                + "\"closeDate\":\"" + closeDate + "\"}"));
        assertProblem(asRep1.post("/api/v1/opportunities/" + d + "/close-lost", "{}"), 400, "reason");
        JsonNode lost = ok(asRep1.post("/api/v1/opportunities/" + d + "/close-lost", "{\"reason\":\"价格太高\",\"competitor\":\"竞品甲\"}"));
        assertEquals("closed_lost", lost.get("stage").asText());
        assertEquals(0, lost.get("probability").asInt());
        assertFalse(lost.get("won").asBoolean());
        assertEquals("价格太高", lost.get("lostReason").asText());
        assertTrue(lost.get("competitors").asText().contains("竞品甲"));

        String e = id(asRep2.post("/api/v1/opportunities", "{\"name\":\"E " + tag + "\",\"accountId\":\"" + account2 + "\",\"amount\":70000,"
                + "\"closeDate\":\"" + closeDate + "\"}"));

        // the funnel of the known data set, as the admin and as rep 1 (who cannot see E)
        JsonNode funnel = ok(admin.get("/api/v1/opportunities/funnel?" + period));
        Map<String, JsonNode> stages = byStage(funnel);
        assertEquals(2, stages.get("prospecting").get("count").asInt());
        assertMoney("170000", stages.get("prospecting").get("amount"));
        assertMoney("17000", stages.get("prospecting").get("weightedAmount"));
        assertEquals("初步接洽", stages.get("prospecting").get("labelZh").asText());
        assertEquals(1, stages.get("solution").get("count").asInt());
        assertMoney("80000", stages.get("solution").get("weightedAmount"));
        assertMoney("300000", stages.get("closed_won").get("amount"));
        assertEquals(1, stages.get("closed_lost").get("count").asInt());
        assertEquals(3, funnel.get("totals").get("open").get("count").asInt());
        assertMoney("370000", funnel.get("totals").get("open").get("amount"));
        assertMoney("97000", funnel.get("totals").get("open").get("weightedAmount"));
        assertMoney("300000", funnel.get("totals").get("won").get("amount"));
        Map<String, JsonNode> mine = byStage(ok(asRep1.get("/api/v1/opportunities/funnel?" + period)));
        assertEquals(1, mine.get("prospecting").get("count").asInt());
        assertMoney("100000", mine.get("prospecting").get("amount"));
        assertEquals(1, ok(admin.get("/api/v1/opportunities/funnel?" + period + "&ownerId=" + rep2)).get("totals").get("open").get("count").asInt());
        assertProblem(admin.get("/api/v1/opportunities/funnel?from=yesterday"), 400, "from");
        assertProblem(admin.get("/api/v1/opportunities/funnel?colour=red"), 400, "colour");

        JsonNode forecast = ok(admin.get("/api/v1/opportunities/forecast?" + period));
        Map<String, JsonNode> owners = new HashMap<>();
        forecast.get("owners").forEach(o -> owners.put(o.get("ownerId").asText(), o));
        assertMoney("300000", owners.get(rep1).get("committed"));
        assertMoney("90000", owners.get(rep1).get("weightedPipeline"));
        assertMoney("600000", owners.get(rep1).get("bestCase"));
        assertMoney("7000", owners.get(rep2).get("weightedPipeline"));
        assertMoney("97000", forecast.get("weightedPipeline"));
        assertFalse("a rep's forecast is their own", ok(asRep1.get("/api/v1/opportunities/forecast?" + period)).toString().contains(rep2));
        String team = id(admin.post("/api/v1/admin/groups", "{\"name\":\"Team two " + tag + "\",\"members\":[\"" + rep2 + "\"]}"));
        JsonNode teamFunnel = ok(admin.get("/api/v1/opportunities/funnel?" + period + "&team=" + team));
        assertEquals(1, teamFunnel.get("totals").get("open").get("count").asInt());
        JsonNode teamForecast = null;
        for (JsonNode t : ok(admin.get("/api/v1/opportunities/forecast?" + period)).get("teams")) {
            if (t.get("teamId").asText().equals(team)) {
                teamForecast = t;
            }
        }
        assertNotNull(teamForecast);
        assertMoney("7000", teamForecast.get("weightedPipeline"));
        assertProblem(admin.get("/api/v1/opportunities/funnel?team=nope"), 400, "team");

        JsonNode metrics = ok(admin.get("/api/v1/opportunities/stage-metrics?" + period));
        JsonNode prospecting = null;
        for (JsonNode s : metrics.get("stages")) {
            if (s.get("stage").asText().equals("prospecting")) {
                prospecting = s;
            }
        }
        assertNotNull(metrics.toString(), prospecting);
        assertEquals(5, prospecting.get("entered").asInt());
        assertEquals(2, prospecting.get("movedOn").asInt());
        assertEquals("0.4", prospecting.get("conversionRate").decimalValue().stripTrailingZeros().toPlainString());

        // probability by hand, and back to the stage's
        JsonNode overridden = ok(asRep1.patch("/api/v1/opportunities/" + a, "{\"probability\":35}"));
        assertTrue(overridden.get("probabilityOverridden").asBoolean());
        assertEquals(35, ok(asRep1.post("/api/v1/opportunities/" + a + "/advance", "{}")).get("probability").asInt());
        JsonNode back = ok(asRep1.patch("/api/v1/opportunities/" + a, "{\"probability\":null}"));
        assertEquals(20, back.get("probability").asInt());
        assertFalse(back.get("probabilityOverridden").asBoolean());
        assertProblem(asRep1.patch("/api/v1/opportunities/" + a, "{\"probability\":120}"), 400, "probability");
        assertProblem(asRep1.patch("/api/v1/opportunities/" + a, "{\"type\":\"renewal\"}"), 409, "type");

        // the sales team sees and edits the opportunity, and stops when removed
        assertProblem(asRep2.get("/api/v1/opportunities/" + a), 404, null);
        String member = id(asRep1.post("/api/v1/opportunity-team-members", "{\"opportunityId\":\"" + a + "\",\"userId\":\"" + rep2
                + "\",\"teamRole\":\"presales\"}"));
        assertEquals(200, asRep2.patch("/api/v1/opportunities/" + a, "{\"nextStep\":\"技术交流\"}").status);
        assertEquals(1, ok(asRep1.get("/api/v1/opportunities/" + a + "/team")).get("total").asInt());
        assertProblem(asRep2.post("/api/v1/opportunity-team-members", "{\"opportunityId\":\"" + c + "\",\"userId\":\"" + rep2 + "\"}"),
                400, "opportunityId");
        assertEquals(204, asRep1.delete("/api/v1/opportunity-team-members/" + member).status);
        assertProblem(asRep2.get("/api/v1/opportunities/" + a), 404, null);
        id(asRep1.post("/api/v1/opportunity-contact-roles", "{\"opportunityId\":\"" + a + "\",\"contactId\":\"" + contact
                + "\",\"contactRole\":\"decision_maker\"}"));
        assertEquals(1, ok(asRep1.get("/api/v1/opportunities/" + a + "/contact-roles")).get("total").asInt());

        // a lead converted with an opportunity: one step, everything linked
        String lead = id(asRep1.post("/api/v1/leads", "{\"lastName\":\"吴\",\"company\":\"转换公司 " + tag + "\",\"source\":\"trade_show\","
                + "\"expectedRevenue\":88000}"));
        JsonNode conversion = ok(asRep1.post("/api/v1/leads/" + lead + "/convert", "{\"opportunity\":{\"closeDate\":\"" + closeDate + "\"}}"));
        String opp = conversion.get("opportunityId").asText();
        JsonNode fromLead = ok(asRep1.get("/api/v1/opportunities/" + opp));
        assertEquals(lead, fromLead.get("leadId").asText());
        assertEquals(conversion.get("accountId").asText(), fromLead.get("accountId").asText());
        assertEquals(conversion.get("contactId").asText(), fromLead.get("primaryContactId").asText());
        assertEquals("88000", fromLead.get("amount").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals("trade_show", fromLead.get("source").asText());
        assertEquals("prospecting", fromLead.get("stage").asText());
        assertEquals(opp, ok(asRep1.get("/api/v1/leads/" + lead)).get("convertedOpportunityId").asText());
        // ... and on through its stages to won: capture → assignment → conversion → stages → won
        for (String[] actions : path) {
            if (actions.length > 0) {
                ok(asRep1.post("/api/v1/opportunities/" + opp + "/complete-actions", "{\"actions\":[\"" + String.join("\",\"", actions) + "\"]}"));
            }
            ok(asRep1.post("/api/v1/opportunities/" + opp + "/advance", "{}"));
        }
        ok(asRep1.post("/api/v1/opportunities/" + opp + "/complete-actions", "{\"actions\":[\"contract_reviewed\"]}"));
        assertTrue(ok(asRep1.post("/api/v1/opportunities/" + opp + "/close-won", "{}")).get("won").asBoolean());

        JsonNode sources = ok(asRep1.get("/api/v1/opportunities/source-analysis?" + period));
        JsonNode tradeShow = null;
        for (JsonNode s : sources.get("sources")) {
            if (s.get("source").asText().equals("trade_show")) {
                tradeShow = s;
            }
        }
        assertEquals(3, tradeShow.get("opportunities").asInt());
        assertEquals(2, tradeShow.get("won").asInt());
        assertMoney("388000", tradeShow.get("wonAmount"));
        assertEquals("展会", tradeShow.get("labelZh").asText());
        assertTrue(tradeShow.get("convertedLeads").asInt() >= 1);
    }
}
