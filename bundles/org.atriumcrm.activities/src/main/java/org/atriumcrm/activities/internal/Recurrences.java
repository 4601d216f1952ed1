package org.atriumcrm.activities.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import org.atriumcrm.api.error.AtriumException;

/**
 * RFC 5545 recurrence rules through ical4j: validating a rule (a refusal is a 400 on {@code recurrence}), storing it
 * in one canonical form, and expanding the starts of a series in a window.
 * <p>
 * The canonical form has no {@code RRULE:} prefix and its UNTIL in UTC ({@code 20270131T155959Z}), as RFC 5545
 * requires beside a DTSTART with a time zone; so the text goes into the iCalendar feed as it is. A date-only UNTIL
 * means "through that day" in the activity's zone. ical4j (4.0) casts UNTIL to the seed's type, so a series is expanded
 * with the UNTIL taken out of the text and given back as a {@link ZonedDateTime} of the activity's zone.
 */
final class Recurrences {
    static final String FIELD = "recurrence";
    /** Yearly at most: an hourly or minutely series is no calendar entry anyone plans (and would flood reminders). */
    static final Set<Frequency> FREQUENCIES = EnumSet.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY);
    static final int MAX_COUNT = 1000;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    private Recurrences() {
    }

    /** A rule split into its UNTIL (null when it has none) and the rest, which ical4j parses. */
    record Rule(String withoutUntil, Instant until) {
        String text() {
            return until == null ? withoutUntil : withoutUntil + ";UNTIL=" + UTC.format(until);
        }
    }

    /**
     * The canonical form of {@code text} for a series starting at {@code start}; refuses a rule that is not RFC 5545,
     * not daily to yearly, without an end (COUNT or UNTIL), or that gives no occurrence.
     */
    static String canonical(String text, ZonedDateTime start) {
        Rule rule = parse(text, start.getZone());
        Recur<ZonedDateTime> recur = recur(rule, start.getZone());
        if (!FREQUENCIES.contains(recur.getFrequency())) {
            throw AtriumException.invalid(FIELD, "recurrence-frequency", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not " + recur.getFrequency());
        }
        boolean counted = recur.getCount() > 0;
        if (counted == (rule.until() != null)) {
            throw AtriumException.invalid(FIELD, "recurrence-end", "needs an end: exactly one of COUNT and UNTIL");
        }
        if (counted && recur.getCount() > MAX_COUNT) {
            throw AtriumException.invalid(FIELD, "recurrence-count", "COUNT is more than " + MAX_COUNT, MAX_COUNT);
        }
        if (rule.until() != null && rule.until().isBefore(start.toInstant())) {
            throw AtriumException.invalid(FIELD, "recurrence-until-before-start", "UNTIL is before the activity's start");
        }
        if (IcalSupport.call(() -> recur.getDates(start, start, start.plusYears(100), 1)).isEmpty()) {
            throw AtriumException.invalid(FIELD, "recurrence-empty", "gives no occurrence from the activity's start on");
        }
        return rule.text();
    }

    /** The starts of the series seeded at {@code seed} that fall in [{@code from}, {@code to}), in order. */
    static List<ZonedDateTime> starts(String canonical, ZonedDateTime seed, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        ZoneId zone = seed.getZone();
        Recur<ZonedDateTime> recur = recur(parse(canonical, zone), zone);
        // ical4j's window is closed at both ends: take [from, to] and drop the starts at to
        List<ZonedDateTime> dates = IcalSupport.call(() -> recur.getDates(seed, from.atZone(zone), to.atZone(zone)));
        List<ZonedDateTime> starts = new ArrayList<>(dates.size());
        for (ZonedDateTime d : dates) {
            Instant i = d.toInstant();
            if (!i.isBefore(from) && i.isBefore(to)) {
                starts.add(d);
            }
        }
        return starts;
    }

    /** Whether {@code start} is one of the series' starts (an occurrence change must name one). */
    static boolean isOccurrence(String canonical, ZonedDateTime seed, Instant start) {
        return starts(canonical, seed, start, start.plusSeconds(1)).stream().anyMatch(d -> d.toInstant().equals(start));
    }

    static Rule parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw AtriumException.invalid(FIELD, "recurrence-invalid", "is empty");
        }
        String body = text.strip();
        if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
            body = body.substring(6);
        }
        StringBuilder rest = new StringBuilder();
        Instant until = null;
        for (String part : body.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw AtriumException.invalid(FIELD, "recurrence-invalid", "is not an RFC 5545 RRULE: \"" + part + "\" is not NAME=VALUE", part);
            }
            String name = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
            if (name.equals("UNTIL")) {
                if (until != null) {
                    throw AtriumException.invalid(FIELD, "recurrence-invalid", "is not an RFC 5545 RRULE: UNTIL twice", "UNTIL");
                }
                until = until(value, zone);
            } else {
                rest.append(rest.length() == 0 ? "" : ";").append(name).append('=').append(value);
            }
        }
        if (rest.indexOf("FREQ=") != 0 && !rest.toString().contains(";FREQ=")) {
            throw AtriumException.invalid(FIELD, "recurrence-invalid", "is not an RFC 5545 RRULE: FREQ is missing", "FREQ");
        }
        return new Rule(rest.toString(), until);
    }

    private static Instant until(String value, ZoneId zone) {
        try {
            if (value.matches("\\d{8}T\\d{6}Z")) {
                return LocalDateTime.parse(value.substring(0, 15), LOCAL).toInstant(ZoneOffset.UTC);
            }
            if (value.matches("\\d{8}T\\d{6}")) {
                return LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant();
            }
            if (value.matches("\\d{8}")) {
                // through that day: the last second of it in the activity's zone
                return LocalDate.parse(value, DATE).plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant();
            }
        } catch (DateTimeException e) {
            // reported below with the others
        }
        throw AtriumException.invalid(FIELD, "recurrence-until", "UNTIL " + value + " is not a date (20270131) or a UTC time (20270131T160000Z)", value);
    }

    private static Recur<ZonedDateTime> recur(Rule rule, ZoneId zone) {
        Recur<ZonedDateTime> recur;
        try {
            recur = IcalSupport.call((Supplier<Recur<ZonedDateTime>>) () -> new Recur<>(rule.withoutUntil()));
        } catch (IllegalArgumentException | DateTimeException e) {
            // NumberFormatException is an IllegalArgumentException: COUNT=x, INTERVAL=y
            throw AtriumException.invalid(FIELD, "recurrence-invalid", "is not an RFC 5545 RRULE: " + e.getMessage(), String.valueOf(e.getMessage()));
        }
        if (recur.getInterval() < -1 || recur.getInterval() == 0) {
            throw AtriumException.invalid(FIELD, "recurrence-invalid", "is not an RFC 5545 RRULE: INTERVAL must be 1 or more", "INTERVAL");
        }
        if (rule.until() == null) {
            return recur;
        }
        return new Recur.Builder<>(recur).until(rule.until().atZone(zone)).build();
    }

}
