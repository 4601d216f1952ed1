package org.atriumcrm.printing.internal;

import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentMail;
import org.atriumcrm.commerce.api.DocumentModel;
import org.atriumcrm.commerce.api.DocumentRenderer;
import org.atriumcrm.mail.api.OutboundMail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@link DocumentMail} through the mail module's outbox. The mail service is optional: printing works without
 * the mail module, and a document mailed while it is disabled is a 409 rather than lost silently.
 */
@Component(service = {DocumentMail.class, DocumentMailer.class})
public class DocumentMailer implements DocumentMail {
    private final DocumentRenderer renderer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile OutboundMail mail;

    @Activate
    public DocumentMailer(@Reference DocumentRenderer renderer,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        this.renderer = renderer;
    }

    @Override
    public String send(DocumentKind kind, String locale, DocumentModel model, Message message, Caller caller) {
        OutboundMail outbox = outbox();
        return queue(outbox, kind, locale, model, renderer.render(kind, locale, model), message, caller);
    }

    /** The mail module's outbox, or the 409 that says it is off (before anything is rendered or stored). */
    OutboundMail outbox() {
        OutboundMail outbox = mail;
        if (outbox == null) {
            throw AtriumException.conflict("mail-unavailable", "the mail module is not enabled: the document cannot be emailed")
                    .localized("mail-unavailable");
        }
        return outbox;
    }

    /** Queues {@code pdf}, already printed from {@code model}: the copy kept with the record is the one the customer gets. */
    String queue(OutboundMail outbox, DocumentKind kind, String locale, DocumentModel model, byte[] pdf, Message message, Caller caller) {
        String title = title(kind, locale, model);
        String fileName = message.fileName() != null ? message.fileName() : fileName(title);
        return outbox.queue(new OutboundMail.Message(message.to(), message.subject() == null ? title : message.subject(), message.text(),
                message.contactId(), message.accountId(), List.of(new OutboundMail.Attachment(fileName, "application/pdf", pdf))), caller);
    }

    /** "报价单 QUO-2026-000042": the document's title in its language and its number. */
    static String title(DocumentKind kind, String locale, DocumentModel model) {
        Object number = model.header().get(DocumentModel.NUMBER);
        return kind.title(locale) + (number == null ? "" : " " + number);
    }

    /** {@code title} as a file name: characters file systems refuse and spaces become dashes. */
    static String fileName(String title) {
        return title.replaceAll("[\\\\/:*?\"<>|\\s]+", "-") + ".pdf";
    }
}
