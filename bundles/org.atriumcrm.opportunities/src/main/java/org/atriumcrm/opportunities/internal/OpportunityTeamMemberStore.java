package org.atriumcrm.opportunities.internal;

import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.RecordSharing;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

/**
 * The sales team of an opportunity. Whoever may change the opportunity may add members; each member gets a
 * read/write share of the opportunity (the permission model's manual sharing), taken back when they leave the team.
 */
@Component(service = RecordStore.class, property = RecordStore.ENTITY_PROPERTY + "=OpportunityTeamMember")
public class OpportunityTeamMemberStore extends JpaRecordStore<OpportunityTeamMember> {
    private final AccessPolicy access;
    private final UserDirectory users;
    /**
     * Bound dynamically: the sharing service tracks every record store, this one included, so a static reference
     * would be a cycle that DS refuses at start-up (seen on restarts).
     */
    private volatile RecordSharing sharing;

    @Activate
    public OpportunityTeamMemberStore(@Reference(target = "(osgi.unit.name=atrium.opportunities)") JpaTemplate jpa,
            @Reference EventAdmin events, @Reference AccessPolicy access, @Reference UserDirectory users,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        super(OpportunityTypes.TEAM_MEMBER, jpa, events, OpportunityTypes.ALL);
        this.access = access;
        this.users = users;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setSharing(RecordSharing service) {
        sharing = service;
    }

    void unsetSharing(RecordSharing service) {
        if (sharing == service) {
            sharing = null;
        }
    }

    private RecordSharing sharing() {
        RecordSharing s = sharing;
        if (s == null) {
            throw new AtriumException(503, "service-starting", "Service unavailable", "record sharing is starting; try again shortly", null);
        }
        return s;
    }

    @Override
    protected void beforeCreate(EntityManager em, OpportunityTeamMember member, Caller caller) {
        Opportunity opp = em.find(Opportunity.class, member.getOpportunityId());
        EntityAccess onOpportunities = access.access(caller, OpportunityTypes.OPPORTUNITY);
        if (opp == null || opp.isDeleted() || !onOpportunities.read().allows(opp)) {
            throw AtriumException.invalid("opportunityId", "reference-not-found", "no Opportunity with id " + member.getOpportunityId(), "Opportunity", member.getOpportunityId());
        }
        if (!onOpportunities.canChange(opp)) {
            throw AtriumException.forbidden("you may see opportunity " + opp.getId() + " but not change its sales team")
                    .localized("team-read-only-for-you", opp.getId());
        }
        if (!users.isActiveUser(member.getUserId())) {
            throw AtriumException.invalidField("userId", "no active user with id " + member.getUserId());
        }
        boolean already = !em.createQuery("SELECT m.id FROM OpportunityTeamMember m WHERE m.opportunityId = :o AND m.userId = :u"
                + " AND m.deletedAt IS NULL").setParameter("o", opp.getId()).setParameter("u", member.getUserId()).getResultList().isEmpty();
        if (already) {
            throw AtriumException.conflict("already-in-team", "user " + member.getUserId() + " is in the sales team already")
                    .localized("already-in-team", member.getUserId());
        }
        member.setOwnerId(opp.getOwnerId()); // the team list is as visible as the opportunity's owner's records
    }

    @Override
    public OpportunityTeamMember create(Map<String, Object> values, Caller caller) {
        OpportunityTeamMember member = super.create(values, caller);
        try {
            String shareId = sharing().share("Opportunity", member.getOpportunityId(), member.getUserId(), true, caller).id();
            return updateBySystem(member.getId(), caller, m -> m.setShareId(shareId));
        } catch (RuntimeException e) {
            super.delete(member.getId(), null, caller); // no member without the share that makes them one
            super.purge(member.getId(), caller);
            throw e;
        }
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        OpportunityTeamMember member = find(id).orElseThrow(() -> AtriumException.notFound("no OpportunityTeamMember with id " + id).localized("record-not-found", "OpportunityTeamMember", id));
        super.delete(id, expectedVersion, caller);
        if (member.getShareId() != null) {
            try {
                sharing().revoke("Opportunity", member.getOpportunityId(), member.getShareId(), caller);
            } catch (AtriumException gone) {
                // revoked by hand meanwhile: nothing left to take back
            }
        }
    }
}
