package org.atriumcrm.quotes.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.event.DomainEvents.Action;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.commerce.api.Catalog;
import org.atriumcrm.commerce.api.DocumentLines;
import org.atriumcrm.commerce.api.PriceResolver;
import org.atriumcrm.commerce.api.StockLevels;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.RecordChangeRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

/**
 * Quote lines. A line names a product or service of the catalog (active, in the recycle bin not); its list price,
 * tax rate and name come from the catalog, its price from the price resolution (when the pricing module is there,
 * with the explanation kept on the line), overridable by the rep; its amounts and the quote's totals are recomputed
 * in the same transaction as every add, change and removal. Only a draft quote's lines change (409 otherwise).
 */
@Component(service = {RecordStore.class, QuoteLineStore.class}, property = RecordStore.ENTITY_PROPERTY + "=QuoteLine")
public class QuoteLineStore extends JpaRecordStore<QuoteLine> {
    private final AccessPolicy access;
    private final QuoteStore quotes;
    /** Optional and dynamic: the products, pricing and inventory modules may be switched off while quotes stay. */
    private volatile Catalog catalog;
    private volatile PriceResolver prices;
    private volatile StockLevels stock;

    @Activate
    public QuoteLineStore(@Reference(target = "(osgi.unit.name=atrium.quotes)") JpaTemplate jpa, @Reference EventAdmin events,
            @Reference AccessPolicy access, @Reference QuoteStore quotes,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        super(QuoteTypes.LINE, jpa, events, QuoteTypes.ALL);
        this.access = access;
        this.quotes = quotes;
    }

    @Override
    public QuoteLine create(Map<String, Object> values, Caller caller) {
        QuoteLine line = super.create(values, caller);
        quotes.totalsChanged(line.getQuoteId(), caller);
        return line;
    }

