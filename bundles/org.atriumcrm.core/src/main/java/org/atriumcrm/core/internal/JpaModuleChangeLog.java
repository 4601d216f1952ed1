package org.atriumcrm.core.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.module.ModuleChange;
import org.atriumcrm.api.module.ModuleChangeLog;
import org.atriumcrm.persistence.api.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module change log in table ATRIUM_MODULE_CHANGE (persistence unit {@code atrium.core}). */
@Component(service = ModuleChangeLog.class)
public class JpaModuleChangeLog implements ModuleChangeLog {
    private final JpaTemplate jpa;

    @Activate
    public JpaModuleChangeLog(@Reference(target = "(osgi.unit.name=atrium.core)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public ModuleChange record(ModuleChange change) {
        Transactions.required(jpa, em -> {
            em.persist(ModuleChangeRow.of(change));
            return null;
        });
        return change;
    }

    @Override
    public List<ModuleChange> changes(String moduleId, int limit) {
        return Transactions.required(jpa, em -> (moduleId == null
                ? em.createQuery("SELECT c FROM ModuleChange c ORDER BY c.changedAt DESC, c.id DESC", ModuleChangeRow.class)
                : em.createQuery("SELECT c FROM ModuleChange c WHERE c.moduleId = :m ORDER BY c.changedAt DESC, c.id DESC",
                        ModuleChangeRow.class).setParameter("m", moduleId))
                .setMaxResults(limit).getResultList().stream().map(ModuleChangeRow::toChange).toList());
    }
}
