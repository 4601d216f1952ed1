package org.atriumcrm.mail.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.integration.api.CamelContexts;
import org.atriumcrm.integration.api.outbox.BackOff;
import org.atriumcrm.integration.api.outbox.OutboxChannel;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The company outbox's SMTP channel: the platform's outbox drainer takes the due entries on this module's CamelContext
 * and hands each email to the camel-mail SMTP producer here. Retries, back-off and dead letters are the platform's
 * outbox (integration.api.outbox); the rate per minute and the SMTP settings are this module's.
 */
@Component(immediate = true, configurationPid = "org.atriumcrm.mail")
@Designate(ocd = MailSettings.class)
public class OutboxDrainer implements OutboxChannel<MailOutboxEntry, String> {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final int BATCH = 20;

    private final EmailStore emails;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Session session = Session.getInstance(new Properties());
    private volatile MailSettings settings;
    private final org.atriumcrm.integration.api.outbox.OutboxDrainer drainer;
    private final SendDecorations decorations;
    private final SendRate rate = new SendRate(System::currentTimeMillis);

    @Activate
    public OutboxDrainer(BundleContext context, @Reference EmailStore emails, MailSettings settings, @Reference SendDecorations decorations,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) throws Exception {
        this.emails = emails;
        this.settings = settings;
        this.decorations = decorations;
        LOG.info("company outbox sends through {}:{}", settings.smtpHost(), settings.smtpPort());
        this.camel = CamelContexts.newOsgiContext(context, "atrium-mail");
        // camel-mail runs its producer and consumer with the context's application class loader as the thread's context
        // class loader, and Jakarta Mail finds its content handlers (META-INF/mailcap) through that: it must be the mail
        // bundle's, or every multipart (text + HTML, attachments) fails with UnsupportedDataTypeException
        camel.setApplicationContextClassLoader(javax.mail.Session.class.getClassLoader());
        camel.start(); // before the route is added: routes added to an OsgiDefaultCamelContext before start() never run
        producer = camel.createProducerTemplate();
        drainer = org.atriumcrm.integration.api.outbox.OutboxDrainer.start(camel, "mail-outbox", settings.pollMillis(), this::drain);
    }

    @Modified
    void configure(MailSettings changed) {
        this.settings = changed;
        LOG.info("company outbox {} now sends through {}:{}", System.identityHashCode(this), changed.smtpHost(), changed.smtpPort());
    }

    @Deactivate
    void stop() {
        drainer.close();
        camel.stop();
    }

    /** One pass over the due entries; each email is delivered or rescheduled on its own. */
    void drain() throws InterruptedException {
        MailSettings s = settings;
        if (s.smtpHost() == null || s.smtpHost().isBlank()) {
            return; // no mail server configured: mail waits in the outbox
        }
        if (org.atriumcrm.integration.api.outbox.OutboxDrainer.pass(this, BATCH) == 0 && LOG.isDebugEnabled()) {
            LOG.debug("outbox: nothing sent ({})", emails.pendingSummary());
        }
    }

    @Override
    public int allowance(int batch) {
        return rate.allowance(settings.maxPerMinute(), batch); // the minute's allowance spent: the rest waits, in the table
    }

    @Override
    public List<MailOutboxEntry> due(int max) {
        return emails.due(max);
    }

