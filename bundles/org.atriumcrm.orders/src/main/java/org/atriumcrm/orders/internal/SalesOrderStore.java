package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Approvals;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.CommerceEvents;
import org.atriumcrm.commerce.api.DocumentNumbers;
import org.atriumcrm.commerce.api.QuoteConversions;
import org.atriumcrm.commerce.api.Receivables;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.atriumcrm.persistence.api.RecordIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Sales orders and their life: a new order takes its number, and from its quote (claimed through
 * {@link QuoteConversions}: one order or one contract per quote), contract or opportunity its account; its totals are
 * always its lines' ({@link OrderAmounts}); it leaves the draft only through {@code confirm}, which runs the credit
 * check serialised per credit unit, and ends through {@code cancel}. Delivery and invoicing progress is changed by
 * the invoicing module through {@link FulfilmentService}. Outside the draft the commercial content is frozen.
 */
@Component(service = {RecordStore.class, SalesOrderStore.class}, property = RecordStore.ENTITY_PROPERTY + "=SalesOrder")
public class SalesOrderStore extends JpaRecordStore<SalesOrder> {
    static final String[] STATE_FIELDS = {"status", "creditCheck", "creditLimit", "creditExposure", "creditOverdueSince",
        "creditCheckedAt", "creditReason", "creditUnitId", "approverId", "decisionComment", "decidedBy", "decidedAt", "confirmedAt",
        "cancelReason", "nextInvoiceDate"};
    private static final Set<String> COMMERCIAL = Set.of("accountId", "currency", "exchangeRate", "shipping", "shippingTaxRate",
        "adjustment", "quoteId", "contractId", "opportunityId");
    private static final Set<String> SCHEDULE = Set.of("invoiceFrequency", "invoiceStart", "invoiceEnd", "invoicePaymentTermDays");
    private static final String DEFAULT_CURRENCY = "CNY";

    private final DocumentNumbers numbers;
    private final Approvals approvals;
    private final RecordStores stores;
    private final EventAdmin events;
    private final CreditSettings settings;
    private volatile QuoteConversions conversions;
    private volatile Receivables receivables;
    private volatile Catalog catalog;

