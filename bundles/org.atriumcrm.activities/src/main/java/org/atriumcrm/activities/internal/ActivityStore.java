package org.atriumcrm.activities.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Activities. Every write goes through {@link #normalise}: the kind's statuses, times in order, a valid zone, the
 * recurrence in its canonical form (or a 400 on {@code recurrence}) and the derived end of the series.
 */
@Component(service = {RecordStore.class, ActivityStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Activity")
public class ActivityStore extends JpaRecordStore<Activity> {
    /** Four weeks: a reminder further ahead is a task of its own. */
    static final long MAX_REMINDER_MINUTES = 40_320;
    /** A meeting or call without an end: the length a calendar gives it. */
    static final Duration MEETING = Duration.ofHours(1);
    static final Duration CALL = Duration.ofMinutes(15);

    @Activate
    public ActivityStore(@Reference(target = "(osgi.unit.name=" + ActivityTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ActivityTypes.MODULE + ")") ModuleGate gate) {
        super(ActivityTypes.ACTIVITY_TYPE, jpa, events, ActivityTypes.ALL);
    }

    @Override
    protected void beforeCreate(EntityManager em, Activity a, Caller caller) {
        normalise(a);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Activity a, Set<String> changed, Caller caller) {
        normalise(a);
    }

    static void normalise(Activity a) {
        String kind = a.getKind();
        if (kind == null || !Set.of(ActivityTypes.TASK, ActivityTypes.MEETING, ActivityTypes.CALL).contains(kind)) {
            throw AtriumException.invalid("kind", "activity-kind", "must be task, meeting or call");
        }
        boolean task = ActivityTypes.TASK.equals(kind);
        if (a.getStatus() == null) {
            a.setStatus(task ? "open" : "planned");
        } else if (task && !ActivityTypes.TASK_STATUSES.contains(a.getStatus())) {
            throw AtriumException.invalid("status", "activity-task-status", "a task is open, in_progress or done");
        } else if (!task && !ActivityTypes.EVENT_STATUSES.contains(a.getStatus())) {
            throw AtriumException.invalid("status", "activity-event-status", "a meeting or call is planned, held, not_held or cancelled");
        }
        if (a.getPriority() == null) {
            a.setPriority("normal");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(a.getTimeZone() == null ? ActivityTypes.DEFAULT_ZONE : a.getTimeZone());
        } catch (DateTimeException e) {
            throw AtriumException.invalid("timeZone", "time-zone", "is not a time zone id like Asia/Shanghai");
        }
        a.setTimeZone(zone.getId());
        if (task && a.getStartAt() == null) {
            // a task is placed in the calendar (and reminded of) at its due time
            a.setStartAt(a.getDueAt());
        }
        if (a.getStartAt() == null) {
            throw AtriumException.invalid(task ? "dueAt" : "startAt", "activity-when", task ? "a task needs a due time or a start"
                    : "a meeting or call needs a start");
        }
        if (Boolean.TRUE.equals(a.getAllDay())) {
            // whole days of the activity's zone: from the start's midnight to the midnight after its last day
            ZonedDateTime first = a.getStartAt().atZone(zone).toLocalDate().atStartOfDay(zone);
            Instant last = a.getEndAt() == null ? a.getStartAt() : a.getEndAt().minusNanos(1);
            ZonedDateTime after = last.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone);
            a.setStartAt(first.toInstant());
            a.setEndAt(after.toInstant().isAfter(first.toInstant()) ? after.toInstant() : first.plusDays(1).toInstant());
        } else if (a.getEndAt() == null) {
            a.setEndAt(task ? a.getStartAt() : a.getStartAt().plus(ActivityTypes.CALL.equals(kind) ? CALL : MEETING));
        }
        if (a.getEndAt().isBefore(a.getStartAt())) {
            throw AtriumException.invalid("endAt", "activity-end-before-start", "is before the start");
        }
        if ((a.getRelatedEntity() == null) != (a.getRelatedId() == null)) {
            throw AtriumException.invalid(a.getRelatedEntity() == null ? "relatedEntity" : "relatedId", "activity-related",
                    "relatedEntity and relatedId name a record together: give both or neither");
        }
        if (a.getReminderMinutes() != null) {
            if (a.getReminderMinutes() < 0 || a.getReminderMinutes() > MAX_REMINDER_MINUTES) {
                throw AtriumException.invalid("reminderMinutes", "activity-reminder-minutes", "must be a whole number from 0 to " + MAX_REMINDER_MINUTES,
                        MAX_REMINDER_MINUTES);
            }
            if (a.getReminderChannels() == null) {
                a.setReminderChannels(ActivityTypes.MAIL);
            }
        }
        if (a.getRecurrence() != null && a.getRecurrence().isBlank()) {
            a.setRecurrence(null);
        }
        ZonedDateTime seed = a.getStartAt().atZone(zone);
        Duration length = Duration.between(a.getStartAt(), a.getEndAt());
        if (a.getRecurrence() == null) {
            a.setSeriesEnd(a.getEndAt());
        } else {
            a.setRecurrence(Recurrences.canonical(a.getRecurrence(), seed));
            a.setSeriesEnd(lastStart(a.getRecurrence(), seed).plus(length));
        }
    }

    /** The last start of a series; it has one, since every rule has COUNT (at most 1000) or UNTIL. */
    private static Instant lastStart(String rule, ZonedDateTime seed) {
        Recurrences.Rule parsed = Recurrences.parse(rule, seed.getZone());
        Instant to = parsed.until() != null ? parsed.until().plusSeconds(1) : seed.plusYears(1000).toInstant();
        List<ZonedDateTime> starts = Recurrences.starts(rule, seed, seed.toInstant(), to);
        return starts.isEmpty() ? seed.toInstant() : starts.get(starts.size() - 1).toInstant();
    }

    /** The activity {@code id}, not deleted, or a 400 on {@code field} (a reference of a participant or change). */
    Activity live(EntityManager em, String id, String field) {
        Activity a = id == null ? null : em.find(Activity.class, id);
        if (a == null || a.isDeleted()) {
            throw AtriumException.invalid(field, "reference-not-found", "no Activity with id " + id, "Activity", id);
        }
        return a;
    }

    /** The changed occurrences of the activities {@code ids} (not deleted). */
    List<ActivityOccurrenceChange> changesOf(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx(em -> em.createQuery("SELECT c FROM ActivityOccurrenceChange c WHERE c.activityId IN :ids AND c.deletedAt IS NULL",
                ActivityOccurrenceChange.class).setParameter("ids", ids).getResultList());
    }

    /** The live activities of {@code ownerId} (all owners when null) with a part in [from, to), at most {@code limit}. */
    List<Activity> inWindow(String ownerId, Instant from, Instant to, int limit) {
        return tx(em -> {
            javax.persistence.TypedQuery<Activity> q = em.createQuery("SELECT a FROM Activity a WHERE a.deletedAt IS NULL AND a.startAt < :to"
                    + " AND a.seriesEnd >= :from" + (ownerId == null ? "" : " AND a.ownerId = :owner") + " ORDER BY a.startAt", Activity.class)
                    .setParameter("to", to).setParameter("from", from);
            if (ownerId != null) {
                q.setParameter("owner", ownerId);
            }
            return q.setMaxResults(limit).getResultList();
        });
    }

    /** The live activities that remind and may have an occurrence starting in [from, to), at most {@code limit}. */
    List<Activity> reminding(Instant from, Instant to, int limit) {
        return tx(em -> em.createQuery("SELECT a FROM Activity a WHERE a.deletedAt IS NULL AND a.reminderMinutes IS NOT NULL"
                + " AND a.startAt < :to AND a.seriesEnd >= :from ORDER BY a.startAt", Activity.class)
                .setParameter("to", to).setParameter("from", from).setMaxResults(limit).getResultList());
    }

    /** One transaction of this unit, for the module's other services (claims, feeds). */
    <R> R inTx(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(work);
    }
}
