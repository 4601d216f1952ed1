package org.atriumcrm.quotes.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/quotes/{id}/revise}: A new version in draft (revision + 1, linked to this one) with a copy of the lines; this one is closed as superseded. Answers the new version */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Quote",
    RecordAction.ACTION_PROPERTY + "=revise", RecordAction.WHEN_PROPERTY + "=stage=draft,in_approval,approved,sent,accepted,rejected",
    RecordAction.SUMMARY_PROPERTY + "=A new version in draft (revision + 1, linked to this one) with a copy of the lines; this one is closed as superseded. Answers the new version"})
public class ReviseQuoteAction extends DocumentAction<Quote> {
    private final QuoteStore quotes;

    @Activate
    public ReviseQuoteAction(@Reference QuoteStore quotes, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        super(QuoteTypes.QUOTE, access);
        this.quotes = quotes;
    }

    @Override
    protected Quote act(String id, String comment, Caller caller) {
        return quotes.revise(id, caller);
    }
}
