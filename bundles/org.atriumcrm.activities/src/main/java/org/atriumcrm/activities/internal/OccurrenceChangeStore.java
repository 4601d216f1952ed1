package org.atriumcrm.activities.internal;

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
 * Single occurrences of a recurring activity moved or cancelled. A change must name a real occurrence (a start the
 * rule gives), and one occurrence has one change: a second is a 409, the first is edited instead.
 */
@Component(service = {RecordStore.class, OccurrenceChangeStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ActivityOccurrenceChange")
public class OccurrenceChangeStore extends JpaRecordStore<ActivityOccurrenceChange> {
    private final ActivityStore activities;

    @Activate
    public OccurrenceChangeStore(@Reference(target = "(osgi.unit.name=" + ActivityTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference ActivityStore activities,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ActivityTypes.MODULE + ")") ModuleGate gate) {
        super(ActivityTypes.OCCURRENCE_TYPE, jpa, events, ActivityTypes.ALL);
        this.activities = activities;
    }

    @Override
    protected void beforeCreate(EntityManager em, ActivityOccurrenceChange c, Caller caller) {
        check(em, c);
        Long same = em.createQuery("SELECT COUNT(c) FROM ActivityOccurrenceChange c WHERE c.activityId = :a AND c.originalStart = :s"
                + " AND c.deletedAt IS NULL", Long.class).setParameter("a", c.getActivityId()).setParameter("s", c.getOriginalStart()).getSingleResult();
        if (same > 0) {
            throw AtriumException.conflict("occurrence-changed", "the occurrence at " + c.getOriginalStart() + " is changed already: edit that change")
                    .localized("occurrence-changed", String.valueOf(c.getOriginalStart()));
        }
    }

    @Override
    protected void beforeUpdate(EntityManager em, ActivityOccurrenceChange c, Set<String> changed, Caller caller) {
        if (changed.contains("activityId") || changed.contains("originalStart")) {
            throw AtriumException.invalid(changed.contains("activityId") ? "activityId" : "originalStart", "occurrence-fixed",
                    "names the occurrence and does not change: delete this change and make another");
        }
        check(em, c);
    }

    private void check(EntityManager em, ActivityOccurrenceChange c) {
        Activity a = activities.live(em, c.getActivityId(), "activityId");
        if (a.getRecurrence() == null) {
            throw AtriumException.invalid("activityId", "activity-not-recurring", "is not a recurring activity: change the activity itself");
        }
        if (c.getOriginalStart() == null || !Recurrences.isOccurrence(a.getRecurrence(), Occurrences.seed(a), c.getOriginalStart())) {
            throw AtriumException.invalid("originalStart", "not-an-occurrence", "is not a start of the activity's occurrences");
        }
        if (c.getCancelled() == null) {
            c.setCancelled(Boolean.FALSE);
        }
        if (c.getNewEnd() != null && c.getNewEnd().isBefore(c.getNewStart() != null ? c.getNewStart() : c.getOriginalStart())) {
            throw AtriumException.invalid("newEnd", "activity-end-before-start", "is before the start");
        }
    }
}
