package org.atriumcrm.mail.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.integration.api.secret.Secrets;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Scanned mailboxes. A shared (company) mailbox is an administrator's; anyone may add their own. The secret a client
 * sends is encrypted before the row is written and is never read back through the API. Changes reach the running
 * scanner through the store's domain events ({@code atrium/Mailbox/*}).
 */
@Component(service = {RecordStore.class, MailboxStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Mailbox")
public class MailboxStore extends JpaRecordStore<Mailbox> {
    static final long DEFAULT_MAX_ATTACHMENT = 10L * 1024 * 1024;
    private final Secrets secrets;

    @Activate
    public MailboxStore(@Reference(target = "(osgi.unit.name=atrium.mail)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference Secrets secrets, @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        super(ScannerTypes.MAILBOX, jpa, events, MailTypes.ALL);
        this.secrets = secrets;
    }

    @Override
    protected void beforeCreate(EntityManager em, Mailbox box, Caller caller) {
        if (box.getFolders() == null || box.getFolders().isBlank()) {
            box.setFolders("INBOX");
        }
        if (box.getPollSeconds() == null) {
            box.setPollSeconds(60L);
        }
        if (box.getBatchSize() == null) {
            box.setBatchSize(200L);
        }
        if (box.getAfterProcessing() == null) {
            box.setAfterProcessing(Mailbox.MARK_SEEN);
        }
        if (box.getSecurity() == null) {
            box.setSecurity(Mailbox.IMAPS.equals(box.getProtocol()) || Mailbox.POP3S.equals(box.getProtocol()) ? "ssl" : "starttls");
        }
        if (box.getActive() == null) {
            box.setActive(Boolean.TRUE);
        }
        if (box.getShared() == null) {
            box.setShared(Boolean.FALSE);
        }
        if (box.getMaxAttachmentBytes() == null) {
            box.setMaxAttachmentBytes(DEFAULT_MAX_ATTACHMENT);
        }
        box.setFiledCount(0L);
        check(box, caller);
        seal(box);
    }

    @Override
    protected void beforeUpdate(EntityManager em, Mailbox box, Set<String> changedFields, Caller caller) {
        check(box, caller);
        seal(box);
    }

    private void seal(Mailbox box) {
        String secret = box.takeNewSecret();
        if (secret != null) {
            box.setSecretCipher(secret.isEmpty() ? null : secrets.seal(secret));
        }
    }

    private static void check(Mailbox box, Caller caller) {
        if (Boolean.TRUE.equals(box.getShared()) && !caller.administrator()) {
            throw AtriumException.forbidden("only administrators manage shared (company) mailboxes; your own mailbox has shared=false");
        }
        List<FieldError> errors = new ArrayList<>();
        if (box.getPort() != null && (box.getPort() < 1 || box.getPort() > 65535)) {
            errors.add(new FieldError("port", "must be between 1 and 65535"));
        }
        if (box.getPollSeconds() != null && (box.getPollSeconds() < 5 || box.getPollSeconds() > 86_400)) {
            errors.add(new FieldError("pollSeconds", "must be between 5 seconds and one day (86400)"));
        }
        if (box.getBatchSize() != null && (box.getBatchSize() < 1 || box.getBatchSize() > 1000)) {
            errors.add(new FieldError("batchSize", "must be between 1 and 1000"));
        }
        if (Mailbox.MOVE.equals(box.getAfterProcessing()) && (box.getMoveToFolder() == null || box.getMoveToFolder().isBlank())) {
            errors.add(new FieldError("moveToFolder", "name the folder filed messages are moved to"));
        }
        if (box.isPop3() && Mailbox.MOVE.equals(box.getAfterProcessing())) {
            errors.add(new FieldError("afterProcessing", "POP3 has no folders: use mark-seen or leave"));
        }
        if (box.getMaxAttachmentBytes() != null && (box.getMaxAttachmentBytes() < 0 || box.getMaxAttachmentBytes() > 100L * 1024 * 1024)) {
            errors.add(new FieldError("maxAttachmentBytes", "must be between 0 and 104857600 (100 MiB)"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
    }

    /** The mailboxes to scan now (the scanner's view: every owner's). */
    List<Mailbox> active() {
        return tx(em -> em.createQuery("SELECT m FROM Mailbox m WHERE m.deletedAt IS NULL AND (m.active IS NULL OR m.active = TRUE)",
                Mailbox.class).getResultList());
    }

    Mailbox box(String id) {
        return tx(em -> em.find(Mailbox.class, id));
    }

    String password(Mailbox box) {
        return box.getSecretCipher() == null ? "" : secrets.open(box.getSecretCipher());
    }

    /**
     * A scan's outcome on the mailbox, written without a new version: the scanner's bookkeeping must not make an
     * administrator's next edit fail with a stale ETag. The filed count is the receipts' own count, so it stays exact
     * whatever interrupted the scanner.
     */
    void scanned(String id, String error) {
        tx(em -> {
            long filed = org.atriumcrm.integration.api.InboundReceipts.count(em, id, org.atriumcrm.integration.api.InboundReceipt.FILED);
            // in SQL: EclipseLink's JPQL UPDATE raises the version of a versioned entity (then an edit with the ETag
            // read before the scan failed with 412); the shared cache forgets the row
            int changed = em.createNativeQuery("UPDATE ATRIUM_MAILBOX SET LAST_SCAN_AT = ?, LAST_ERROR = ?, FILED_COUNT = ? WHERE ID = ?")
                    .setParameter(1, java.sql.Timestamp.from(Instant.now()))
                    .setParameter(2, error == null ? null : error.substring(0, Math.min(1000, error.length())))
                    .setParameter(3, filed).setParameter(4, id).executeUpdate();
            em.getEntityManagerFactory().getCache().evict(Mailbox.class, id);
            return changed;
        });
    }
}
