package org.atriumcrm.quotes.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/quotes/{id}/reject-by-customer}: The customer turned the quote down: comment (optional) */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Quote",
    RecordAction.ACTION_PROPERTY + "=reject-by-customer", RecordAction.WHEN_PROPERTY + "=stage=approved,sent",
    RecordAction.SUMMARY_PROPERTY + "=The customer turned the quote down: comment (optional)"})
public class RejectByCustomerQuoteAction extends DocumentAction<Quote> {
    private final QuoteStore quotes;

    @Activate
    public RejectByCustomerQuoteAction(@Reference QuoteStore quotes, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        super(QuoteTypes.QUOTE, access);
        this.quotes = quotes;
    }

    @Override
    protected Quote act(String id, String comment, Caller caller) {
        return quotes.customerAnswer(id, false, comment, caller);
    }

    @Override
    protected boolean takesComment() {
        return true;
    }
}
