package org.atriumcrm.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.junit.After;
import org.junit.Test;

/**
 * Recurrence through the store and the occurrences view, on in-memory Derby: the occurrences of a window with single
 * occurrences moved and cancelled, COUNT and UNTIL, the zone's wall clock kept, and bad rules refused on {@code recurrence}.
 */
public class OccurrencesTest {
    private final ActivitiesFixture db = new ActivitiesFixture();
    private final OccurrencesView view = new OccurrencesView(db.activities, null);

    @After
    public void tearDown() {
        db.close();
    }

    private List<Map<String, Object>> occurrences(String from, String to) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) view.view(db.activities,
                Map.of("from", List.of(from), "to", List.of(to)), ActivitiesFixture.WANG)).get("items");
        return items;
    }

    private static List<Object> starts(List<Map<String, Object>> items) {
        return items.stream().map(i -> i.get("start")).toList();
    }

    /**
     * 周例会 every Tuesday 10:00 in Shanghai (UTC+8 all year, no daylight saving: always 02:00Z) from 24 November,
     * eight times: over the November/December and December/January month (and year) ends. The 8 December one moved
     * to Wednesday 9 December 14:00 with its own subject, the 22 December one cancelled, the first (24 November) moved
     * into December.
     */
    @Test
    public void weeklyMeetingWithOneOccurrenceMovedAndOneCancelled() {
        Activity weekly = db.meeting("周例会", "2026-11-24T02:00:00Z", "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8", "location", "三楼会议室");
        assertEquals("canonical text, prefix dropped", "FREQ=WEEKLY;BYDAY=TU;COUNT=8", weekly.getRecurrence());
        assertEquals("the last (12 January) ends an hour after it starts", Instant.parse("2027-01-12T03:00:00Z"), weekly.getSeriesEnd());
        assertEquals("Asia/Shanghai", weekly.getTimeZone());

        List<Map<String, Object>> all = occurrences("2026-11-01T00:00:00Z", "2027-02-01T00:00:00Z");
        assertEquals(List.of("2026-11-24T02:00:00Z", "2026-12-01T02:00:00Z", "2026-12-08T02:00:00Z", "2026-12-15T02:00:00Z",
                "2026-12-22T02:00:00Z", "2026-12-29T02:00:00Z", "2027-01-05T02:00:00Z", "2027-01-12T02:00:00Z"), starts(all));

        db.move(weekly, "2026-12-08T02:00:00Z", "2026-12-09T06:00:00Z", "2026-12-09T07:30:00Z", "周例会（改到周三）");
        db.cancel(weekly, "2026-12-22T02:00:00Z");
        db.move(weekly, "2026-11-24T02:00:00Z", "2026-12-02T02:00:00Z", "2026-12-02T03:00:00Z", null);

        List<Map<String, Object>> december = occurrences("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z");
        assertEquals(List.of("2026-12-01T02:00:00Z", "2026-12-02T02:00:00Z", "2026-12-09T06:00:00Z", "2026-12-15T02:00:00Z",
                "2026-12-29T02:00:00Z"), starts(december));
        Map<String, Object> wednesday = december.get(2);
        assertEquals("2026-12-08T02:00:00Z", wednesday.get("originalStart"));
        assertEquals("2026-12-09T07:30:00Z", wednesday.get("end"));
        assertEquals("周例会（改到周三）", wednesday.get("subject"));
        assertEquals(true, wednesday.get("moved"));
        assertEquals("the one moved in from November keeps its series' subject", "周例会", december.get(1).get("subject"));
        assertEquals("2026-11-24T02:00:00Z", december.get(1).get("originalStart"));
        assertEquals("meeting", december.get(0).get("kind"));
        assertEquals("planned", december.get(0).get("status"));
        assertEquals("2026-12-01T03:00:00Z", december.get(0).get("end"));

        assertEquals("November lost its only occurrence to December", List.of(),
                starts(occurrences("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")));
        assertEquals("to is exclusive", List.of("2026-12-01T02:00:00Z"), starts(occurrences("2026-12-01T02:00:00Z", "2026-12-02T02:00:00Z")));
    }

    /** The same rule in New York keeps 10:00 local across the end of daylight saving (1 November 2026): 14:00Z, then 15:00Z. */
    @Test
    public void wallClockKeptAcrossDaylightSavingInAZoneThatHasIt() {
        db.meeting("Weekly", "2026-10-20T14:00:00Z", "FREQ=WEEKLY;COUNT=4", "timeZone", "America/New_York");
        assertEquals(List.of("2026-10-20T14:00:00Z", "2026-10-27T14:00:00Z", "2026-11-03T15:00:00Z", "2026-11-10T15:00:00Z"),
                starts(occurrences("2026-10-01T00:00:00Z", "2026-12-01T00:00:00Z")));
    }

    @Test
    public void countAndUntil() {
        Activity daily = db.meeting("晨会", "2026-12-28T01:00:00Z", "FREQ=DAILY;COUNT=5");
        assertEquals(Instant.parse("2027-01-01T02:00:00Z"), daily.getSeriesEnd());
        assertEquals("five across the year end", List.of("2026-12-28T01:00:00Z", "2026-12-29T01:00:00Z", "2026-12-30T01:00:00Z",
                "2026-12-31T01:00:00Z", "2027-01-01T01:00:00Z"), starts(occurrences("2026-12-01T00:00:00Z", "2027-02-01T00:00:00Z")));
        db.activities.delete(daily.getId(), null, ActivitiesFixture.WANG);

        // a date UNTIL is through that day in the activity's zone, stored as the UTC time RFC 5545 wants
        Activity untilDate = db.meeting("周会", "2026-12-01T02:00:00Z", "FREQ=WEEKLY;UNTIL=20261215");
        assertEquals("FREQ=WEEKLY;UNTIL=20261215T155959Z", untilDate.getRecurrence());
        assertEquals(List.of("2026-12-01T02:00:00Z", "2026-12-08T02:00:00Z", "2026-12-15T02:00:00Z"),
                starts(occurrences("2026-11-01T00:00:00Z", "2027-02-01T00:00:00Z")));
        db.activities.delete(untilDate.getId(), null, ActivitiesFixture.WANG);

        // a UTC UNTIL equal to an occurrence's start includes it (RFC 5545: inclusive)
        db.meeting("周会", "2026-12-01T02:00:00Z", "FREQ=WEEKLY;UNTIL=20261215T020000Z");
        assertEquals(3, occurrences("2026-11-01T00:00:00Z", "2027-02-01T00:00:00Z").size());
    }

    /** The 31st of each month: the months without one are skipped (RFC 5545), over the December/January and January/February ends. */
    @Test
    public void monthlyOnTheThirtyFirstSkipsShortMonths() {
        db.meeting("月末对账", "2026-12-31T06:00:00Z", "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3");
        assertEquals(List.of("2026-12-31T06:00:00Z", "2027-01-31T06:00:00Z", "2027-03-31T06:00:00Z"),
                starts(occurrences("2026-12-01T00:00:00Z", "2027-06-01T00:00:00Z")));
    }

    @Test
    public void badRulesAreRefusedOnTheRecurrenceField() {
        for (String rule : List.of("FREQ=HOURLY;COUNT=3", "FREQ=WEEKLY", "FREQ=WEEKLY;COUNT=x", "FREQ=WEEKLY;COUNT=2;UNTIL=20270101",
                "FREQ=FORTNIGHTLY;COUNT=2", "BYDAY=MO;COUNT=2", "FREQ=WEEKLY;BYDAY=XX;COUNT=2", "FREQ=WEEKLY;UNTIL=2027-01-01", "hello",
                "FREQ=DAILY;UNTIL=20261101", "FREQ=DAILY;COUNT=5000")) {
            try {
                db.meeting("x", "2026-12-01T02:00:00Z", rule);
                fail("accepted " + rule);
            } catch (AtriumException e) {
                assertEquals(rule, 400, e.status());
                assertEquals(rule, "recurrence", e.errors().get(0).field());
            }
        }
        assertEquals("nothing was written", 0, db.activities.count());
    }

    @Test
    public void aChangeMustNameARealOccurrenceOnce() {
        Activity weekly = db.meeting("周例会", "2026-11-24T02:00:00Z", "FREQ=WEEKLY;COUNT=3");
        try {
            db.cancel(weekly, "2026-11-25T02:00:00Z");
            fail("a Wednesday is no occurrence of a Tuesday series");
        } catch (AtriumException e) {
            assertEquals("originalStart", e.errors().get(0).field());
        }
        db.cancel(weekly, "2026-12-01T02:00:00Z");
        try {
            db.cancel(weekly, "2026-12-01T02:00:00Z");
            fail("changed twice");
        } catch (AtriumException e) {
            assertEquals(409, e.status());
        }
        Activity once = db.meeting("拜访", "2026-12-03T02:00:00Z", null);
        try {
            db.cancel(once, "2026-12-03T02:00:00Z");
            fail("not recurring");
        } catch (AtriumException e) {
            assertEquals("activityId", e.errors().get(0).field());
        }
    }

    @Test
    public void tasksAndStatusesByKind() {
        Activity task = db.activities.create(Map.of("kind", "task", "subject", "回访张总", "dueAt", Instant.parse("2026-12-10T08:00:00Z")),
                ActivitiesFixture.WANG);
        assertEquals("open", task.getStatus());
        assertEquals("a task is placed at its due time", Instant.parse("2026-12-10T08:00:00Z"), task.getStartAt());
        try {
            db.activities.create(Map.of("kind", "task", "subject", "x", "dueAt", Instant.parse("2026-12-10T08:00:00Z"), "status", "held"),
                    ActivitiesFixture.WANG);
            fail("held is no task status");
        } catch (AtriumException e) {
            assertEquals("status", e.errors().get(0).field());
        }
        assertTrue(starts(occurrences("2026-12-10T00:00:00Z", "2026-12-11T00:00:00Z")).contains("2026-12-10T08:00:00Z"));
    }
}
