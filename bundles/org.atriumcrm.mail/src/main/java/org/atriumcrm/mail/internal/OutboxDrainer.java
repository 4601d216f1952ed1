package org.atriumcrm.mail.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.apache.camel.builder.RouteBuilder;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.integration.api.CamelContexts;
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
 * Drains the company outbox through SMTP: a Camel route, run every poll interval, takes the entries that are due and hands each email
 * to the camel-mail SMTP producer. Retries and back-off live in the outbox table, not in Camel's in-memory
 * redelivery, so a restart or a mail server that is down for hours loses nothing; after {@code maxAttempts} an
 * email goes to the dead-letter store with the reason. The mail module owns this CamelContext.
 */
@Component(immediate = true, configurationPid = "org.atriumcrm.mail")
@Designate(ocd = MailSettings.class)
public class OutboxDrainer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final int BATCH = 20;

    private final EmailStore emails;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Session session = Session.getInstance(new Properties());
    private volatile MailSettings settings;
    private final java.util.concurrent.ScheduledExecutorService ticker;
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
        // started before the route is added: routes added to an OsgiDefaultCamelContext before start() never run
        // (the Pax Exam container logged "Routes startup (started:0)" and nothing was ever drained)
        // camel-mail runs its producer and consumer with the context's application class loader as the thread's context
        // class loader, and Jakarta Mail finds its content handlers (META-INF/mailcap) through that: it must be the mail
        // bundle's, or every multipart (text + HTML, attachments) fails with UnsupportedDataTypeException
        camel.setApplicationContextClassLoader(javax.mail.Session.class.getClassLoader());
        camel.start();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:mail-outbox").routeId("mail-outbox").process(e -> drain());
            }
        });
        producer = camel.createProducerTemplate();
        // the pace comes from our own scheduler rather than camel-timer: a timer consumer started while Karaf
        // refreshes bundles (the boot of a test container, a KAR install) was seen never to fire
        long period = Math.max(100, settings.pollMillis());
        ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atrium-mail-outbox");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 500, period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Modified
    void configure(MailSettings changed) {
        this.settings = changed;
        LOG.info("company outbox {} now sends through {}:{}", System.identityHashCode(this), changed.smtpHost(), changed.smtpPort());
    }

    @Deactivate
    void stop() {
        ticker.shutdownNow();
        camel.stop();
    }

    /**
     * One pass, whatever happens in it: an {@code Error} escaping a periodic task cancels it for good (and kills a
     * camel-timer thread), which is what happened while Karaf refreshed bundles at start-up (NoClassDefFoundError)
     * — the outbox then silently stopped draining. So every Throwable is caught here.
     */
    private void tick() {
        try {
            producer.sendBody("direct:mail-outbox", null);
        } catch (Throwable e) {
            if (!ticker.isShutdown()) { // an interrupted pass while the module stops is expected
                LOG.warn("outbox pass failed; the next one tries again", e);
            }
        }
    }

    /** One pass over the due entries; each email is delivered or rescheduled on its own. */
    void drain() {
        MailSettings s = settings;
        LOG.debug("outbox pass of {} through {}:{}", System.identityHashCode(this), s.smtpHost(), s.smtpPort());
        if (s.smtpHost() == null || s.smtpHost().isBlank()) {
            return; // no mail server configured: mail waits in the outbox
        }
        int allowed = rate.allowance(s.maxPerMinute(), BATCH);
        if (allowed == 0) {
            return; // the minute's allowance is spent: the rest waits, in the table
        }
        java.util.List<MailOutboxEntry> due = emails.due(allowed);
        if (due.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debug("outbox: nothing due ({})", emails.pendingSummary());
        }
        for (MailOutboxEntry entry : due) {
            Email email = emails.email(entry.getEmailId());
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            // JavaMail finds its content handlers (META-INF/mailcap) through the context class loader; in OSGi that
            // must be the mail bundle's, or every text part fails with UnsupportedDataTypeException
            thread.setContextClassLoader(Session.class.getClassLoader());
            try {
                rate.attempted();
                String messageId = send(email, s);
                emails.delivered(entry.getId(), messageId);
                LOG.info("email {} handed to {}:{} as {}", email.getId(), s.smtpHost(), s.smtpPort(), messageId);
            } catch (Exception e) {
                String reason = rootMessage(e);
                LOG.info("email {} not delivered (attempt {}): {}", email.getId(), entry.getAttempts() + 1, reason);
                emails.failed(entry.getId(), reason, Math.max(1, s.maxAttempts()), Math.max(1, s.firstRetrySeconds()));
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
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
            throw new MessagingException(rootMessage(result.getException()), result.getException());
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
