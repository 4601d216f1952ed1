package org.atriumcrm.activities.internal;

import java.time.Instant;

/**
 * One occurrence of an activity as a calendar shows it: {@code originalStart} is its start by the rule (its
 * RECURRENCE-ID, the key of a change), {@code start}/{@code end} where it really is (moved or not).
 */
record Occurrence(String activityId, Instant originalStart, Instant start, Instant end, String subject, String kind, String status,
        String location, boolean allDay, boolean moved) {
}
