package org.atriumcrm.activities.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands activities into their occurrences in a window [from, to): an occurrence is in the window when its real
 * start is (the moved ones at their new time, wherever the rule had put them; the cancelled ones left out).
 */
final class Occurrences {
    private Occurrences() {
    }

    static ZoneId zone(Activity a) {
        return ZoneId.of(a.getTimeZone() == null ? ActivityTypes.DEFAULT_ZONE : a.getTimeZone());
    }

    /** The series' first start in its zone: the seed of the rule. */
    static ZonedDateTime seed(Activity a) {
        return a.getStartAt().atZone(zone(a));
    }

    static Duration duration(Activity a) {
        return a.getEndAt() == null ? Duration.ZERO : Duration.between(a.getStartAt(), a.getEndAt());
    }

    /** The occurrences of the activities in [from, to), by start; {@code changes} are theirs, any order. */
    static List<Occurrence> expand(Collection<Activity> activities, Collection<ActivityOccurrenceChange> changes, Instant from, Instant to) {
        Map<String, Map<Instant, ActivityOccurrenceChange>> byActivity = new HashMap<>();
        for (ActivityOccurrenceChange c : changes) {
            byActivity.computeIfAbsent(c.getActivityId(), k -> new HashMap<>()).put(c.getOriginalStart(), c);
        }
        List<Occurrence> all = new ArrayList<>();
        for (Activity a : activities) {
            all.addAll(expand(a, byActivity.getOrDefault(a.getId(), Map.of()), from, to));
        }
        all.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::activityId));
        return all;
    }

    static List<Occurrence> expand(Activity a, Map<Instant, ActivityOccurrenceChange> changes, Instant from, Instant to) {
        if (a.getStartAt() == null) {
            return List.of();
        }
        Duration length = duration(a);
        List<Occurrence> found = new ArrayList<>();
        if (a.getRecurrence() == null) {
            if (!a.getStartAt().isBefore(from) && a.getStartAt().isBefore(to)) {
                found.add(plain(a, a.getStartAt(), length));
            }
            return found;
        }
        for (ZonedDateTime s : Recurrences.starts(a.getRecurrence(), seed(a), from, to)) {
            Instant original = s.toInstant();
            ActivityOccurrenceChange c = changes.get(original);
            if (c == null) {
                found.add(plain(a, original, length));
            } else if (!Boolean.TRUE.equals(c.getCancelled()) && inWindow(start(c), from, to)) {
                found.add(changed(a, c, length));
            }
        }
        // moved into the window from an original start outside it
        for (ActivityOccurrenceChange c : changes.values()) {
            boolean originalInWindow = !c.getOriginalStart().isBefore(from) && c.getOriginalStart().isBefore(to);
            if (!originalInWindow && !Boolean.TRUE.equals(c.getCancelled()) && inWindow(start(c), from, to)) {
                found.add(changed(a, c, length));
            }
        }
        return found;
    }

    private static boolean inWindow(Instant start, Instant from, Instant to) {
        return !start.isBefore(from) && start.isBefore(to);
    }

    private static Instant start(ActivityOccurrenceChange c) {
        return c.getNewStart() != null ? c.getNewStart() : c.getOriginalStart();
    }

    private static Occurrence plain(Activity a, Instant start, Duration length) {
        return new Occurrence(a.getId(), start, start, start.plus(length), a.getSubject(), a.getKind(), a.getStatus(), a.getLocation(),
                Boolean.TRUE.equals(a.getAllDay()), false);
    }

    private static Occurrence changed(Activity a, ActivityOccurrenceChange c, Duration length) {
        Instant start = start(c);
        Instant end = c.getNewEnd() != null ? c.getNewEnd() : start.plus(length);
        return new Occurrence(a.getId(), c.getOriginalStart(), start, end, c.getSubject() != null ? c.getSubject() : a.getSubject(),
                a.getKind(), a.getStatus(), c.getLocation() != null ? c.getLocation() : a.getLocation(), Boolean.TRUE.equals(a.getAllDay()), true);
    }
}
