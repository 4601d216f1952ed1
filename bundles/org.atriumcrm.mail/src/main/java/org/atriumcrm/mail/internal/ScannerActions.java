package org.atriumcrm.mail.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.mail.AuthenticationFailedException;
import javax.mail.Folder;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.net.ssl.SSLException;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Page;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.RecordAction;
import org.atriumcrm.rest.api.RecordBodies;
import org.atriumcrm.rest.api.RecordView;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The mail scanner's REST operations: connection test, dead-letter replay, correspondence history. */
final class ScannerActions {
    private ScannerActions() {
    }

    /**
     * {@code POST /api/v1/mailboxes/{id}/test}: logs in with Jakarta Mail and says precisely what fails — {@code dns},
     * {@code connection}, {@code timeout}, {@code tls}, {@code authentication} — or lists the folders and message counts.
     */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Mailbox", RecordAction.ACTION_PROPERTY + "=test",
        RecordAction.SUMMARY_PROPERTY + "=Test the connection and login of a scanned mailbox: ok, or the failing step (dns, connection, timeout, tls, authentication)"})
    public static class TestConnection implements RecordAction {
        private final MailboxStore boxes;

        @Activate
        public TestConnection(@Reference MailboxStore boxes,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
            this.boxes = boxes;
        }

        @Override
        public OperationSchema actionSchema() {
            return OperationSchema.noParameters("""
                    {"type": "object", "additionalProperties": false, "required": ["ok"],
                     "properties": {
                       "ok": {"type": "boolean"},
                       "folders": {"type": "array", "description": "when ok: the configured folders",
                         "items": {"type": "object", "additionalProperties": false, "required": ["name", "exists"],
                           "properties": {"name": {"type": "string"}, "exists": {"type": "boolean"},
                             "messages": {"type": "integer", "format": "int32", "description": "when it exists"}}}},
                       "problem": {"type": "string", "enum": ["dns", "connection", "timeout", "tls", "authentication", "protocol"],
                         "description": "when not ok: the step that failed"},
                       "detail": {"type": "string", "description": "when not ok: the server's or the network's message"}}}""");
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            records.find(id).orElseThrow(() -> AtriumException.notFound("no Mailbox with id " + id).localized("record-not-found", "Mailbox", id));
            Mailbox box = boxes.box(id);
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            String protocol = MailScanner.protocol(box);
            Properties p = new Properties();
            p.putAll(MailScanner.javaMailTimeouts(protocol));
            if ("starttls".equals(box.getSecurity())) {
                String base = box.isPop3() ? "pop3" : "imap";
                p.setProperty("mail." + base + ".starttls.enable", "true");
                p.setProperty("mail." + base + ".starttls.required", "true");
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(Session.class.getClassLoader());
            try (Store store = Session.getInstance(p).getStore(protocol)) {
                store.connect(box.getHost(), box.getPort().intValue(), box.getUserName(), boxes.password(box));
                answer.put("ok", true);
                ArrayNode folders = answer.putArray("folders");
                for (String name : box.getFolders().split(",")) {
                    Folder folder = store.getFolder(name.strip());
                    ObjectNode f = folders.addObject().put("name", name.strip()).put("exists", folder.exists());
                    if (folder.exists()) {
                        f.put("messages", count(folder));
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                answer.put("ok", false);
                answer.put("problem", problem(e));
                answer.put("detail", MailFiler.rootMessage(e));
            } finally {
                thread.setContextClassLoader(previous);
            }
            return answer;
        }

        /** A POP3 folder knows its messages only while open (closed, it answers -1); read-only, so nothing changes. */
        private static int count(Folder folder) throws MessagingException {
            if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            try {
                return folder.getMessageCount();
            } finally {
                folder.close(false);
            }
        }

        static String problem(Throwable e) {
            if (e instanceof AuthenticationFailedException) {
                return "authentication";
            }
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof UnknownHostException) {
                    return "dns";
                }
                if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                    return "tls";
                }
                if (t instanceof SocketTimeoutException) {
                    return "timeout";
                }
                if (t instanceof ConnectException || t instanceof IOException) {
                    return "connection";
                }
            }
            return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("starttls") ? "tls" : "protocol";
        }
    }

    /** {@code POST /api/v1/mail-scan-failures/{id}/replay}: files a dead letter again (administrators). */
    @Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=MailScanFailure", RecordAction.ACTION_PROPERTY + "=replay",
        RecordAction.SUMMARY_PROPERTY + "=File an unfiled message again, e.g. after fixing the cause; 409 when it still fails"})
    public static class Replay implements RecordAction {
        private final EmailStore emails;
        private final MailboxStore boxes;
        private final MailFiler filer;

        @Activate
        public Replay(@Reference EmailStore emails, @Reference MailboxStore boxes, @Reference MailFiler filer,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
            this.emails = emails;
            this.boxes = boxes;
            this.filer = filer;
        }

        @Override
        public OperationSchema actionSchema() {
            return OperationSchema.noParameters("""
                    {"type": "object", "additionalProperties": false, "required": ["status", "emailId"],
                     "properties": {"status": {"type": "string", "enum": ["replayed"]},
                       "emailId": {"type": "string", "format": "uuid", "description": "the email it was filed as"}}}""");
        }

        @Override
        public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
            records.find(id).orElseThrow(() -> AtriumException.notFound("no MailScanFailure with id " + id).localized("record-not-found", "MailScanFailure", id));
            MailScanFailure dead = emails.takeForReplay(id);
            Mailbox box = boxes.box(dead.getMailboxId());
            if (box == null) {
                throw AtriumException.conflict("mailbox-gone", "the mailbox of this message was purged");
            }
            try {
                String emailId = filer.replay(box, dead);
                emails.replayed(id, emailId, null);
                return Map.of("status", MailScanFailure.REPLAYED, "emailId", emailId);
            } catch (Exception e) {
                emails.deadLetterAgain(box, dead.getMessageKey());
                emails.replayed(id, null, "replay failed: " + MailFiler.rootMessage(e));
                throw AtriumException.conflict("still-failing", "the message still cannot be filed: " + MailFiler.rootMessage(e));
            }
        }
    }

    /**
     * {@code GET /api/v1/{accounts|contacts|leads|opportunities}/{id}/emails}: the correspondence history of a record,
     * newest first ({@code offset}, {@code limit}); the emails filed under it, for a caller who may read emails.
     */
    @Component(service = RecordView.class, property = {RecordView.ENTITY_PROPERTY + "=Account", RecordView.ENTITY_PROPERTY + "=Contact",
        RecordView.ENTITY_PROPERTY + "=Lead", RecordView.ENTITY_PROPERTY + "=Opportunity", RecordView.VIEW_PROPERTY + "=emails",
        RecordView.SUMMARY_PROPERTY + "=Correspondence history: emails sent to and received from this record, newest first (offset, limit)"})
    public static class History implements RecordView {
        private final EmailStore emails;
        private final AccessPolicy access;

        @Activate
        public History(@Reference EmailStore emails, @Reference AccessPolicy access,
                @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + MailTypes.MODULE + ")") ModuleGate gate) {
            this.emails = emails;
            this.access = access;
        }

        @Override
        public OperationSchema recordViewSchema() {
            return OperationSchema.json(null, """
                    {"$ref": "#/components/schemas/EmailPage"}""").withParameters("""
                    [{"name": "offset", "in": "query", "schema": {"type": "integer", "format": "int32", "minimum": 0, "default": 0}},
                     {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 500, "default": 50}}]""");
        }

        @Override
        public Object view(RecordStore<?> records, Record record, Map<String, List<String>> parameters, Caller caller) {
            if (!access.access(caller, MailTypes.EMAIL).can(Right.VIEW)) {
                throw AtriumException.forbidden("your profiles do not allow you to read emails");
            }
            int offset = number(parameters, "offset", 0, Integer.MAX_VALUE, 0);
            int limit = number(parameters, "limit", 1, 500, 50);
            Page<Email> page = emails.filedUnder(record.getId(), offset, limit);
            RecordStore<Email> secured = access.secure(emails, caller);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("items", page.items().stream().map(e -> RecordBodies.toJson(secured.type(), e)).toList());
            answer.put("total", page.total());
            answer.put("offset", offset);
            answer.put("limit", limit);
            return answer;
        }

        private static int number(Map<String, List<String>> parameters, String name, int min, int max, int fallback) {
            List<String> values = parameters.get(name);
            if (values == null || values.isEmpty()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(values.get(0));
                if (n < min || n > max) {
                    throw AtriumException.invalidField(name, "must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw AtriumException.invalidField(name, "must be a whole number");
            }
        }
    }
}
