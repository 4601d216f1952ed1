package org.atriumcrm.printing.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Document templates. A template is printed with the sample document of its kind before it is saved, so a broken
 * one is a 400 naming Mustache's or the markup's complaint ({@code body}), never a failure when a customer's document
 * is printed. One default per kind and language: saving a template as default clears the flag on the others.
 */
@Component(service = {RecordStore.class, DocumentTemplateStore.class}, property = RecordStore.ENTITY_PROPERTY + "=DocumentTemplate")
public class DocumentTemplateStore extends JpaRecordStore<DocumentTemplate> {
    private final Letterheads letterheads;

    @Activate
    public DocumentTemplateStore(@Reference(target = "(osgi.unit.name=atrium.printing)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference Letterheads letterheads,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        super(PrintingTypes.TEMPLATE, jpa, events, PrintingTypes.ALL);
        this.letterheads = letterheads;
    }

    @Override
    protected void beforeCreate(EntityManager em, DocumentTemplate t, Caller caller) {
        check(t);
        onlyDefault(em, t);
    }

    @Override
    protected void beforeUpdate(EntityManager em, DocumentTemplate t, Set<String> changedFields, Caller caller) {
        if (changedFields.contains("body") || changedFields.contains("kind") || changedFields.contains("locale")) {
            check(t);
        }
        if (changedFields.contains("isDefault") || changedFields.contains("kind") || changedFields.contains("locale")) {
            onlyDefault(em, t);
        }
    }

    private void check(DocumentTemplate t) {
        DocumentKind kind = PrintingTypes.kind(t.getKind());
        try {
            DocumentPrinter.print(t.getBody(), kind, t.getLocale(), SampleModel.of(kind, t.getLocale()), letterheads.current());
        } catch (DocumentPrinter.PrintException e) {
            throw AtriumException.invalidField("body", e.getMessage());
        }
    }

    private static void onlyDefault(EntityManager em, DocumentTemplate t) {
        if (Boolean.TRUE.equals(t.getIsDefault())) {
            // a bulk update: templates are never cached (DocumentTemplate), so no stale default is read back
            em.createQuery("UPDATE DocumentTemplate t SET t.isDefault = FALSE WHERE t.kind = :k AND t.locale = :l AND t.id <> :id")
                    .setParameter("k", t.getKind()).setParameter("l", t.getLocale()).setParameter("id", t.getId()).executeUpdate();
        }
    }

    /**
     * The template a document of {@code kind} in {@code locale} is printed with: among the active ones, the default
     * in that language, else any of that language, else the default of the other language, else any; the most
     * recently changed first.
     */
    Optional<DocumentTemplate> chosen(DocumentKind kind, String locale) {
        List<DocumentTemplate> active = tx(em -> em.createQuery("SELECT t FROM DocumentTemplate t WHERE t.kind = :k AND t.active = TRUE"
                + " AND t.deletedAt IS NULL ORDER BY t.modifiedAt DESC, t.id DESC", DocumentTemplate.class)
                .setParameter("k", PrintingTypes.value(kind)).getResultList());
        return active.stream().filter(t -> t.getLocale().equals(locale) && Boolean.TRUE.equals(t.getIsDefault())).findFirst()
                .or(() -> active.stream().filter(t -> t.getLocale().equals(locale)).findFirst())
                .or(() -> active.stream().filter(t -> Boolean.TRUE.equals(t.getIsDefault())).findFirst())
                .or(() -> active.stream().findFirst());
    }
}