    @Override
    public QuoteLine update(String id, Long expectedVersion, Map<String, Object> values, Caller caller) {
        QuoteLine line = super.update(id, expectedVersion, values, caller);
        quotes.totalsChanged(line.getQuoteId(), caller);
        return line;
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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setPrices(PriceResolver service) {
        prices = service;
    }

    void unsetPrices(PriceResolver service) {
        if (prices == service) {
            prices = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setStock(StockLevels service) {
        stock = service;
    }

    void unsetStock(StockLevels service) {
        if (stock == service) {
            stock = null;
        }
    }

    @Override
    protected void beforeCreate(EntityManager em, QuoteLine line, Caller caller) {
        Quote quote = editableQuote(em, line.getQuoteId(), caller);
        line.setOwnerId(quote.getOwnerId()); // lines are as visible as their quote's owner's records
        price(line, quote, true);
        List<QuoteLine> lines = new ArrayList<>(QuoteStore.lines(em, quote.getId()));
        if (line.getPosition() == null) {
            line.setPosition(lines.stream().map(QuoteLine::getPosition).filter(p -> p != null).max(Long::compare).orElse(0L) + 1);
        }
        lines.add(line);
        recompute(quote, lines, caller);
    }

    @Override
    protected void beforeUpdate(EntityManager em, QuoteLine line, Set<String> changed, Caller caller) {
        if (changed.contains("quoteId")) {
            throw AtriumException.invalid("quoteId", "line-stays-with-document", "a line stays with its quote; remove it and add it to the other quote");
        }
        Quote quote = editableQuote(em, line.getQuoteId(), caller);
        boolean repriced = changed.contains("productId") || changed.contains("quantity");
        price(line, quote, repriced && !changed.contains("unitPrice"));
        recompute(quote, QuoteStore.lines(em, quote.getId()), caller);
    }

    @Override
    public void delete(String id, Long expectedVersion, Caller caller) {
        QuoteLine deleted = tx(em -> {
            QuoteLine line = em.find(QuoteLine.class, id);
            if (line == null || line.isDeleted()) {
                throw AtriumException.notFound("no QuoteLine with id " + id).localized("record-not-found", "QuoteLine", id);
            }
            if (expectedVersion != null && expectedVersion != line.getVersion()) {
                throw AtriumException.preconditionFailed("QuoteLine " + id + " is at version " + line.getVersion() + ", not " + expectedVersion);
            }
            Quote quote = editableQuote(em, line.getQuoteId(), caller);
            line.markDeleted(now(), caller);
            em.persist(new RecordChangeRow("QuoteLine", id, "DELETED", null, null, null, caller.userId(), line.getDeletedAt()));
            List<QuoteLine> rest = new ArrayList<>(QuoteStore.lines(em, quote.getId()));
            rest.removeIf(l -> l.getId().equals(id));
            recompute(quote, rest, caller);
            em.flush();
            return line;
        });
        post(Action.DELETED, id, caller, Map.of());
        quotes.totalsChanged(deleted.getQuoteId(), caller);
    }

    @Override
    public QuoteLine restore(String id, Caller caller) {
        throw AtriumException.conflict("line-not-restorable", "a removed quote line is not restored from the recycle bin: add it to the quote again")
                .localized("line-not-restorable");
    }

    private Quote editableQuote(EntityManager em, String quoteId, Caller caller) {
        // locked until commit: two lines written at once to one quote would both total from the lines before them
        Quote quote = quoteId == null ? null : em.find(Quote.class, quoteId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        EntityAccess onQuotes = access.access(caller, QuoteTypes.QUOTE);
        if (quote == null || quote.isDeleted() || !onQuotes.read().allows(quote)) {
            throw AtriumException.invalid("quoteId", "reference-not-found", "no Quote with id " + quoteId, "Quote", quoteId);
        }
        if (!onQuotes.canChange(quote)) {
            throw AtriumException.forbidden("you may see quote " + quote.getNumber() + " but not change its lines")
                    .localized("quote-lines-read-only", quote.getNumber());
        }
        QuoteStore.open(quote);
        if (!quote.isDraft()) {
            throw QuoteStore.frozen(quote, "lines");
        }
        return quote;
    }

    /** The catalog's facts and the price of the line; {@code resetPrice} takes the resolved price as the unit price. */
    private void price(QuoteLine line, Quote quote, boolean resetPrice) {
        Catalog c = catalog;
        if (c == null) {
            if (line.getQuantity() == null || line.getQuantity().signum() <= 0) {
                throw AtriumException.invalidField("quantity", "must be greater than 0");
            }
            throw AtriumException.conflict("catalog-unavailable", "the products module is not enabled: quote lines need its catalog")
                    .localized("catalog-unavailable");
        }
        DocumentLines.Priced p = DocumentLines.price(c, prices, line.getProductId(), quote.getAccountId(), line.getQuantity(), null,
                quote.getCurrency(), "quoted");
        Catalog.Item item = p.item();
        line.setProductName(item.name());
        line.setSku(item.sku());
        line.setUnit(item.unit());
        line.setTaxRate(item.taxRate() == null ? BigDecimal.ZERO : item.taxRate());
        line.setListPrice(item.listPrice());
        line.setResolvedPrice(p.resolvedPrice());
        line.setPriceExplanation(p.explanation());
        if (resetPrice || line.getUnitPrice() == null) {
            line.setUnitPrice(line.getResolvedPrice());
        }
        line.setStockWarning(stockWarning(item, line.getQuantity()));
        QuoteAmounts.computeLine(line, quote.getCurrency());
    }

    private String stockWarning(Catalog.Item item, BigDecimal quantity) {
        StockLevels s = stock;
        if (s == null || !item.stocked()) {
            return null;
        }
        BigDecimal onHand = s.totalOnHand(item.id());
        return onHand.compareTo(quantity) < 0 ? "only " + onHand.stripTrailingZeros().toPlainString() + " on hand for "
                + quantity.stripTrailingZeros().toPlainString() + " quoted" : null;
    }

    private void recompute(Quote quote, List<QuoteLine> lines, Caller caller) {
        QuoteAmounts.computeTotals(quote, lines);
        quote.touch(now(), caller);
    }
}
