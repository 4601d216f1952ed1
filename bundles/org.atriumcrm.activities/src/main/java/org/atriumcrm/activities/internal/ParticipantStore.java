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

/** Participants of activities: one of our users or one contact each, on a live activity. */
@Component(service = {RecordStore.class, ParticipantStore.class}, property = RecordStore.ENTITY_PROPERTY + "=ActivityParticipant")
public class ParticipantStore extends JpaRecordStore<ActivityParticipant> {
    private final ActivityStore activities;

    @Activate
    public ParticipantStore(@Reference(target = "(osgi.unit.name=" + ActivityTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference ActivityStore activities,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ActivityTypes.MODULE + ")") ModuleGate gate) {
        super(ActivityTypes.PARTICIPANT_TYPE, jpa, events, ActivityTypes.ALL);
        this.activities = activities;
    }

    @Override
    protected void beforeCreate(EntityManager em, ActivityParticipant p, Caller caller) {
        check(em, p);
    }

    @Override
    protected void beforeUpdate(EntityManager em, ActivityParticipant p, Set<String> changed, Caller caller) {
        check(em, p);
    }

    private void check(EntityManager em, ActivityParticipant p) {
        activities.live(em, p.getActivityId(), "activityId");
        if ((p.getUserId() == null) == (p.getContactId() == null)) {
            throw AtriumException.invalid("userId", "participant-who", "name exactly one of userId (a user) and contactId (a contact)");
        }
        if (p.getResponse() == null) {
            p.setResponse("needs_action");
        }
    }
}
