package org.atriumcrm.commerce.api;

import java.util.List;

import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends a printed document by email: renders it as {@link DocumentRenderer} does and queues one email with the PDF
 * attached in the mail module's company outbox (so it is retried and never lost). Without the mail module the
 * call is refused (409 {@code mail-unavailable}), printing itself works.
 */
@ProviderType
public interface DocumentMail {

    /**
     * What to send.
     *
     * @param to the recipients' addresses (at least one)
     * @param subject the subject; null for the document's title and number
     * @param text the text of the email; null for none
     * @param fileName the PDF's file name; null for {@code <title>-<number>.pdf}
     * @param accountId the account the email is filed under (correspondence history); null for none
     * @param contactId the contact the email is filed under; null for none
     */
    record Message(List<String> to, String subject, String text, String fileName, String accountId, String contactId) {
    }

    /** Renders the document and queues it for {@code caller} (who needs the right to send emails); the email's id. */
    String send(DocumentKind kind, String locale, DocumentModel model, Message message, Caller caller);
}