    @Activate
    public SalesOrderStore(@Reference(target = "(osgi.unit.name=" + OrderTypes.UNIT + ")") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference DocumentNumbers numbers, @Reference Approvals approvals, @Reference RecordStores stores,
            @Reference CreditSettings settings,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OrderTypes.MODULE + ")") ModuleGate gate) {
        super(OrderTypes.ORDER, jpa, events, OrderTypes.ALL);
        this.numbers = numbers;
        this.approvals = approvals;
        this.stores = stores;
        this.events = events;
        this.settings = settings;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setConversions(QuoteConversions service) {
        conversions = service;
    }

    void unsetConversions(QuoteConversions service) {
        if (conversions == service) {
            conversions = null;
        }
    }

    /** Optional: without the payments module, exposure is the orders' alone. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setReceivables(Receivables service) {
        receivables = service;
    }

    void unsetReceivables(Receivables service) {
        if (receivables == service) {
            receivables = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCatalog(Catalog service) {
        catalog = service;
    }

    void unsetCatalog(Catalog service) {
        if (catalog == service) {
            catalog = null;
        }
    }

    <R> R inTransaction(org.apache.aries.jpa.template.EmFunction<R> work) {
        return tx(work);
    }

    /**
     * With a {@code quoteId}: the quote is claimed first (409 when it made an order or a contract already), the order
     * and its lines written from the quote in one transaction, and the claim completed — or given back on failure.
     */
    @Override
    public SalesOrder create(Map<String, Object> values, Caller caller) {
        Object quoteId = values.get("quoteId");
        if (quoteId == null) {
            return super.create(values, caller);
        }
        QuoteConversions c = conversions;
        if (c == null) {
            throw AtriumException.invalid("quoteId", "reference-module-disabled", "refers to Quote, whose module is not enabled", "Quote");
        }
        QuoteConversions.ClaimedQuote quote = c.claim(quoteId.toString(), QuoteConversions.ORDER, caller);
        SalesOrder order;
        List<String> lineIds = new ArrayList<>();
        try {
            order = tx(em -> fromQuote(em, quote, values, caller, lineIds));
        } catch (RuntimeException e) {
            c.release(quote.id(), QuoteConversions.ORDER, caller);
            throw e;
        }
        c.converted(quote.id(), QuoteConversions.ORDER, order.getId(), caller);
        post(Action.CREATED, order.getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, values.keySet().toArray(String[]::new)));
        created(events, OrderTypes.LINE.name(), lineIds, caller);
        return order;
    }

    /**
     * Records of another type of the module written in one of this store's transactions (an order's lines from its
     * quote): the list index and the listeners hear of them as of records created through their own store.
     */
    static void created(EventAdmin events, String entity, List<String> ids, Caller caller) {
        if (ids.isEmpty()) {
            return;
        }
        events.sendEvent(new Event(DomainEvents.COMMITTED_TOPIC, Map.of(DomainEvents.ENTITY, entity, DomainEvents.IDS,
                ids.toArray(String[]::new))));
        for (String id : ids) {
            events.postEvent(new Event(DomainEvents.topic(entity, Action.CREATED), Map.of(DomainEvents.ENTITY, entity, DomainEvents.ID, id,
                    DomainEvents.USER_ID, caller.userId(), DomainEvents.CHANGED_FIELDS, new String[0])));
        }
    }

    private SalesOrder fromQuote(EntityManager em, QuoteConversions.ClaimedQuote quote, Map<String, Object> values, Caller caller,
            List<String> lineIds) {
        SalesOrder o = new SalesOrder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            OrderTypes.ORDER.field(e.getKey()).filter(f -> !f.isReadOnly()).ifPresent(f -> f.set(o, e.getValue()));
        }
        Instant now = now();
        o.initialise(RecordIds.next(), now, caller);
        o.setQuoteId(quote.id());
        o.setAccountId(quote.accountId());
        if (o.getOpportunityId() == null) {
            o.setOpportunityId(quote.opportunityId());
        }
        if (o.getContactId() == null) {
            o.setContactId(quote.contactId());
        }
        if (o.getSubject() == null) {
            o.setSubject(quote.subject());
        }
        if (o.getTerms() == null) {
            o.setTerms(quote.terms());
        }
        o.setCurrency(quote.currency());
        o.setExchangeRate(quote.exchangeRate());
        o.setShipping(quote.shipping());
        o.setShippingTaxRate(quote.shippingTaxRate());
        o.setAdjustment(quote.adjustment());
        prepare(o, caller);
        List<SalesOrderLine> lines = new ArrayList<>();
        long position = 0;
        for (QuoteConversions.Line ql : quote.lines()) {
            SalesOrderLine l = new SalesOrderLine();
            l.initialise(RecordIds.next(), now, caller);
            l.setOwnerId(o.getOwnerId());
            l.setSalesOrderId(o.getId());
            l.setPosition(++position);
            l.setProductId(ql.productId());
            l.setProductName(ql.productName());
            l.setQuantity(ql.quantity());
            l.setUnitPrice(ql.unitPrice());
            l.setResolvedPrice(ql.unitPrice());
            l.setPriceExplanation("quote " + quote.number() + " revision " + quote.revision());
            l.setDiscountPercent(ql.discountPercent());
            l.setDiscountAmount(ql.discountAmount());
            l.setTaxRate(ql.taxRate());
            l.setDeliveredQuantity(BigDecimal.ZERO);
            l.setInvoicedQuantity(BigDecimal.ZERO);
            Catalog cat = catalog;
            Optional<Catalog.Item> item = cat == null ? Optional.empty() : cat.item(ql.productId());
            item.ifPresent(i -> {
                l.setSku(i.sku());
                l.setUnit(i.unit());
                l.setListPrice(i.listPrice());
            });
            lines.add(l);
        }
        return persistNew(em, o, lines, caller, now, lineIds);
    }

    /** A new order and its lines, with their totals and their first history rows, in the caller's transaction. */
    private static SalesOrder persistNew(EntityManager em, SalesOrder o, List<SalesOrderLine> lines, Caller caller, Instant now,
            List<String> lineIds) {
        OrderAmounts.computeTotals(o, lines);
        o.beforeSave();
        em.persist(o);
        em.persist(new RecordChangeRow(OrderTypes.ORDER.name(), o.getId(), "CREATED", null, null, null, caller.userId(), now));
        for (SalesOrderLine l : lines) {
            l.beforeSave();
            em.persist(l);
            em.persist(new RecordChangeRow(OrderTypes.LINE.name(), l.getId(), "CREATED", null, null, null, caller.userId(), now));
            lineIds.add(l.getId());
        }
        em.flush();
        return o;
    }

    @Override
    protected void beforeCreate(EntityManager em, SalesOrder o, Caller caller) {
        if (o.getContractId() != null) {
            String account = value("Contract", "contractId", o.getContractId(), "accountId");
            take(o, account, "contract");
            if (o.getCurrency() == null) {
                o.setCurrency(value("Contract", "contractId", o.getContractId(), "currency"));
            }
        }
        if (o.getOpportunityId() != null) {
            String account = value("Opportunity", "opportunityId", o.getOpportunityId(), "accountId");
            take(o, account, "opportunity");
            if (o.getCurrency() == null) {
                o.setCurrency(value("Opportunity", "opportunityId", o.getOpportunityId(), "currency"));
            }
            String owner = value("Opportunity", "opportunityId", o.getOpportunityId(), "ownerId");
            if (owner != null && caller.userId().equals(o.getOwnerId())) {
                o.setOwnerId(owner); // the order belongs to the opportunity's rep unless the caller named an owner
            }
        }
        if (o.getAccountId() == null) {
            throw AtriumException.invalid("accountId", "order-account-required", "is required (or a quote, contract or opportunity with an account)");
        }
        prepare(o, caller);
        OrderAmounts.computeTotals(o, List.of());
    }

    private static void take(SalesOrder o, String account, String from) {
        if (o.getAccountId() == null) {
            o.setAccountId(account);
        } else if (account != null && !account.equals(o.getAccountId())) {
            throw AtriumException.invalid("accountId", "account-differs", "the " + from + " is with account " + account
                    + "; leave the account out to take it over", from, account);
        }
    }

    /** Defaults and checks of a new order, whichever way it is made. */
    private void prepare(SalesOrder o, Caller caller) {
        if (o.getCurrency() == null) {
            o.setCurrency(DEFAULT_CURRENCY);
        }
        if (o.getExchangeRate() == null) {
            o.setExchangeRate(BigDecimal.ONE);
        }
        if (o.getOrderDate() == null) {
            o.setOrderDate(LocalDate.now());
        }
        checkFields(o);
        o.setNumber(numbers.next(OrderTypes.SERIES));
        o.setStatus(OrderTypes.DRAFT);
        o.setInvoicedAmount(BigDecimal.ZERO);
    }

    private static void checkFields(SalesOrder o) {
        if (o.getExchangeRate() != null && o.getExchangeRate().signum() <= 0) {
            throw AtriumException.invalidField("exchangeRate", "must be greater than 0");
        }
        if (o.getPaymentTermDays() != null && (o.getPaymentTermDays() < 0 || o.getPaymentTermDays() > 3650)) {
            throw AtriumException.invalidField("paymentTermDays", "must be between 0 and 3650");
        }
        if (o.getInvoicePaymentTermDays() != null && (o.getInvoicePaymentTermDays() < 0 || o.getInvoicePaymentTermDays() > 3650)) {
            throw AtriumException.invalidField("invoicePaymentTermDays", "must be between 0 and 3650");
        }
        if (o.getInvoiceFrequency() == null && (o.getInvoiceStart() != null || o.getInvoiceEnd() != null)) {
            throw AtriumException.invalid("invoiceFrequency", "schedule-frequency-required", "is required for a recurring invoicing schedule");
        }
        if (o.getInvoiceStart() != null && o.getInvoiceEnd() != null && o.getInvoiceEnd().isBefore(o.getInvoiceStart())) {
            throw AtriumException.invalid("invoiceEnd", "schedule-end-before-start", "is before the schedule's start " + o.getInvoiceStart(),
                    o.getInvoiceStart());
        }
    }

    @Override
    protected void beforeUpdate(EntityManager em, SalesOrder o, Set<String> changed, Caller caller) {
        if (OrderTypes.CANCELLED.equals(o.getStatus())) {
            throw AtriumException.conflict("order-cancelled", "sales order " + o.getNumber() + " is cancelled and takes nothing more")
                    .localized("order-cancelled", o.getNumber());
        }
        if (changed.contains("quoteId")) {
            throw AtriumException.invalid("quoteId", "order-quote-fixed", "an order's quote is chosen when it is made (POST .../quotes/{id}/convert-to-order)");
        }
        List<String> commercial = changed.stream().filter(COMMERCIAL::contains).toList();
        if (!commercial.isEmpty() && !OrderTypes.DRAFT.equals(o.getStatus())) {
            throw frozen(o, commercial.toString());
        }
        if (changed.contains("currency") && o.getLineCount() != null && o.getLineCount() > 0) {
            throw AtriumException.conflict("currency-fixed", "the order has lines priced in its currency; remove them first")
                    .localized("order-currency-fixed");
        }
        checkFields(o);
        if (changed.stream().anyMatch(SCHEDULE::contains) && OrderTypes.OPEN.contains(o.getStatus())) {
            o.setNextInvoiceDate(firstRun(o));
        }
        OrderAmounts.computeTotals(o, lines(em, o.getId()));
    }

    private static LocalDate firstRun(SalesOrder o) {
        if (o.getInvoiceFrequency() == null) {
            return null;
        }
        return o.getInvoiceStart() != null ? o.getInvoiceStart() : LocalDate.now();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String value(String entity, String field, String id, String wanted) {
        Optional<RecordStore<?>> store = stores.byName(entity);
        if (store.isEmpty()) {
            throw AtriumException.invalid(field, "reference-module-disabled", "refers to " + entity + ", whose module is not enabled", entity);
        }
        RecordStore raw = store.get();
        Optional<Record> record = raw.find(id);
        if (record.isEmpty()) {
            throw AtriumException.invalid(field, "reference-not-found", "no " + entity + " with id " + id, entity, id);
        }
        if ("ownerId".equals(wanted)) {
            return record.get().getOwnerId();
        }
        Object v = raw.type().field(wanted).map(f -> ((FieldDef) f).get(record.get())).orElse(null);
        return v == null ? null : v.toString();
    }

    static List<SalesOrderLine> lines(EntityManager em, String orderId) {
        return em.createQuery("SELECT l FROM SalesOrderLine l WHERE l.salesOrderId = :o AND l.deletedAt IS NULL ORDER BY l.position, l.createdAt",
                SalesOrderLine.class).setParameter("o", orderId).getResultList();
    }

    static AtriumException frozen(SalesOrder o, String what) {
        return AtriumException.conflict("order-frozen", "sales order " + o.getNumber() + " is " + o.getStatus()
                + ": its lines and amounts are frozen (" + what + ")").with("currentStatus", o.getStatus())
                .localized("order-frozen", o.getNumber(), o.getStatus(), what);
    }

    static void expect(SalesOrder o, String action, String... statuses) {
        for (String s : statuses) {
            if (s.equals(o.getStatus())) {
                return;
            }
        }
        throw AtriumException.conflict("order-status", "cannot " + action + " sales order " + o.getNumber() + " in status "
                + o.getStatus() + "; it must be " + String.join(" or ", statuses)).with("currentStatus", o.getStatus())
                .localized("order-status", action, o.getNumber(), o.getStatus(), List.of(statuses));
    }

    /** Thrown inside the confirmation's transaction to roll it back; the figures are then recorded on their own. */
    private static final class Refused extends AtriumException {
        private static final long serialVersionUID = 1L;
        final transient CreditRules.Decision decision;
        final String unitId;

        Refused(CreditRules.Decision decision, String unitId) {
            super(409, "credit-refused", "Conflict", decision.reason(), null);
            this.decision = decision;
            this.unitId = unitId;
        }
    }

    /**
     * Draft → confirmed when the credit check passes; else refused (409 with the figures, which are kept on the order)
     * or held for approval, per configuration. The check holds the lock of the account's credit unit (or its own
     * credit row) until commit: of two orders racing for the last credit, the second sees the first's amount.
     */
    SalesOrder confirm(String id, Caller caller) {
        CreditRules.Decision[] held = new CreditRules.Decision[1];
        SalesOrder order;
        try {
            order = updateBySystem(id, caller, (em, o) -> {
                expect(o, "confirm", OrderTypes.DRAFT);
                if (o.getLineCount() == null || o.getLineCount() == 0) {
                    throw AtriumException.conflict("order-empty", "sales order " + o.getNumber() + " has no lines to confirm")
                            .localized("order-empty", o.getNumber());
                }
                CreditCheck.Result check = CreditCheck.run(em, o, receivables);
                record(o, check);
                if (check.decision() == null || check.decision().passed()) {
                    confirmed(o);
                } else if (settings.approval()) {
                    Approvals.Route route = approvals.route(new Approvals.Subject(OrderTypes.ORDER.name(), o.getId(), o.getOwnerId(),
                            o.getGrandTotal(), o.getCurrency(), BigDecimal.ZERO));
                    o.setStatus(OrderTypes.HELD);
                    o.setApproverId(route.approverId());
                    o.setDecisionComment(null);
                    o.setDecidedBy(null);
                    o.setDecidedAt(null);
                    held[0] = check.decision();
                } else {
                    throw new Refused(check.decision(), check.unitId());
                }
            }, STATE_FIELDS);
        } catch (Refused r) {
            updateBySystem(id, caller, (em, o) -> record(o, new CreditCheck.Result(r.decision, r.unitId)), STATE_FIELDS);
            throw refusal(r.decision, id);
        }
        if (held[0] != null) {
            announce(CommerceEvents.SALES_ORDER_HELD, order, caller, Map.of(CommerceEvents.REASON, held[0].reason()));
        } else {
            announce(CommerceEvents.SALES_ORDER_CONFIRMED, order, caller, Map.of());
        }
        return order;
    }

    private static void confirmed(SalesOrder o) {
        o.setStatus(OrderTypes.CONFIRMED);
        o.setConfirmedAt(now());
        o.setNextInvoiceDate(firstRun(o));
    }

    private static void record(SalesOrder o, CreditCheck.Result check) {
        CreditRules.Decision d = check.decision();
        o.setCreditCheckedAt(now());
        o.setCreditUnitId(check.unitId());
        if (d == null) {
            o.setCreditCheck(OrderTypes.CREDIT_NOT_CONFIGURED);
            o.setCreditLimit(null);
            o.setCreditExposure(null);
            o.setCreditOverdueSince(null);
            o.setCreditReason("no credit limit is set for account " + o.getAccountId());
            return;
        }
        o.setCreditCheck(switch (d.outcome()) {
            case PASSED -> OrderTypes.CREDIT_PASSED;
            case OVER_LIMIT -> OrderTypes.CREDIT_OVER_LIMIT;
            case OVERDUE -> OrderTypes.CREDIT_OVERDUE;
        });
        o.setCreditLimit(d.limit());
        o.setCreditExposure(d.exposure());
        o.setCreditOverdueSince(d.overdueSince());
        o.setCreditReason(d.reason());
    }

    private static AtriumException refusal(CreditRules.Decision d, String id) {
        boolean overdue = d.outcome() == CreditRules.Outcome.OVERDUE;
        AtriumException e = AtriumException.conflict(overdue ? "credit-overdue" : "credit-limit-exceeded", "sales order " + id
                + " is not confirmed: " + d.reason());
        if (overdue) {
            e.localized("credit-overdue", id, d.overdueSince(), d.termDays());
        } else {
            BigDecimal after = d.exposure().add(d.orderAmount());
            e.localized("credit-limit-exceeded", id, d.exposure().toPlainString(), d.orderAmount().toPlainString(), after.toPlainString(),
                    d.currency(), d.limit().toPlainString(), after.subtract(d.limit()).toPlainString());
        }
        e.with("limit", d.limit() == null ? null : d.limit().toPlainString());
        e.with("exposure", d.exposure().toPlainString());
        e.with("orderAmount", d.orderAmount().toPlainString());
        e.with("overBy", d.limit() == null ? null : d.exposure().add(d.orderAmount()).subtract(d.limit()).max(BigDecimal.ZERO).toPlainString());
        if (d.overdueSince() != null) {
            e.with("overdueSince", d.overdueSince().toString());
        }
        return e;
    }

    boolean mayDecide(SalesOrder o, Caller caller) {
        return o.getApproverId() == null ? caller.administrator() : approvals.mayDecide(caller.userId(), o.getApproverId());
    }

    /** A credit hold decided: approved → confirmed (the approver takes the risk), rejected → back to draft. */
    SalesOrder decide(String id, boolean approve, String comment, Caller caller) {
        if (!approve && (comment == null || comment.isBlank())) {
            throw AtriumException.invalid("comment", "rejection-reason", "a rejection needs the reason, for the order's owner");
        }
        SalesOrder order = updateBySystem(id, caller, (em, o) -> {
            expect(o, approve ? "approve" : "reject", OrderTypes.HELD);
            if (!mayDecide(o, caller)) {
                throw AtriumException.forbidden("sales order " + o.getNumber() + " waits for the credit approval of "
                        + (o.getApproverId() == null ? "an administrator" : "user " + o.getApproverId())
                        + "; only that user, someone above them in the role hierarchy or an administrator may decide")
                        .localized("order-approver-only", o.getNumber());
            }
            o.setDecisionComment(comment == null || comment.isBlank() ? null : comment.strip());
            o.setDecidedBy(caller.userId());
            o.setDecidedAt(now());
            if (approve) {
                o.setCreditCheck(OrderTypes.CREDIT_APPROVED);
                confirmed(o);
            } else {
                o.setStatus(OrderTypes.DRAFT);
            }
        }, STATE_FIELDS);
        if (approve) {
            announce(CommerceEvents.SALES_ORDER_CONFIRMED, order, caller, comment == null ? Map.of() : Map.of(CommerceEvents.REASON, comment));
        }
        return order;
    }

    /** The order made for an outside source's order, if any. */
    Optional<SalesOrder> byExternal(String source, String externalId) {
        return tx(em -> {
            ExternalOrderKey key = em.find(ExternalOrderKey.class, ExternalOrderKey.of(source, externalId));
            return key == null ? Optional.<SalesOrder>empty() : Optional.ofNullable(em.find(SalesOrder.class, key.getSalesOrderId()));
        });
    }

    /**
     * An order from outside (see {@link org.atriumcrm.orders.api.ExternalOrders}): checked whole before anything is
     * written, then the order and its lines in one transaction; a competitor that wrote the same source and external
     * id first makes this one's commit fail on the unique key, and its order is the answer.
     */
    org.atriumcrm.orders.api.ExternalOrders.Placed placeExternal(org.atriumcrm.orders.api.ExternalOrders.Order in, Caller caller) {
        Optional<SalesOrder> before = byExternal(in.source(), in.externalId());
        if (before.isPresent()) {
            return placed(before.get(), false);
        }
        if (in.lines().isEmpty()) {
            throw AtriumException.invalid("lines", "order-lines-required", "an order from outside needs at least one line");
        }
        // the customers' module decides whether they exist (with it disabled, no account can be checked or matched)
        if (stores.byName("Account").isPresent()) {
            value("Account", "accountId", in.accountId(), "ownerId");
        }
        if (in.contactId() != null && stores.byName("Contact").isPresent()) {
            value("Contact", "contactId", in.contactId(), "ownerId");
        }
        Catalog cat = catalog;
        if (cat == null) {
            throw AtriumException.invalid("lines", "reference-module-disabled", "refers to Product, whose module is not enabled", "Product");
        }
        List<Catalog.Item> items = new ArrayList<>();
        for (int i = 0; i < in.lines().size(); i++) {
            org.atriumcrm.orders.api.ExternalOrders.Line l = in.lines().get(i);
            String field = "lines[" + i + "]";
            items.add(cat.item(l.productId()).orElseThrow(() -> AtriumException.invalid(field + ".productId", "reference-not-found",
                    "no Product with id " + l.productId(), "Product", l.productId())));
            if (l.quantity().signum() <= 0) {
                throw AtriumException.invalidField(field + ".quantity", "must be greater than 0");
            }
            if (l.unitPrice() != null && l.unitPrice().signum() < 0) {
                throw AtriumException.invalidField(field + ".unitPrice", "must not be negative");
            }
        }
        List<String> lineIds = new ArrayList<>();
        SalesOrder order;
        try {
            order = tx(em -> fromExternal(em, in, items, caller, lineIds));
        } catch (RuntimeException e) {
            Optional<SalesOrder> winner = byExternal(in.source(), in.externalId());
            if (winner.isPresent()) {
                return placed(winner.get(), false);
            }
            throw e;
        }
        post(Action.CREATED, order.getId(), caller, Map.of(DomainEvents.CHANGED_FIELDS, new String[0]));
        created(events, OrderTypes.LINE.name(), lineIds, caller);
        if (in.confirm()) {
            try {
                order = confirm(order.getId(), caller);
            } catch (AtriumException e) {
                // the order stays a draft for a person to look at (a credit check that holds it is no failure here)
                org.slf4j.LoggerFactory.getLogger(SalesOrderStore.class).info("order {} from {} stays a draft: {}", order.getNumber(),
                        in.source(), e.getMessage());
                order = byExternal(in.source(), in.externalId()).orElse(order);
            }
        }
        return placed(order, true);
    }

    private static org.atriumcrm.orders.api.ExternalOrders.Placed placed(SalesOrder o, boolean created) {
        return new org.atriumcrm.orders.api.ExternalOrders.Placed(o.getId(), o.getNumber(), o.getStatus(), created);
    }

    private SalesOrder fromExternal(EntityManager em, org.atriumcrm.orders.api.ExternalOrders.Order in, List<Catalog.Item> items,
            Caller caller, List<String> lineIds) {
        SalesOrder o = new SalesOrder();
        Instant now = now();
        o.initialise(RecordIds.next(), now, caller);
        if (in.ownerId() != null) {
            o.setOwnerId(in.ownerId());
        }
        o.setExternal(in.source(), in.externalId(), in.externalNumber());
        o.setAccountId(in.accountId());
        o.setContactId(in.contactId());
        o.setSubject(in.subject() != null ? in.subject() : in.externalNumber() != null ? in.externalNumber() : in.externalId());
        o.setCurrency(in.currency());
        o.setOrderDate(in.orderDate());
        o.setBillingAddress(in.billingAddress());
        o.setShippingAddress(in.shippingAddress());
        o.setShipping(in.shipping());
        o.setDescription(in.description());
        prepare(o, caller);
        List<SalesOrderLine> lines = new ArrayList<>();
        long position = 0;
        for (int i = 0; i < in.lines().size(); i++) {
            org.atriumcrm.orders.api.ExternalOrders.Line el = in.lines().get(i);
            Catalog.Item item = items.get(i);
            SalesOrderLine l = new SalesOrderLine();
            l.initialise(RecordIds.next(), now, caller);
            l.setOwnerId(o.getOwnerId());
            l.setSalesOrderId(o.getId());
            l.setPosition(++position);
            l.setProductId(item.id());
            l.setProductName(item.name());
            l.setSku(item.sku());
            l.setUnit(item.unit());
            l.setListPrice(item.listPrice());
            l.setQuantity(el.quantity());
            BigDecimal price = el.unitPrice() != null ? el.unitPrice() : item.listPrice();
            l.setUnitPrice(price);
            l.setResolvedPrice(price);
            l.setPriceExplanation(el.unitPrice() != null ? "charged at the source " + in.source() : "list price");
            l.setDiscountAmount(el.discountAmount());
            l.setTaxRate(item.taxRate());
            l.setDescription(el.description());
            l.setDeliveredQuantity(BigDecimal.ZERO);
            l.setInvoicedQuantity(BigDecimal.ZERO);
            lines.add(l);
        }
        // the claim first: a competitor's committed claim fails this flush before any other row is written
        em.persist(new ExternalOrderKey(in.source(), in.externalId(), o.getId(), now));
        em.flush();
        return persistNew(em, o, lines, caller, now, lineIds);
    }

    /** Cancels the order made for an outside order: false when there is none or it is cancelled already. */
    boolean cancelExternal(String source, String externalId, String reason, Caller caller) {
        Optional<SalesOrder> o = byExternal(source, externalId);
        if (o.isEmpty() || OrderTypes.CANCELLED.equals(o.get().getStatus())) {
            return false;
        }
        cancel(o.get().getId(), reason, caller);
        return true;
    }

    /** Draft, held or confirmed with nothing delivered → cancelled (409 once anything was delivered or invoiced). */
    SalesOrder cancel(String id, String reason, Caller caller) {
        SalesOrder order = updateBySystem(id, caller, (em, o) -> {
            expect(o, "cancel", OrderTypes.DRAFT, OrderTypes.HELD, OrderTypes.CONFIRMED);
            for (SalesOrderLine l : lines(em, id)) {
                if (FulfilmentService.zero(l.getDeliveredQuantity()).signum() > 0 || FulfilmentService.zero(l.getInvoicedQuantity()).signum() > 0) {
                    throw AtriumException.conflict("order-fulfilled", "sales order " + o.getNumber() + " has deliveries or invoices;"
                            + " cancel those first").with("currentStatus", o.getStatus()).localized("order-fulfilled", o.getNumber());
                }
            }
            o.setStatus(OrderTypes.CANCELLED);
            o.setCancelReason(reason == null || reason.isBlank() ? null : reason.strip());
            o.setNextInvoiceDate(null);
        }, STATE_FIELDS);
        announce(CommerceEvents.SALES_ORDER_CANCELLED, order, caller, reason == null ? Map.of() : Map.of(CommerceEvents.REASON, reason));
        return order;
    }

    /** Fields changed by a statement outside the store's update (fulfilment's conditional UPDATEs). */
    void changed(String orderId, Caller caller, String... fields) {
        post(Action.UPDATED, orderId, caller, Map.of(DomainEvents.CHANGED_FIELDS, fields));
    }

    void totalsChanged(String orderId, Caller caller) {
        changed(orderId, caller, "subtotal", "discountTotal", "taxTotal", "taxBreakdown", "grandTotal", "lineCount");
    }

    /** An order-to-cash event after commit, with the order's number, account and grand total. */
    void announce(String topic, SalesOrder o, Caller caller, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(DomainEvents.ENTITY, OrderTypes.ORDER.name());
        props.put(DomainEvents.ID, o.getId());
        props.put(DomainEvents.USER_ID, caller.userId());
        props.put(CommerceEvents.NUMBER, o.getNumber());
        if (o.getAccountId() != null) {
            props.put(CommerceEvents.ACCOUNT_ID, o.getAccountId());
        }
        props.put(CommerceEvents.AMOUNT, o.getGrandTotal() == null ? "0" : o.getGrandTotal().toPlainString());
        props.put(CommerceEvents.CURRENCY, o.getCurrency());
        events.postEvent(new Event(topic, props));
    }
}
