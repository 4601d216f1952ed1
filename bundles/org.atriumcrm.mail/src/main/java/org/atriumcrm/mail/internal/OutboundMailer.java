package org.atriumcrm.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.mail.api.OutboundMail;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link OutboundMail}: the email goes through the same record checks as {@code POST /emails/send} (the caller's
 * secured metadata, references to contact and account), and its attachments are written with it.
 */
@Component(service = OutboundMail.class)
public class OutboundMailer implements OutboundMail {
    private final EmailStore emails;
    private final AccessPolicy access;
    private final OutboxSettings settings;

    @Activate
    public OutboundMailer(@Reference EmailStore emails, @Reference AccessPolicy access, @Reference OutboxSettings settings,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
        this.emails = emails;
        this.access = access;
        this.settings = settings;
    }

    @Override
    public String queue(Message message, Caller caller) {
        if (!access.access(caller, MailTypes.EMAIL).can(Right.CREATE)) {
            throw AtriumException.forbidden("your profiles do not allow you to send emails");
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (String address : message.to() == null ? List.<String>of() : message.to()) {
            try {
                InternetAddress parsed = new InternetAddress(address, true);
                parsed.validate();
                to.add(parsed.toString());
            } catch (AddressException | NullPointerException e) {
                errors.add(new FieldError("to", "is not an email address: " + address));
            }
        }
        if (to.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("to", "name at least one recipient"));
        }
        long bytes = 0;
        List<Attachment> attachments = message.attachments() == null ? List.of() : message.attachments();
        for (Attachment a : attachments) {
            bytes += a.content() == null ? 0 : a.content().length;
            if (a.content() == null || a.fileName() == null || a.fileName().isBlank()) {
                errors.add(new FieldError("attachments", "an attachment needs a file name and content"));
            }
        }
        if (bytes > MAX_ATTACHMENT_BYTES) {
            throw new AtriumException(413, "attachments-too-large", "Payload Too Large",
                    "the attachments have " + bytes + " bytes; at most " + MAX_ATTACHMENT_BYTES + " are sent", List.of());
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        ObjectNode email = JsonNodeFactory.instance.objectNode();
        email.put("toAddresses", String.join(", ", to));
        email.put("subject", message.subject() == null ? "" : message.subject());
        if (message.text() != null) {
            email.put("textBody", message.text());
        }
        if (message.contactId() != null) {
            email.put("contactId", message.contactId());
        }
        if (message.accountId() != null) {
            email.put("accountId", message.accountId());
        }
        Map<String, Object> values = RecordBodies.forCreate(access.secure(emails, caller).type(), email);
        return emails.queue(values, settings.fromAddress(), attachments, caller).getId();
    }
}
