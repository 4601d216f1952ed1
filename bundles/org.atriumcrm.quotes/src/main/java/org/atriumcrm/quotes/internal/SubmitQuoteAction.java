package org.atriumcrm.quotes.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.actions.DocumentAction;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/quotes/{id}/submit-for-approval}: Submit a draft for approval: approved at once when no approval rule applies, else in approval with the approver the rules and the role tree name */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Quote",
    RecordAction.ACTION_PROPERTY + "=submit-for-approval", RecordAction.WHEN_PROPERTY + "=stage=draft",
    RecordAction.SUMMARY_PROPERTY + "=Submit a draft for approval: approved at once when no approval rule applies, else in approval with the approver the rules and the role tree name"})
public class SubmitQuoteAction extends DocumentAction<Quote> {
    private final QuoteStore quotes;

    @Activate
    public SubmitQuoteAction(@Reference QuoteStore quotes, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        super(QuoteTypes.QUOTE, access);
        this.quotes = quotes;
    }

    @Override
    protected Quote act(String id, String comment, Caller caller) {
        return quotes.submit(id, caller);
    }
}
