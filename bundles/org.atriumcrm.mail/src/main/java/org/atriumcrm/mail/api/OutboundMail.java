package org.atriumcrm.mail.api;

import java.util.List;

import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An email a module composes itself (a printed document sent to the customer): written with its attachments and
 * its company-outbox entry in one transaction, then delivered by the outbox with retries, like any email sent
 * over the API. Bad addresses, a missing right to send emails and oversized attachments are
 * {@link org.atriumcrm.api.error.AtriumException}s.
 */
@ProviderType
public interface OutboundMail {
    /** At most this many bytes of attachments per email: mail servers refuse larger messages. */
    long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    /** One attached file. */
    record Attachment(String fileName, String contentType, byte[] content) {
    }

    /**
     * What to send; {@code contactId}/{@code accountId} (null for none) file the email in those records'
     * correspondence history.
     */
    record Message(List<String> to, String subject, String text, String contactId, String accountId, List<Attachment> attachments) {
    }

    /** Queues {@code message} on behalf of {@code caller}; the new email's id. */
    String queue(Message message, Caller caller);
}
