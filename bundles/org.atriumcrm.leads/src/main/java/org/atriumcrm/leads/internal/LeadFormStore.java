package org.atriumcrm.leads.internal;

import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Web-to-lead forms (administrators only: an administrative entity type). */
@Component(service = {RecordStore.class, LeadFormStore.class}, property = RecordStore.ENTITY_PROPERTY + "=LeadForm")
public class LeadFormStore extends JpaRecordStore<LeadForm> {

    @Activate
    public LeadFormStore(@Reference(target = "(osgi.unit.name=atrium.leads)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + LeadTypes.MODULE + ")") ModuleGate gate) {
        super(LeadTypes.FORM, jpa, events, LeadTypes.ALL);
    }

    /** The live form with this key, active or not. */
    Optional<LeadForm> byKey(String key) {
        if (key == null || key.length() > 64) {
            return Optional.empty();
        }
        return tx(em -> em.createQuery("SELECT f FROM LeadForm f WHERE f.formKey = :k AND f.deletedAt IS NULL", LeadForm.class)
                .setParameter("k", key).getResultList().stream().findFirst());
    }

    /** Whether any active form accepts posts from this origin (for CORS preflight requests, which carry no key). */
    boolean anyFormAllows(String origin) {
        return tx(em -> em.createQuery("SELECT f FROM LeadForm f WHERE f.deletedAt IS NULL AND f.active = TRUE", LeadForm.class)
                .getResultList().stream().anyMatch(f -> WebToLeadEndpoint.allows(f, origin)));
    }
}
