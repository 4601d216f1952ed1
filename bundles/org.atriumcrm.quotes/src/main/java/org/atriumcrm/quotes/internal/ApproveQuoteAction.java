package org.atriumcrm.quotes.internal;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/v1/quotes/{id}/approve}: The approver (or someone above them, or an administrator) approves: comment (optional) */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Quote",
    RecordAction.ACTION_PROPERTY + "=approve",
    RecordAction.SUMMARY_PROPERTY + "=The approver (or someone above them, or an administrator) approves: comment (optional)"})
public class ApproveQuoteAction extends QuoteAction {

    @Activate
    public ApproveQuoteAction(@Reference QuoteStore quotes, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + QuoteTypes.MODULE + ")") ModuleGate gate) {
        super(quotes, access);
    }

    @Override
    Quote act(String id, String comment, Caller caller) {
        return quotes.decide(id, true, comment, caller);
    }

    @Override
    boolean takesComment() {
        return true;
    }

    @Override
    boolean needsEditRight() {
        return false;
    }
}
