package org.atriumcrm.mail.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.AddressException;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

/**
 * A received message as the CRM files it, decoded from its raw RFC 822 bytes with Jakarta Mail. Chinese mail is
 * the hard part: mail labelled GB2312 very often holds GBK or GB18030 characters (a strict GB2312 decoder turns
 * them into '?'), so every charset of the GB family — in bodies, in RFC 2047 encoded words of subjects and names,
 * and in RFC 2231 file names — is decoded as GB18030, its superset.
 */
final class InboundMessage {
    private static final Session SESSION = session();
    private static final Pattern GB_ENCODED_WORD = Pattern.compile("=\\?(gb2312|gbk|gb_2312-80|x-gbk|cp936|euc-cn|hz-gb-2312)\\?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    final String messageId;
    final String inReplyTo;
    final List<String> references;
    final InternetAddress from;
    final List<InternetAddress> to;
    final List<InternetAddress> cc;
    final String subject;
    final Instant sentAt;
    final String text;
    final String html;
    final List<Attachment> attachments;
    /** The key of the idempotent repository: the Message-ID, or a hash of the message when it has none. */
    final String key;

    record Attachment(String fileName, String contentType, byte[] content) {
    }

    private InboundMessage(MimeMessage m, byte[] raw) throws MessagingException, IOException {
        String id = header(m, "Message-ID");
        List<String> ids = ids(id);
        this.messageId = ids.isEmpty() ? null : ids.get(0);
        List<String> replyTo = ids(header(m, "In-Reply-To"));
        this.inReplyTo = replyTo.isEmpty() ? null : replyTo.get(0);
        this.references = ids(header(m, "References"));
        List<InternetAddress> senders = addresses(m, "From");
        this.from = senders.isEmpty() ? null : senders.get(0);
        this.to = addresses(m, "To");
        this.cc = addresses(m, "Cc");
        String rawSubject = header(m, "Subject");
        this.subject = rawSubject == null ? null : decodeText(rawSubject);
        this.sentAt = m.getSentDate() == null ? null : m.getSentDate().toInstant();
        Bodies bodies = new Bodies();
        collect(m, bodies);
        this.text = bodies.text == null ? null : bodies.text.toString();
        this.html = bodies.html == null ? null : bodies.html.toString();
        this.attachments = bodies.attachments;
        this.key = messageId != null ? messageId : "sha256:" + sha256(raw);
    }

    /** Parses raw RFC 822 bytes; malformed parts are decoded leniently rather than refused. */
    static InboundMessage parse(byte[] raw) throws MessagingException, IOException {
        return new InboundMessage(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), raw);
    }

    /**
     * What can still be read of a message that does not parse — Message-ID, From, Subject from its header block —
     * so that its dead letter says what it is and a re-scan recognises it by its Message-ID.
     */
    static String[] headersOf(byte[] raw) {
        try {
            javax.mail.internet.InternetHeaders headers = new javax.mail.internet.InternetHeaders(new ByteArrayInputStream(raw));
            List<String> ids = ids(headers.getHeader("Message-ID", null));
            String from = headers.getHeader("From", null);
            String subject = headers.getHeader("Subject", null);
            return new String[] {ids.isEmpty() ? null : ids.get(0), from == null ? null : decodeText(MimeUtility.unfold(from)),
                subject == null ? null : decodeText(MimeUtility.unfold(subject))};
        } catch (MessagingException | RuntimeException e) {
            return new String[3];
        }
    }

    /** Every address of the message, lower-cased, for matching against contacts, leads and accounts. */
    Set<String> allAddresses() {
        Set<String> all = new LinkedHashSet<>();
        if (from != null) {
            all.add(from.getAddress().toLowerCase(Locale.ROOT));
        }
        to.forEach(a -> all.add(a.getAddress().toLowerCase(Locale.ROOT)));
        cc.forEach(a -> all.add(a.getAddress().toLowerCase(Locale.ROOT)));
        return all;
    }

