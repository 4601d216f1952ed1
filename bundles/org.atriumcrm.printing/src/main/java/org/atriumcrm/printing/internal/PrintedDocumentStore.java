package org.atriumcrm.printing.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The printed documents of records: each row and its bytes written in one transaction, so a listed document always downloads. */
@Component(service = PrintedDocumentStore.class)
public class PrintedDocumentStore {
    /** A printed document larger than this is refused (the column's size): far above a real one with its font subset. */
    static final int MAX_BYTES = 20 * 1024 * 1024;
    private final JpaTemplate jpa;

    @Activate
    public PrintedDocumentStore(@Reference(target = "(osgi.unit.name=atrium.printing)") JpaTemplate jpa,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        this.jpa = jpa;
    }

    private <R> R tx(EmFunction<R> work) {
        return jpa.txExpr(TransactionType.Required, work);
    }

    /** Stores {@code pdf} as {@code d}'s bytes; sets its id, size, digest and time. */
    PrintedDocument save(PrintedDocument d, byte[] pdf, String userId) {
        if (pdf.length > MAX_BYTES) {
            throw new AtriumException(413, "payload-too-large", "Payload too large", "the printed document has " + pdf.length
                    + " bytes, more than the " + MAX_BYTES + " a stored document may have", null).localized("printed-document-too-large", pdf.length, MAX_BYTES);
        }
        d.setId(RecordIds.next());
        d.setSizeBytes((long) pdf.length);
        d.setSha256(sha256(pdf));
        d.setPrintedBy(userId);
        d.setPrintedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return tx(em -> {
            em.persist(d);
            em.persist(new PrintedDocumentContent(d.getId(), pdf));
            return d;
        });
    }

    /** A record's printed documents, newest first. */
    List<PrintedDocument> list(String entityName, String recordId, int offset, int limit) {
        return tx(em -> em.createQuery("SELECT d FROM PrintedDocument d WHERE d.entityName = :e AND d.recordId = :r"
                + " ORDER BY d.printedAt DESC, d.id DESC", PrintedDocument.class)
                .setParameter("e", entityName).setParameter("r", recordId).setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    long count(String entityName, String recordId) {
        return tx(em -> em.createQuery("SELECT COUNT(d) FROM PrintedDocument d WHERE d.entityName = :e AND d.recordId = :r", Long.class)
                .setParameter("e", entityName).setParameter("r", recordId).getSingleResult());
    }

    Optional<PrintedDocument> find(String id) {
        return Optional.ofNullable(tx(em -> em.find(PrintedDocument.class, id)));
    }

    Optional<byte[]> content(String id) {
        return Optional.ofNullable(tx(em -> em.find(PrintedDocumentContent.class, id))).map(PrintedDocumentContent::getContent);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
