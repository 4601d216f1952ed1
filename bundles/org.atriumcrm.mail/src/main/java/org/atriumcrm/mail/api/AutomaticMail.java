package org.atriumcrm.mail.api;

import org.osgi.annotation.versioning.ProviderType;
import java.time.Instant;

import org.atriumcrm.api.security.Caller;

/**
 * Emails a module sends on its own, e.g. a workflow's "send the welcome mail": a template rendered for one
 * contact, lead or account and put into the company outbox, now or at a later time (a scheduled email is an
 * outbox entry that falls due then; its content is rendered when it is scheduled). Failures the caller can fix
 * (unknown or inactive template, a record the caller may not see, no address, the person does not want email)
 * are {@link org.atriumcrm.api.error.AtriumException}s.
 */
@ProviderType
public interface AutomaticMail {

    /** Renders {@code templateId} for {@code recordId} as {@code caller} sees it and queues it; the new email's id. */
    String send(String templateId, String recordId, Caller caller);

    /** As {@link #send}, delivered at {@code sendAt} (now when it is past); the new email's id. */
    String schedule(String templateId, String recordId, Instant sendAt, Caller caller);

    /** As {@link #schedule(String, String, Instant, Caller)} on behalf of the platform ({@link Caller#SYSTEM}). */
    default String schedule(String templateId, String recordId, Instant sendAt) {
        return schedule(templateId, recordId, sendAt, Caller.SYSTEM);
    }
}
