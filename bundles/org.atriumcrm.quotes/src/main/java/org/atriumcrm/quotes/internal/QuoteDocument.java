package org.atriumcrm.quotes.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;
import org.atriumcrm.commerce.api.DocumentSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A quote as a printed 报价单: its live lines in position order, the totals and the tax per rate recomputed by
 * {@link Amounts} from those lines (the same rule that computed the stored totals, so paper and record agree), the
 * validity date and the terms. Read through the caller's secured store, so an invisible quote is a 404.
 */
@Component(service = DocumentSource.class, property = DocumentSource.ENTITY_PROPERTY + "=Quote")
public class QuoteDocument implements DocumentSource {
    private final QuoteStore quotes;
    private final AccessPolicy access;

    @Activate
    public QuoteDocument(@Reference QuoteStore quotes, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        this.quotes = quotes;
        this.access = access;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.QUOTE;
    }

    @Override
    public String entity() {
        return QuoteTypes.QUOTE.name();
    }

    @Override
    public Printable document(String id, String locale, Caller caller) {
        Quote q = access.secure(quotes, caller).find(id).orElseThrow(() -> AtriumException.notFound("no Quote with id " + id).localized("record-not-found", "Quote", id));
        List<QuoteLine> lines = quotes.inTransaction(em -> QuoteStore.lines(em, id));
        String currency = q.getCurrency();
        Amounts.Totals totals = Amounts.totals(lines.stream().map(QuoteAmounts::input).toList(), q.getShipping(), q.getShippingTaxRate(),
                q.getAdjustment(), currency);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine l = lines.get(i);
            rows.add(DocumentModel.line(l.getProductName(), l.getDescription(), l.getQuantity(), l.getUnit(), l.getUnitPrice(),
                    l.getDiscountPercent(), l.getDiscountAmount(), l.getTaxRate(), totals.lines().get(i).net(), currency));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(DocumentModel.NUMBER, q.getNumber());
        header.put(DocumentModel.DATE, q.getCreatedAt() == null ? null : q.getCreatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        header.put("subject", q.getSubject());
        header.put("revision", q.getRevision());
        if (q.getValidUntil() != null) {
            header.put("validUntil", q.getValidUntil().toString());
        }
        header.values().removeIf(java.util.Objects::isNull);
        return new Printable(new DocumentModel(header, Map.of(), Map.of(), rows, DocumentModel.totals(totals, currency),
                DocumentModel.taxes(totals), q.getTerms()), q.getAccountId(), q.getContactId());
    }
}
