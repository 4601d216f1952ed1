package org.atriumcrm.quotes.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents;
import org.atriumcrm.api.event.DomainEvents.Action;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Approvals;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Quotes and their life: a new quote takes its number and, from its opportunity, its account; its totals are
 * always the lines' (see {@link QuoteAmounts}); it leaves the draft only through the actions (submit for approval,
 * approve, reject, send, accept, reject by the customer, close, revise), each one transaction with its history
 * rows. Outside the draft the commercial content is frozen (409); a closed quote takes nothing more.
 */
@Component(service = {RecordStore.class, QuoteStore.class}, property = RecordStore.ENTITY_PROPERTY + "=Quote")
public class QuoteStore extends JpaRecordStore<Quote> {
    static final String[] STATE_FIELDS = {"stage", "approvalStatus", "approverId", "approvalRuleId", "approvalReason",
        "decisionComment", "decidedBy", "decidedAt", "supersededById", "convertedTo", "convertedId", "convertedAt"};
    /** What a frozen quote refuses to change: everything that makes its price. */
    private static final Set<String> COMMERCIAL = Set.of("accountId", "opportunityId", "currency", "exchangeRate", "shipping",
        "shippingTaxRate", "adjustment", "validUntil", "terms");
    private static final String DEFAULT_CURRENCY = "CNY";

    private final DocumentNumbers numbers;
    private final Approvals approvals;
    private final RecordStores stores;
    private final EventAdmin events;