    private static Session session() {
        Properties p = new Properties();
        // lenient decoding: real mail has encoded words inside words, unknown charsets and unquoted names
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        return Session.getInstance(p);
    }

    private static String header(Part m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null || values.length == 0 ? null : MimeUtility.unfold(values[0]);
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    /** RFC 2047 text with GB-family encoded words read as GB18030. */
    static String decodeText(String raw) {
        String widened = GB_ENCODED_WORD.matcher(raw).replaceAll("=?GB18030?");
        try {
            return MimeUtility.decodeText(widened);
        } catch (java.io.UnsupportedEncodingException e) {
            return raw;
        }
    }

    private static List<InternetAddress> addresses(MimeMessage m, String name) throws MessagingException {
        String raw = header(m, name);
        List<InternetAddress> result = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return result;
        }
        Address[] parsed;
        try {
            parsed = InternetAddress.parseHeader(raw, false);
        } catch (AddressException e) {
            return result; // an unparseable header links nothing, but the message is still filed
        }
        for (Address a : parsed) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().contains("@")) {
                String personal = ia.getPersonal() == null ? null : decodeText(personalRaw(ia));
                try {
                    result.add(new InternetAddress(ia.getAddress(), personal, "UTF-8"));
                } catch (java.io.UnsupportedEncodingException e) {
                    result.add(ia);
                }
            }
        }
        return result;
    }

    /** The personal name as it was encoded in the header (getPersonal() already decoded GB2312 strictly). */
    private static String personalRaw(InternetAddress a) {
        String s = a.toString();
        int lt = s.lastIndexOf('<');
        if (lt <= 0) {
            return a.getPersonal();
        }
        String name = s.substring(0, lt).trim();
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
            name = name.substring(1, name.length() - 1);
        }
        return name.contains("=?") ? name : a.getPersonal();
    }

    private static final class Bodies {
        StringBuilder text;
        StringBuilder html;
        final List<Attachment> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        ContentType type = contentType(part);
        String disposition = safeDisposition(part);
        String fileName = fileName(part);
        if (type.match("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, bodies);
                }
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null && !type.match("text/*")
                || fileName != null && Part.ATTACHMENT.equalsIgnoreCase(disposition);
        if (!attachment && type.match("text/plain") && bodies.text == null) {
            bodies.text = new StringBuilder(decodeBody(part, type));
        } else if (!attachment && type.match("text/html") && bodies.html == null) {
            bodies.html = new StringBuilder(decodeBody(part, type));
        } else if (type.match("message/rfc822") || attachment || fileName != null || !type.match("text/*")) {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            String name = fileName != null ? fileName : "attachment-" + (bodies.attachments.size() + 1);
            bodies.attachments.add(new Attachment(name, type.getBaseType().toLowerCase(Locale.ROOT), bytes));
        }
    }

    private static ContentType contentType(Part part) {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (Exception e) {
            try {
                return new ContentType("application/octet-stream");
            } catch (javax.mail.internet.ParseException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The file name from Content-Disposition (RFC 2231, or RFC 2047 as many Chinese clients write it) or Content-Type. */
    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                String ct = part.getContentType();
                if (ct != null) {
                    name = new ContentType(ct).getParameter("name");
                }
            }
            return name == null ? null : decodeText(name);
        } catch (Exception e) {
            return null;
        }
    }

    private static String decodeBody(Part part, ContentType type) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        return new String(bytes, charset(type.getParameter("charset")));
    }

    static Charset charset(String label) {
        if (label == null || label.isBlank()) {
            return StandardCharsets.UTF_8; // unlabelled 8-bit mail today is UTF-8 far more often than Latin-1
        }
        String l = label.trim().toLowerCase(Locale.ROOT).replace("\"", "");
        if (l.equals("gb2312") || l.equals("gbk") || l.equals("x-gbk") || l.equals("gb_2312-80") || l.equals("cp936")
                || l.equals("euc-cn") || l.equals("gb18030")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(l));
        } catch (Exception e) {
            return StandardCharsets.UTF_8;
        }
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
