package org.atriumcrm.activities.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.atriumcrm.api.security.Caller;
import org.atriumcrm.testkit.jpa.InMemoryJpa;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The module's stores on a fresh in-memory Derby database (the bundle's own persistence unit), as DS would wire them. */
final class ActivitiesFixture implements AutoCloseable {
    static final Caller WANG = new Caller("user-wang", "wang");
    static final EventAdmin NO_EVENTS = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
        }

        @Override
        public void sendEvent(Event event) {
        }
    };

    final InMemoryJpa jpa = InMemoryJpa.of(ActivityTypes.UNIT);
    final ActivityStore activities = new ActivityStore(jpa, NO_EVENTS, null);
    final OccurrenceChangeStore changes = new OccurrenceChangeStore(jpa, NO_EVENTS, activities, null);
    final ParticipantStore participants = new ParticipantStore(jpa, NO_EVENTS, activities, null);

    /** A meeting of {@code WANG} from {@code start} for an hour, in Asia/Shanghai unless {@code zone} says otherwise. */
    Activity meeting(String subject, String start, String rule, Object... more) {
        Map<String, Object> v = new HashMap<>();
        v.put("kind", ActivityTypes.MEETING);
        v.put("subject", subject);
        v.put("startAt", Instant.parse(start));
        v.put("endAt", Instant.parse(start).plusSeconds(3600));
        if (rule != null) {
            v.put("recurrence", rule);
        }
        for (int i = 0; i < more.length; i += 2) {
            v.put((String) more[i], more[i + 1]);
        }
        return activities.create(v, WANG);
    }

    ActivityOccurrenceChange cancel(Activity a, String originalStart) {
        return changes.create(Map.of("activityId", a.getId(), "originalStart", Instant.parse(originalStart), "cancelled", true), WANG);
    }

    ActivityOccurrenceChange move(Activity a, String originalStart, String newStart, String newEnd, String subject) {
        Map<String, Object> v = new HashMap<>(Map.of("activityId", a.getId(), "originalStart", Instant.parse(originalStart),
                "newStart", Instant.parse(newStart), "newEnd", Instant.parse(newEnd)));
        if (subject != null) {
            v.put("subject", subject);
        }
        return changes.create(v, WANG);
    }

    @Override
    public void close() {
        jpa.close();
    }
}