    @Activate
    public QuoteStore(@Reference(target = "(osgi.unit.name=atrium.quotes)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference DocumentNumbers numbers, @Reference Approvals approvals, @Reference RecordStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        super(QuoteTypes.QUOTE, jpa, events, QuoteTypes.ALL);
        this.numbers = numbers;
        this.approvals = approvals;
        this.stores = stores;
        this.events = events;
    }

    <R> R inTransaction(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(work);
    }

    @Override
    protected void beforeCreate(EntityManager em, Quote quote, Caller caller) {
        if (quote.getOpportunityId() != null) {
            Optional<String> account = opportunityAccount(quote.getOpportunityId());
            if (quote.getAccountId() == null) {
                quote.setAccountId(account.orElse(null));
            } else if (account.isPresent() && !account.get().equals(quote.getAccountId())) {
                throw AtriumException.invalid("accountId", "account-differs", "the opportunity is with account " + account.get()
                        + "; leave the account out to take it over", "opportunity", account.get());
            }
            if (quote.getCurrency() == null) {
                quote.setCurrency(opportunityValue(quote.getOpportunityId(), "currency"));
            }
        }
        if (quote.getAccountId() == null) {
            throw AtriumException.invalid("accountId", "quote-account-required", "is required (or an opportunity with an account)");
        }
        if (quote.getCurrency() == null) {
            quote.setCurrency(DEFAULT_CURRENCY);
        }
        if (quote.getExchangeRate() == null) {
            quote.setExchangeRate(BigDecimal.ONE);
        }
        checkExchangeRate(quote);
        quote.setNumber(numbers.next(QuoteTypes.SERIES));
        quote.setStage(QuoteTypes.DRAFT);
        quote.setRevision(1L);
        if (quote.getAssignedToId() == null) {
            quote.setAssignedToId(caller.userId());
        }
        QuoteAmounts.computeTotals(quote, List.of());
    }

    @Override
    protected void beforeUpdate(EntityManager em, Quote quote, Set<String> changed, Caller caller) {
        open(quote);
        List<String> commercial = changed.stream().filter(COMMERCIAL::contains).toList();
        if (!commercial.isEmpty() && !quote.isDraft()) {
            throw frozen(quote, commercial.toString());
        }
        if (changed.contains("opportunityId") && quote.getOpportunityId() != null) {
            opportunityAccount(quote.getOpportunityId()).filter(a -> !a.equals(quote.getAccountId())).ifPresent(a -> {
                throw AtriumException.invalid("opportunityId", "opportunity-of-another-account", "the opportunity is with another account ("
                        + a + ")", a);
            });
        }
        if (changed.contains("currency") && quote.getLineCount() != null && quote.getLineCount() > 0) {
            throw AtriumException.conflict("currency-fixed", "the quote has lines priced in its currency; remove them first or make a new quote")
                    .localized("quote-currency-fixed");
        }
        if (changed.contains("exchangeRate")) {
            checkExchangeRate(quote);
        }
        QuoteAmounts.computeTotals(quote, lines(em, quote.getId()));
    }

    private static void checkExchangeRate(Quote quote) {
        if (quote.getExchangeRate().signum() <= 0) {
            throw AtriumException.invalidField("exchangeRate", "must be greater than 0");
        }
    }

    private Optional<String> opportunityAccount(String opportunityId) {
        return Optional.ofNullable(opportunityValue(opportunityId, "accountId"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String opportunityValue(String opportunityId, String field) {
        Optional<RecordStore<?>> store = stores.byName("Opportunity");
        if (store.isEmpty()) {
            throw AtriumException.invalid("opportunityId", "reference-module-disabled", "refers to Opportunity, whose module is not enabled",
                    "Opportunity");
        }
        RecordStore raw = store.get();
        Optional<Record> opp = raw.find(opportunityId);
        if (opp.isEmpty()) {
            throw AtriumException.invalid("opportunityId", "reference-not-found", "no Opportunity with id " + opportunityId, "Opportunity",
                    opportunityId);
        }
        Object value = raw.type().field(field).map(f -> ((org.atriumcrm.api.meta.FieldDef) f).get(opp.get())).orElse(null);
        return value == null ? null : value.toString();
    }

    static List<QuoteLine> lines(EntityManager em, String quoteId) {
        return em.createQuery("SELECT l FROM QuoteLine l WHERE l.quoteId = :q AND l.deletedAt IS NULL ORDER BY l.position, l.createdAt",
                QuoteLine.class).setParameter("q", quoteId).getResultList();
    }

    static void open(Quote quote) {
        if (QuoteTypes.CLOSED.equals(quote.getStage())) {
            throw AtriumException.conflict("quote-closed", "quote " + quote.getNumber() + " is closed and takes nothing more"
                    + (quote.getSupersededById() != null ? " (revised as " + quote.getSupersededById() + ")" : ""))
                    .localized("quote-closed", quote.getNumber());
        }
    }

    static AtriumException frozen(Quote quote, String what) {
        return AtriumException.conflict("quote-frozen", "quote " + quote.getNumber() + " is " + quote.getStage()
                + ": its lines and amounts are frozen (" + what + "); revise it to make a new version")
                .localized("quote-frozen", quote.getNumber(), quote.getStage(), what);
    }

    private static void expect(Quote quote, String action, String... stages) {
        open(quote);
        for (String s : stages) {
            if (s.equals(quote.getStage())) {
                return;
            }
        }
        throw AtriumException.conflict("quote-stage", "cannot " + action + " quote " + quote.getNumber() + " in stage "
                + quote.getStage() + "; it must be " + String.join(" or ", stages)).with("stage", quote.getStage())
                .localized("quote-stage", action, quote.getNumber(), quote.getStage(), List.of(stages));
    }

    /** Draft → in approval (with its approver), or → approved when no rule applies. */
    Quote submit(String id, Caller caller) {
        Approvals.Route[] routed = new Approvals.Route[1];
        Quote quote = updateBySystem(id, caller, (em, q) -> {
            expect(q, "submit", QuoteTypes.DRAFT);
            if (q.getLineCount() == null || q.getLineCount() == 0) {
                throw AtriumException.conflict("quote-empty", "quote " + q.getNumber() + " has no lines to approve")
                        .localized("quote-empty", q.getNumber());
            }
            Approvals.Route route = approvals.route(new Approvals.Subject("Quote", q.getId(), q.getOwnerId(), q.getGrandTotal(),
                    q.getCurrency(), q.getMaxDiscountPercent()));
            routed[0] = route;
            q.setDecisionComment(null);
            q.setDecidedBy(null);
            q.setDecidedAt(null);
            if (route.required()) {
                q.setStage(QuoteTypes.IN_APPROVAL);
                q.setApprovalStatus(QuoteTypes.PENDING);
                q.setApproverId(route.approverId());
                q.setApprovalRuleId(route.ruleId());
                q.setApprovalReason(route.reason());
            } else {
                q.setStage(QuoteTypes.APPROVED);
                q.setApprovalStatus(QuoteTypes.NOT_REQUIRED);
                q.setApproverId(null);
                q.setApprovalRuleId(null);
                q.setApprovalReason(route.reason());
            }
        }, STATE_FIELDS);
        Map<String, Object> extra = new HashMap<>();
        if (routed[0].approverId() != null) {
            extra.put("approverId", routed[0].approverId());
        }
        announce(CommerceEvents.QUOTE_SUBMITTED, quote, caller, extra);
        if (!routed[0].required()) {
            announce(CommerceEvents.QUOTE_APPROVED, quote, caller, Map.of());
        }
        return quote;
    }

    /** The approver (or someone above them, or an administrator) decides: approved, or back to draft with the reason. */
    Quote decide(String id, boolean approve, String comment, Caller caller) {
        if (!approve && (comment == null || comment.isBlank())) {
            throw AtriumException.invalid("comment", "rejection-reason", "a rejection needs the reason, for the quote's owner");
        }
        Quote quote = updateBySystem(id, caller, (em, q) -> {
            expect(q, approve ? "approve" : "reject", QuoteTypes.IN_APPROVAL);
            if (!approvals.mayDecide(caller.userId(), q.getApproverId())) {
                throw AtriumException.forbidden("quote " + q.getNumber() + " waits for the approval of user " + q.getApproverId()
                        + "; only that user, someone above them in the role hierarchy or an administrator may decide")
                        .localized("quote-approver-only", q.getNumber());
            }
            q.setStage(approve ? QuoteTypes.APPROVED : QuoteTypes.DRAFT);
            q.setApprovalStatus(approve ? QuoteTypes.APPROVED : QuoteTypes.REJECTED);
            q.setDecisionComment(comment == null || comment.isBlank() ? null : comment.strip());
            q.setDecidedBy(caller.userId());
            q.setDecidedAt(now());
        }, STATE_FIELDS);
        announce(approve ? CommerceEvents.QUOTE_APPROVED : CommerceEvents.QUOTE_REJECTED, quote, caller,
                comment == null ? Map.of() : Map.of(CommerceEvents.REASON, comment));
        return quote;
    }

    boolean mayDecide(Quote quote, Caller caller) {
        return quote.getApproverId() != null && approvals.mayDecide(caller.userId(), quote.getApproverId());
    }

    Quote send(String id, Caller caller) {
        Quote quote = updateBySystem(id, caller, (em, q) -> {
            expect(q, "send", QuoteTypes.APPROVED, QuoteTypes.SENT);
            q.setStage(QuoteTypes.SENT);
        }, STATE_FIELDS);
        announce(CommerceEvents.QUOTE_SENT, quote, caller, Map.of());
        return quote;
    }

    Quote customerAnswer(String id, boolean accepted, String comment, Caller caller) {
        Quote quote = updateBySystem(id, caller, (em, q) -> {
            expect(q, accepted ? "accept" : "reject-by-customer", QuoteTypes.APPROVED, QuoteTypes.SENT);
            if (accepted && q.getValidUntil() != null && q.getValidUntil().isBefore(java.time.LocalDate.now())) {
                throw AtriumException.conflict("quote-expired", "quote " + q.getNumber() + " was valid until " + q.getValidUntil()
                        + "; revise it with a new validity date").localized("quote-expired", q.getNumber(), q.getValidUntil());
            }
            q.setStage(accepted ? QuoteTypes.ACCEPTED : QuoteTypes.REJECTED);
            if (comment != null && !comment.isBlank()) {
                q.setDecisionComment(comment.strip());
            }
        }, STATE_FIELDS);
        if (accepted) {
            announce(CommerceEvents.QUOTE_ACCEPTED, quote, caller, Map.of());
        }
        return quote;
    }

    Quote close(String id, Caller caller) {
        return updateBySystem(id, caller, (em, q) -> {
            open(q);
            q.setStage(QuoteTypes.CLOSED);
        }, STATE_FIELDS);
    }

    /**
     * A new version in draft: a copy of the quote and its lines with revision + 1 and a link back; the old one is
     * closed as superseded. One transaction: never two open versions, never a copy without its lines.
     */
    Quote revise(String id, Caller caller) {
        Quote[] old = new Quote[1];
        Quote copy = tx(em -> {
            Quote q = em.find(Quote.class, id);
            if (q == null || q.isDeleted()) {
                throw AtriumException.notFound("no Quote with id " + id).localized("record-not-found", "Quote", id);
            }
            open(q);
            if (q.getConvertedTo() != null) {
                throw AtriumException.conflict("quote-converted", "quote " + q.getNumber() + " became a " + q.getConvertedTo()
                        + " and cannot be revised").localized("quote-converted-not-revised", q.getNumber(), q.getConvertedTo());
            }
            Instant now = now();
            Quote n = new Quote();
            for (var f : QuoteTypes.QUOTE.fields()) {
                if (!f.isReadOnly()) {
                    f.set(n, f.get(q));
                }
            }
            n.initialise(RecordIds.next(), now, caller);
            n.setOwnerId(q.getOwnerId());
            n.setNumber(q.getNumber());
            n.setRevision((q.getRevision() == null ? 1 : q.getRevision()) + 1);
            n.setPreviousQuoteId(q.getId());
            n.setStage(QuoteTypes.DRAFT);
            List<QuoteLine> copies = new ArrayList<>();
            for (QuoteLine l : lines(em, q.getId())) {
                QuoteLine c = l.copy();
                c.initialise(RecordIds.next(), now, caller);
                c.setOwnerId(n.getOwnerId());
                c.setQuoteId(n.getId());
                copies.add(c);
            }
            QuoteAmounts.computeTotals(n, copies);
            n.beforeSave();
            em.persist(n);
            em.persist(new RecordChangeRow("Quote", n.getId(), "CREATED", null, null, null, caller.userId(), now));
            for (QuoteLine c : copies) {
                c.beforeSave();
                em.persist(c);
                em.persist(new RecordChangeRow("QuoteLine", c.getId(), "CREATED", null, null, null, caller.userId(), now));
            }
            String stageBefore = q.getStage();
            q.setStage(QuoteTypes.CLOSED);
            q.setSupersededById(n.getId());
            q.touch(now, caller);
            em.persist(new RecordChangeRow("Quote", q.getId(), "UPDATED", "stage", stageBefore, QuoteTypes.CLOSED, caller.userId(), now));
            em.persist(new RecordChangeRow("Quote", q.getId(), "UPDATED", "supersededById", null, n.getId(), caller.userId(), now));
            em.flush();
            old[0] = q;
            return n;
        });
        post(Action.CREATED, copy.getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[0]));
        post(Action.UPDATED, old[0].getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[] {"stage", "supersededById"}));
        return copy;
    }

    /** Fields changed by a statement of this module outside the store's update (a conversion's conditional UPDATE). */
    void changed(String quoteId, Caller caller, String... fields) {
        post(Action.UPDATED, quoteId, caller, Map.of(DomainEvents.CHANGED_FIELDS, fields));
    }

    /** A line change rewrote the quote's totals in the line's transaction: the quote's listeners hear of it. */
    void totalsChanged(String quoteId, Caller caller) {
        post(Action.UPDATED, quoteId, caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[] {"subtotal", "discountTotal",
            "taxTotal", "taxBreakdown", "grandTotal", "maxDiscountPercent", "lineCount"}));
    }

    /** An order-to-cash event after commit, with the quote's number, account and grand total. */
    void announce(String topic, Quote quote, Caller caller, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(DomainEvents.ENTITY, "Quote");
        props.put(DomainEvents.ID, quote.getId());
        props.put(DomainEvents.USER_ID, caller.userId());
        props.put(CommerceEvents.NUMBER, quote.getNumber());
        if (quote.getOwnerId() != null) {
            props.put(CommerceEvents.OWNER_ID, quote.getOwnerId());
        }
        if (quote.getAccountId() != null) {
            props.put(CommerceEvents.ACCOUNT_ID, quote.getAccountId());
        }
        props.put(CommerceEvents.AMOUNT, quote.getGrandTotal() == null ? "0" : quote.getGrandTotal().toPlainString());
        props.put(CommerceEvents.CURRENCY, quote.getCurrency());
        events.postEvent(new Event(topic, props));
    }
}
