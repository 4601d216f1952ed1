package org.atriumcrm.quotes.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.event.DomainEvents.Action;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.commerce.api.QuoteConversions;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link QuoteConversions}: the claim is one conditional UPDATE ({@code ... WHERE CONVERTED_TO IS NULL AND STAGE IN
 * (...)}), so the database, not a read followed by a write, decides which of two concurrent conversions wins.
 */
@Component(service = QuoteConversions.class)
public class QuoteConversionsService implements QuoteConversions {
    private static final List<String> CONVERTIBLE = List.of(QuoteTypes.APPROVED, QuoteTypes.SENT, QuoteTypes.ACCEPTED);
    private final QuoteStore quotes;
    private final AccessPolicy access;

    @Activate
    public QuoteConversionsService(@Reference QuoteStore quotes, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        this.quotes = quotes;
        this.access = access;
    }

    @Override
    public ClaimedQuote claim(String quoteId, String target, Caller caller) {
        if (!ORDER.equals(target) && !CONTRACT.equals(target)) {
            throw new IllegalArgumentException("target is " + ORDER + " or " + CONTRACT);
        }
        ClaimedQuote claimed = quotes.inTransaction(em -> {
            Quote q = em.find(Quote.class, quoteId);
            EntityAccess rights = access.access(caller, QuoteTypes.QUOTE);
            if (q == null || q.isDeleted() || !rights.read().allows(q)) {
                throw AtriumException.notFound("no Quote with id " + quoteId).localized("record-not-found", "Quote", quoteId);
            }
            if (!rights.canChange(q)) {
                throw AtriumException.forbidden("you may see quote " + q.getNumber() + " but not convert it").localized("quote-not-convertible-by-you", q.getNumber());
            }
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            int won = em.createQuery("UPDATE Quote q SET q.convertedTo = :t, q.version = q.version + 1 WHERE q.id = :id"
                    + " AND q.convertedTo IS NULL AND q.deletedAt IS NULL AND q.stage IN :stages")
                    .setParameter("t", target).setParameter("id", quoteId).setParameter("stages", CONVERTIBLE).executeUpdate();
            em.refresh(q);
            if (won != 1) {
                if (q.getConvertedTo() != null) {
                    throw AtriumException.conflict("quote-converted", "quote " + q.getNumber() + " already produced a "
                            + q.getConvertedTo() + (q.getConvertedId() == null ? "" : " (" + q.getConvertedId() + ")")
                            + "; a quote produces one order or one contract").with("convertedTo", q.getConvertedTo())
                            .localized("quote-converted", q.getNumber(), q.getConvertedTo());
                }
                throw AtriumException.conflict("quote-not-approved", "quote " + q.getNumber() + " is " + q.getStage()
                        + "; only an approved, sent or accepted quote becomes an order or a contract")
                        .localized("quote-not-approved", q.getNumber(), q.getStage());
            }
            // the row is ours now (our UPDATE holds its lock until commit): the rest goes through the entity
            q.setConvertedAt(now);
            q.touch(now, caller);
            em.persist(new RecordChangeRow("Quote", quoteId, "UPDATED", "convertedTo", null, target, caller.userId(), now));
            List<Line> lines = QuoteStore.lines(em, quoteId).stream().map(l -> new Line(l.getProductId(), l.getProductName(),
                    l.getQuantity(), l.getUnitPrice(), l.getDiscountPercent(), l.getDiscountAmount(), l.getTaxRate(), l.getNetAmount())).toList();
            return new ClaimedQuote(q.getId(), q.getNumber(), q.getRevision() == null ? 1 : q.getRevision(), q.getSubject(),
                    q.getAccountId(), q.getOpportunityId(), q.getContactId(), q.getOwnerId(), q.getCurrency(), q.getExchangeRate(),
                    q.getShipping(), q.getShippingTaxRate(), q.getAdjustment(), q.getGrandTotal(), q.getTerms(), lines);
        });
        quotes.changed(quoteId, caller, "convertedTo", "convertedAt");
        return claimed;
    }

    @Override
    public void converted(String quoteId, String target, String documentId, Caller caller) {
        quotes.inTransaction(em -> {
            int n = em.createQuery("UPDATE Quote q SET q.convertedId = :d, q.version = q.version + 1 WHERE q.id = :id AND q.convertedTo = :t")
                    .setParameter("d", documentId).setParameter("id", quoteId).setParameter("t", target).executeUpdate();
            if (n != 1) {
                throw AtriumException.conflict("quote-not-claimed", "quote " + quoteId + " was not claimed for a " + target)
                        .localized("quote-not-claimed", quoteId, target);
            }
            em.persist(new RecordChangeRow("Quote", quoteId, "UPDATED", "convertedId", null, documentId, caller.userId(),
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            return n;
        });
        quotes.changed(quoteId, caller, "convertedId");
    }

    @Override
    public void release(String quoteId, String target, Caller caller) {
        quotes.inTransaction(em -> {
            int n = em.createQuery("UPDATE Quote q SET q.convertedTo = NULL, q.version = q.version + 1 WHERE q.id = :id"
                    + " AND q.convertedTo = :t AND q.convertedId IS NULL").setParameter("id", quoteId).setParameter("t", target).executeUpdate();
            Quote q = em.find(Quote.class, quoteId);
            if (n == 1 && q != null) {
                em.refresh(q);
                q.setConvertedAt(null);
                em.persist(new RecordChangeRow("Quote", quoteId, "UPDATED", "convertedTo", target, null, caller.userId(),
                        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            }
            return n;
        });
        quotes.changed(quoteId, caller, "convertedTo", "convertedAt");
    }
}
