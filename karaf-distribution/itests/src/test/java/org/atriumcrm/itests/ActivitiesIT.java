package org.atriumcrm.itests;

import static org.atriumcrm.testkit.http.ApiAssertions.assertProblem;
import static org.atriumcrm.testkit.http.ApiAssertions.id;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.atriumcrm.testkit.http.Api;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Activities in the real distribution: a weekly meeting linked to an account, one occurrence moved and one cancelled
 * over the REST API, the occurrences of a month read back, a bad recurrence refused; the user's iCalendar feed made
 * with its action and fetched without a login at its secret URL (RRULE, EXDATE, the moved occurrence's
 * RECURRENCE-ID, Chinese text in UTF-8), and a 404 once it is revoked.
 */
public class ActivitiesIT extends AtriumTestSupport {

    private static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    public void aWeeklyMeetingWithAMovedAndACancelledOccurrenceAndItsFeed() throws Exception {
        Api admin = adminApi();
        admin.awaitReady(Duration.ofSeconds(90));
        waitForHttp("/api/v1/activities", Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String account = id(admin.post("/api/v1/accounts", "{\"name\":\"日程测试 " + tag + "\"}"));

        assertProblem(admin.post("/api/v1/activities", "{\"kind\":\"meeting\",\"subject\":\"x\",\"startAt\":\"2027-03-02T02:00:00Z\","
                + "\"endAt\":\"2027-03-02T03:00:00Z\",\"recurrence\":\"FREQ=FORTNIGHTLY\"}"), 400, "recurrence");
        Api.Answer created = admin.post("/api/v1/activities", "{\"kind\":\"meeting\",\"subject\":\"周例会 " + tag + "\",\"location\":\"上海 3 楼会议室\","
                + "\"startAt\":\"2027-03-02T02:00:00Z\",\"endAt\":\"2027-03-02T03:00:00Z\",\"timeZone\":\"Asia/Shanghai\","
                + "\"recurrence\":\"FREQ=WEEKLY;COUNT=6\",\"relatedEntity\":\"Account\",\"relatedId\":\"" + account + "\"}");
        assertEquals(created.toString(), 201, created.status);
        String meeting = id(created);
        // the 9 March meeting moves to Wednesday afternoon, the 16 March one is cancelled
        assertEquals(201, admin.post("/api/v1/activity-occurrence-changes", "{\"activityId\":\"" + meeting + "\",\"originalStart\":\"2027-03-09T02:00:00Z\","
                + "\"newStart\":\"2027-03-10T06:00:00Z\",\"newEnd\":\"2027-03-10T07:00:00Z\"}").status);
        assertEquals(201, admin.post("/api/v1/activity-occurrence-changes", "{\"activityId\":\"" + meeting + "\",\"originalStart\":\"2027-03-16T02:00:00Z\","
                + "\"cancelled\":true}").status);
        assertProblem(admin.post("/api/v1/activity-occurrence-changes", "{\"activityId\":\"" + meeting + "\",\"originalStart\":\"2027-03-17T02:00:00Z\","
                + "\"cancelled\":true}"), 400, null);

        JsonNode march = admin.get("/api/v1/activities/occurrences?from=" + q("2027-03-01T00:00:00Z") + "&to=" + q("2027-04-01T00:00:00Z")).json();
        List<String> starts = new ArrayList<>();
        for (JsonNode o : march.get("items")) {
            if (o.get("activityId").asText().equals(meeting)) {
                starts.add(o.get("start").asText());
            }
        }
        assertEquals(march.toString(), List.of("2027-03-02T02:00:00Z", "2027-03-10T06:00:00Z", "2027-03-23T02:00:00Z", "2027-03-30T02:00:00Z"), starts);

        JsonNode feed = admin.post("/api/v1/activities/calendar-feed", "{}").json();
        String path = feed.get("path").asText();
        Api.Answer ics = new Api(baseUrl()).get(path);
        assertEquals(ics.toString(), 200, ics.status);
        assertTrue(ics.header("Content-Type"), ics.header("Content-Type").startsWith("text/calendar"));
        String text = ics.body.replace("\r\n ", "");
        assertTrue(text, text.contains("SUMMARY:周例会 " + tag));
        assertTrue(text, text.contains("RRULE:FREQ=WEEKLY;COUNT=6"));
        assertTrue(text, text.contains("EXDATE;TZID=Asia/Shanghai:20270316T100000"));
        assertTrue(text, text.contains("RECURRENCE-ID;TZID=Asia/Shanghai:20270309T100000"));

        assertEquals(200, admin.post("/api/v1/activities/calendar-feed", "{\"revoke\":true}").status);
        Api.Answer gone = new Api(baseUrl()).get(path);
        assertEquals(gone.toString(), 404, gone.status);
        assertFalse(gone.body.contains("周例会"));
    }
}
