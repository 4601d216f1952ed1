package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.junit.Test;

/** A file the outbox sends arrives as it was given: bytes and Chinese file name, read back by our own scanner's decoder. */
public class OutboundAttachmentTest {

    @Test
    public void pdfAttachmentRoundTripsThroughMime() throws Exception {
        byte[] pdf = new byte[3000];
        for (int i = 0; i < pdf.length; i++) {
            pdf[i] = (byte) (i * 31);
        }
        EmailAttachment a = new EmailAttachment();
        a.setFileName("报价单-QUO-2026-000001.pdf");
        a.setContentType("application/pdf");
        a.setContent(pdf);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("sales@atrium.example"));
        message.setRecipients(javax.mail.Message.RecipientType.TO, "wang@example.cn");
        message.setSubject("报价单", "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText("附件是报价单。", "UTF-8");
        mixed.addBodyPart(body);
        mixed.addBodyPart(OutboxDrainer.attachment(a));
        message.setContent(mixed);
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);

        InboundMessage back = InboundMessage.parse(raw.toByteArray());
        assertEquals("附件是报价单。", back.text.strip());
        assertEquals(1, back.attachments.size());
        assertEquals("报价单-QUO-2026-000001.pdf", back.attachments.get(0).fileName());
        assertEquals("application/pdf", back.attachments.get(0).contentType().split(";")[0].trim());
        assertArrayEquals(pdf, back.attachments.get(0).content());
    }
}