    @Override
    public String send(MailOutboxEntry entry) throws MessagingException {
        MailSettings s = settings;
        Email email = emails.email(entry.getEmailId());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JavaMail finds its content handlers (META-INF/mailcap) through the context class loader; in OSGi that
        // must be the mail bundle's, or every text part fails with UnsupportedDataTypeException
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            rate.attempted();
            String messageId = send(email, s);
            LOG.info("email {} handed to {}:{} as {}", email.getId(), s.smtpHost(), s.smtpPort(), messageId);
            return messageId;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void delivered(MailOutboxEntry entry, String messageId) {
        emails.delivered(entry.getId(), messageId);
    }

    @Override
    public void failed(MailOutboxEntry entry, String reason) {
        MailSettings s = settings;
        emails.failed(entry.getId(), reason, BackOff.of(s.maxAttempts(), s.firstRetrySeconds()));
    }

    private String send(Email email, MailSettings s) throws MessagingException {
        String messageId = "<" + email.getId() + "." + UUID.randomUUID().toString().substring(0, 8) + "@atriumcrm>";
        // our own Message-ID, so that replies (In-Reply-To) can be threaded to this email later
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(email.getFromAddress()));
        message.setRecipients(javax.mail.Message.RecipientType.TO, InternetAddress.parse(email.getToAddresses()));
        if (email.getCcAddresses() != null && !email.getCcAddresses().isBlank()) {
            message.setRecipients(javax.mail.Message.RecipientType.CC, InternetAddress.parse(email.getCcAddresses()));
        }
        message.setSubject(email.getSubject() == null ? "" : email.getSubject(), "UTF-8");
        if (email.getInReplyTo() != null) {
            message.setHeader("In-Reply-To", email.getInReplyTo());
        }
        message.setHeader("X-Atrium-Email-Id", email.getId());
        String text = email.getTextBody() == null ? "" : email.getTextBody();
        SendDecorations.Decoration decoration = decorations.of(email);
        for (java.util.Map.Entry<String, String> header : decoration.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        java.util.List<EmailAttachment> attachments = emails.outgoingAttachments(email.getId());
        if (email.getHtmlBody() == null && attachments.isEmpty()) {
            message.setText(text, "UTF-8");
        } else if (attachments.isEmpty()) {
            message.setContent(alternative(text, decoration.html()));
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            if (email.getHtmlBody() == null) {
                body.setText(text, "UTF-8");
            } else {
                body.setContent(alternative(text, decoration.html()));
            }
            mixed.addBodyPart(body);
            for (EmailAttachment a : attachments) {
                mixed.addBodyPart(attachment(a));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        Exchange result = producer.send(smtpUri(s), exchange -> exchange.getIn().setBody(message));
        if (result.getException() != null) {
            throw new MessagingException(org.atriumcrm.integration.api.outbox.OutboxDrainer.reason(result.getException()), result.getException());
        }
        return messageId;
    }

    private static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(htmlPart);
        return alternative;
    }

    /**
     * A file as a base64 part built from its headers and encoded bytes: setting binary content the usual way needs
     * a JavaBeans Activation handler for its type (none exists for application/pdf), which the bundle does not import.
     * The file name is RFC 2047-encoded (a Chinese name arrives readable in common clients).
     */
    static MimeBodyPart attachment(EmailAttachment a) throws MessagingException {
        javax.mail.internet.InternetHeaders headers = new javax.mail.internet.InternetHeaders();
        String name;
        try {
            name = javax.mail.internet.MimeUtility.encodeText(a.getFileName() == null ? "attachment" : a.getFileName(), "UTF-8", "B");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode the file name", e);
        }
        String type = a.getContentType() == null ? "application/octet-stream" : a.getContentType();
        headers.setHeader("Content-Type", type + "; name=\"" + name + "\"");
        headers.setHeader("Content-Transfer-Encoding", "base64");
        headers.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        byte[] content = a.getContent() == null ? new byte[0] : a.getContent();
        byte[] encoded = java.util.Base64.getMimeEncoder().encode(content);
        return new MimeBodyPart(headers, encoded);
    }

    static String smtpUri(MailSettings s) {
        StringBuilder uri = new StringBuilder("ssl".equalsIgnoreCase(s.smtpSecurity()) ? "smtps://" : "smtp://")
                .append(s.smtpHost()).append(':').append(s.smtpPort()).append("?connectionTimeout=10000");
        if (s.smtpUser() != null && !s.smtpUser().isBlank()) {
            uri.append("&username=").append(URLEncoder.encode(s.smtpUser(), StandardCharsets.UTF_8))
                    .append("&password=").append(CamelContexts.raw(s.smtpPassword()));
        }
        if ("starttls".equalsIgnoreCase(s.smtpSecurity())) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }
}
