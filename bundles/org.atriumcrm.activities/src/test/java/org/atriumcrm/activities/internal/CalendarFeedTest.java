package org.atriumcrm.activities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RecurrenceId;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The iCalendar feed: the token from the action opens the owner's calendar at the public endpoint; the .ics, parsed
 * back with ical4j, has the series' RRULE, the cancelled occurrence as EXDATE, the moved one as a RECURRENCE-ID
 * override, the Chinese summaries intact; an unknown, malformed or rotated-away token is a 404.
 */
public class CalendarFeedTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final ActivitiesFixture db = new ActivitiesFixture();
    private final CalendarFeeds feeds = new CalendarFeeds(db.activities, null);
    private final CalendarFeedAction action = new CalendarFeedAction(feeds, null);
    private final CalendarFeedEndpoint endpoint = new CalendarFeedEndpoint(feeds, null);

    @After
    public void tearDown() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private String newToken() throws Exception {
        Map<String, Object> answer = (Map<String, Object>) action.perform(db.activities, null, new ObjectMapper().readTree("{}"), ActivitiesFixture.WANG);
        String token = (String) answer.get("token");
        assertEquals("/api/v1/public/calendar/" + token + ".ics", answer.get("path"));
        return token;
    }

    @Test
    public void feedParsedBackWithRruleExdateAndOverride() throws Exception {
        // from now on, so that the feed's window (92 days back, everything ahead) has it whatever day the test runs
        ZonedDateTime first = LocalDate.now(SHANGHAI).plusDays(7).atTime(10, 0).atZone(SHANGHAI);
        Activity weekly = db.meeting("周例会：销售复盘", first.toInstant().toString(), "FREQ=WEEKLY;COUNT=6", "location", "北京·三楼会议室",
                "description", "议程：本周拜访、公海客户、目标");
        Instant second = first.plusWeeks(1).toInstant();
        Instant third = first.plusWeeks(2).toInstant();
        Instant thirdMoved = first.plusWeeks(2).plusDays(1).withHour(15).toInstant();
        db.cancel(weekly, second.toString());
        db.move(weekly, third.toString(), thirdMoved.toString(), thirdMoved.plusSeconds(5400).toString(), "周例会（改期）");
        db.activities.create(Map.of("kind", "call", "subject", "给李经理回电话", "startAt", first.plusDays(1).toInstant()), ActivitiesFixture.WANG);
        db.activities.create(Map.of("kind", "meeting", "subject", "别人的会", "startAt", first.toInstant()), new org.atriumcrm.api.security.Caller("user-li", "li"));

        String token = newToken();
        assertEquals("32 random bytes, base64url", 43, token.length());
        CalendarFeedEndpoint.Answer response = endpoint.answer(token);
        assertEquals(200, response.status());
        assertEquals("text/calendar; charset=utf-8", response.contentType());
        String ics = response.body();
        // the bytes as a calendar app gets them: UTF-8
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals("the series, its moved occurrence and the call; not the other user's meeting", 3, events.size());
        String uid = weekly.getId() + IcsFeed.UID_DOMAIN;
        List<VEvent> mine = events.stream().filter(e -> uid.equals(value(e, "UID"))).toList();
        assertEquals(2, mine.size());
        VEvent series = mine.stream().filter(e -> e.getProperty("RECURRENCE-ID").isEmpty()).findFirst().orElseThrow();
        VEvent override = mine.stream().filter(e -> e.getProperty("RECURRENCE-ID").isPresent()).findFirst().orElseThrow();

        assertEquals("周例会：销售复盘", value(series, "SUMMARY"));
        assertEquals("北京·三楼会议室", value(series, "LOCATION"));
        assertEquals("FREQ=WEEKLY;COUNT=6", value(series, "RRULE"));
        assertEquals("Asia/Shanghai", series.getProperty("DTSTART").flatMap(p -> ((Property) p).getParameter("TZID")).map(p -> ((Parameter) p).getValue())
                .orElse(null));
        assertTrue("DTSTAMP present", series.getProperty("DTSTAMP").isPresent());
        ExDate<?> exdate = (ExDate<?>) series.getProperty("EXDATE").orElseThrow();
        assertEquals("Asia/Shanghai", exdate.getParameter("TZID").map(p -> ((Parameter) p).getValue()).orElse(null));
        List<Instant> excluded = exdate.getDates().stream().map(d -> ((ZonedDateTime) d).toInstant()).toList();
        assertEquals(List.of(second), excluded);

        assertEquals("周例会（改期）", value(override, "SUMMARY"));
        RecurrenceId<?> rid = (RecurrenceId<?>) override.getProperty("RECURRENCE-ID").orElseThrow();
        assertEquals(third, ((ZonedDateTime) rid.getDate()).toInstant());
        assertEquals(thirdMoved, ((ZonedDateTime) override.getStartDate().orElseThrow().getDate()).toInstant());

        // ical4j's own expansion of the series: six by the rule less the excluded one (the override replaces the third)
        Period<Temporal> all = new Period<>(first.minusDays(1), first.plusWeeks(10));
        List<Instant> expanded = series.<Temporal>calculateRecurrenceSet(all).stream().map(p -> ((ZonedDateTime) p.getStart()).toInstant())
                .sorted().collect(Collectors.toList());
        assertEquals(5, expanded.size());
        assertFalse(expanded.contains(second));
        assertTrue(events.stream().anyMatch(e -> "给李经理回电话".equals(value(e, "SUMMARY"))));
        assertTrue("one VTIMEZONE for Asia/Shanghai", calendar.getComponents("VTIMEZONE").size() == 1);
        assertEquals("an unchanged feed is the same text (UIDs and DTSTAMPs stable)", ics, endpoint.answer(token).body());
    }

    @Test
    public void unknownMalformedAndRotatedTokensAre404() throws Exception {
        assertEquals(404, endpoint.answer("x".repeat(43)).status());
        assertEquals(404, endpoint.answer("../../etc/passwd").status());
        String first = newToken();
        assertEquals(200, endpoint.answer(first).status());
        String second = newToken();
        assertNotEquals(first, second);
        assertEquals("rotated away", 404, endpoint.answer(first).status());
        assertEquals(200, endpoint.answer(second).status());
        action.perform(db.activities, null, new ObjectMapper().readTree("{\"revoke\": true}"), ActivitiesFixture.WANG);
        assertEquals("revoked", 404, endpoint.answer(second).status());
        // only the digest is stored
        assertEquals(Optional.empty(), db.jpa.txExpr(em -> em.createQuery("SELECT f FROM CalendarFeed f WHERE f.tokenDigest = :t", CalendarFeed.class)
                .setParameter("t", second).getResultList().stream().findFirst()));
    }

    /** An all-day yearly series: DATE values, UNTIL as a DATE, EXDATE with VALUE=DATE, as RFC 5545 wants beside DTSTART;VALUE=DATE. */
    @Test
    public void allDaySeriesUsesDates() throws Exception {
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(3);
        Activity birthday = db.meeting("客户生日", day.atTime(9, 0).atZone(SHANGHAI).toInstant().toString(), "FREQ=YEARLY;UNTIL="
                + day.plusYears(3).toString().replace("-", ""), "allDay", true);
        assertEquals(day.atStartOfDay(SHANGHAI).toInstant(), birthday.getStartAt());
        db.cancel(birthday, day.plusYears(1).atStartOfDay(SHANGHAI).toInstant().toString());
        Calendar calendar = new CalendarBuilder().build(new StringReader(endpoint.answer(newToken()).body()));
        VEvent e = (VEvent) calendar.getComponents("VEVENT").get(0);
        assertEquals(day, e.getStartDate().orElseThrow().getDate());
        assertEquals("FREQ=YEARLY;UNTIL=" + day.plusYears(3).toString().replace("-", ""), value(e, "RRULE"));
        ExDate<?> exdate = (ExDate<?>) e.getProperty("EXDATE").orElseThrow();
        assertEquals(List.of(day.plusYears(1)), exdate.getDates());
        assertEquals("no VTIMEZONE for dates", 0, calendar.getComponents("VTIMEZONE").size());
    }

    private static String value(VEvent e, String name) {
        return e.getProperty(name).map(p -> ((Property) p).getValue()).orElse(null);
    }
}
