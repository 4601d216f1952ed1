package org.atriumcrm.quotes.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/quotes/{id}/send}: Mark an approved quote as sent to the customer */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Quote",
    RecordAction.ACTION_PROPERTY + "=send", RecordAction.WHEN_PROPERTY + "=stage=approved,sent",
    RecordAction.SUMMARY_PROPERTY + "=Mark an approved quote as sent to the customer"})
public class SendQuoteAction extends DocumentAction<Quote> {
    private final QuoteStore quotes;

    @Activate
    public SendQuoteAction(@Reference QuoteStore quotes, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        super(QuoteTypes.QUOTE, access);
        this.quotes = quotes;
    }

    @Override
    protected Quote act(String id, String comment, Caller caller) {
        return quotes.send(id, caller);
    }
}
