package org.atriumcrm.activities.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;

/**
 * A user's activities as an iCalendar document (RFC 5545) for a subscribed phone or desktop calendar: one VEVENT
 * per activity with its RRULE, EXDATEs for the occurrences cancelled alone, and one more VEVENT with the same UID and
 * a RECURRENCE-ID for each occurrence moved alone. Times carry the activity's TZID and its VTIMEZONE is included, so
 * "Mondays 10:00" stays 10:00 in the subscriber's calendar. The UID is the activity's id (stable: a refresh updates
 * events instead of duplicating them) and DTSTAMP its last modification, so an unchanged feed is byte-identical.
 */
final class IcsFeed {
    static final String PRODID = "-//Atrium CRM//Activities 0.1//ZH";
    static final String UID_DOMAIN = "@activities.atriumcrm.org";

    private IcsFeed() {
    }

    static String render(Collection<Activity> activities, Collection<ActivityOccurrenceChange> changes) {
        return IcalSupport.call(() -> renderIn(activities, changes));
    }

    private static String renderIn(Collection<Activity> activities, Collection<ActivityOccurrenceChange> changes) {
        Map<String, List<ActivityOccurrenceChange>> byActivity = new HashMap<>();
        changes.forEach(c -> byActivity.computeIfAbsent(c.getActivityId(), k -> new ArrayList<>()).add(c));
        Calendar calendar = new Calendar().withProdId(PRODID).withDefaults().getFluentTarget();
        Set<String> zones = new LinkedHashSet<>();
        List<VEvent> events = new ArrayList<>();
        for (Activity a : activities) {
            if (a.getStartAt() == null) {
                continue;
            }
            ZoneId zone = Occurrences.zone(a);
            boolean allDay = Boolean.TRUE.equals(a.getAllDay());
            if (!allDay) {
                zones.add(zone.getId());
            }
            VEvent series = event(a, a.getStartAt(), a.getEndAt(), a.getSubject(), a.getLocation());
            if (a.getDescription() != null) {
                series.add(new Description(a.getDescription()));
            }
            List<ActivityOccurrenceChange> mine = byActivity.getOrDefault(a.getId(), List.of());
            if (a.getRecurrence() != null) {
                series.add(new RRule<>(allDay ? untilAsDate(a.getRecurrence(), zone) : a.getRecurrence()));
                List<Temporal> cancelled = new ArrayList<>();
                for (ActivityOccurrenceChange c : mine) {
                    if (Boolean.TRUE.equals(c.getCancelled())) {
                        cancelled.add(when(c.getOriginalStart(), zone, allDay));
                    }
                }
                if (!cancelled.isEmpty()) {
                    series.add(new ExDate<>(tzid(zone, allDay), new DateList<>(cancelled)));
                }
            }
            events.add(series);
            if (a.getRecurrence() == null) {
                continue;
            }
            for (ActivityOccurrenceChange c : mine) {
                if (Boolean.TRUE.equals(c.getCancelled())) {
                    continue;
                }
                Instant start = c.getNewStart() != null ? c.getNewStart() : c.getOriginalStart();
                Instant end = c.getNewEnd() != null ? c.getNewEnd() : start.plus(Occurrences.duration(a));
                VEvent moved = event(a, start, end, c.getSubject() != null ? c.getSubject() : a.getSubject(),
                        c.getLocation() != null ? c.getLocation() : a.getLocation());
                moved.add(new RecurrenceId<>(tzid(zone, allDay), when(c.getOriginalStart(), zone, allDay)));
                if (c.getModifiedAt() != null) {
                    moved.replace(new DtStamp(c.getModifiedAt()));
                }
                events.add(moved);
            }
        }
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        for (String id : zones) {
            TimeZone tz = registry.getTimeZone(id);
            if (tz != null) {
                calendar.add(tz.getVTimeZone());
            }
        }
        events.forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            // not validating: an activity's own text (a subject with a stray character) must not empty a whole feed
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the calendar", e);
        }
        return out.toString();
    }

    private static VEvent event(Activity a, Instant start, Instant end, String subject, String location) {
        ZoneId zone = Occurrences.zone(a);
        boolean allDay = Boolean.TRUE.equals(a.getAllDay());
        Temporal from = when(start, zone, allDay);
        Temporal to = when(end == null ? start : end, zone, allDay);
        VEvent e = new VEvent(from, to, subject == null ? "" : subject);
        e.add(new Uid(a.getId() + UID_DOMAIN));
        // DTSTAMP: when the activity last changed (the constructor put "now"), so an unchanged feed is the same text
        e.replace(new DtStamp(a.getModifiedAt() != null ? a.getModifiedAt() : a.getCreatedAt() != null ? a.getCreatedAt() : Instant.EPOCH));
        if (location != null) {
            e.add(new Location(location));
        }
        String status = a.getStatus();
        if ("cancelled".equals(status) || "not_held".equals(status)) {
            e.add(new Status(Status.VALUE_CANCELLED));
        } else if (!ActivityTypes.TASK.equals(a.getKind())) {
            e.add(new Status(Status.VALUE_CONFIRMED));
        }
        return e;
    }

    /** A time as the activity's zone shows it; for an all-day activity, its date there. */
    private static Temporal when(Instant instant, ZoneId zone, boolean allDay) {
        ZonedDateTime t = instant.atZone(zone);
        return allDay ? t.toLocalDate() : t;
    }

    /**
     * The parameter an EXDATE or RECURRENCE-ID needs: the TZID beside the VTIMEZONE (ical4j writes it by itself only
     * for DTSTART/DTEND), or VALUE=DATE for an all-day series.
     */
    private static ParameterList tzid(ZoneId zone, boolean allDay) {
        return new ParameterList(List.of(allDay ? Value.DATE : new TzId(zone.getId())));
    }

    /** An all-day series' rule with its UNTIL as a DATE, as RFC 5545 wants beside a DTSTART of VALUE=DATE. */
    static String untilAsDate(String canonical, ZoneId zone) {
        Recurrences.Rule rule = Recurrences.parse(canonical, zone);
        if (rule.until() == null) {
            return canonical;
        }
        LocalDate last = rule.until().atZone(zone).toLocalDate();
        return rule.withoutUntil() + ";UNTIL=" + last.toString().replace("-", "");
    }
}
