package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.Test;

/** Decoding real-world Chinese mail: GB2312 labels holding GBK characters, encoded names, RFC 2231 file names. */
public class InboundMessageTest {
    private static final Charset GBK = Charset.forName("GBK");
    // 镕 is not in GB2312: a strict GB2312 decoder turns it into a replacement character
    private static final String SUBJECT = "关于朱镕先生的报价";
    private static final String BODY = "王经理您好：\r\n附件是镕钢贸易的报价单。";

    private static String b64(String s, Charset cs) {
        return Base64.getEncoder().encodeToString(s.getBytes(cs));
    }

    @Test
    public void gb2312LabelledGbkMailDecodesCompletely() throws Exception {
        String raw = "Message-ID: <abc.123@mail.example.cn>\r\n"
                + "In-Reply-To: <01a2.x@atriumcrm>\r\n"
                + "References: <root.1@atriumcrm>\r\n <01a2.x@atriumcrm>\r\n"
                + "From: =?GB2312?B?" + b64("朱镕", GBK) + "?= <Zhu.Rong@Example.CN>\r\n"
                + "To: sales@atrium.example, =?gbk?B?" + b64("王经理", GBK) + "?= <wang@example.cn>\r\n"
                + "Cc: boss@example.cn\r\n"
                + "Subject: =?GB2312?B?" + b64(SUBJECT, GBK) + "?=\r\n"
                + "Date: Sun, 29 Nov 2026 10:00:00 +0800\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(BODY, GBK) + "\r\n"
                + "--b1\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString("%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII)) + "\r\n"
                + "--b1\r\nContent-Type: application/vnd.ms-excel; name=\"=?GB2312?B?" + b64("镕钢价格表.xls", GBK) + "?=\"\r\n"
                + "Content-Disposition: attachment; filename=\"=?GB2312?B?" + b64("镕钢价格表.xls", GBK) + "?=\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\r\n"
                + "--b1--\r\n";
        InboundMessage m = InboundMessage.parse(raw.getBytes(StandardCharsets.US_ASCII));
        assertEquals("<abc.123@mail.example.cn>", m.messageId);
        assertEquals(m.messageId, m.key);
        assertEquals("<01a2.x@atriumcrm>", m.inReplyTo);
        assertEquals(List.of("<root.1@atriumcrm>", "<01a2.x@atriumcrm>"), m.references);
        assertEquals(SUBJECT, m.subject);
        assertEquals("朱镕", m.from.getPersonal());
        assertEquals("王经理", m.to.get(1).getPersonal());
        assertEquals(BODY, m.text);
        assertNull(m.html);
        assertEquals(2, m.attachments.size());
        assertEquals("报价单.pdf", m.attachments.get(0).fileName());
        assertEquals("application/pdf", m.attachments.get(0).contentType());
        assertEquals("镕钢价格表.xls", m.attachments.get(1).fileName());
        assertEquals(3, m.attachments.get(1).content().length);
        assertEquals(Set.of("zhu.rong@example.cn", "sales@atrium.example", "wang@example.cn", "boss@example.cn"), m.allAddresses());
        assertEquals(2026, m.sentAt.atZone(java.time.ZoneOffset.UTC).getYear());
    }

    @Test
    public void utf8HtmlAlternativeAndAMessageWithoutId() throws Exception {
        String raw = "From: a@example.cn\r\nTo: b@example.cn\r\nSubject: =?UTF-8?Q?=E4=BD=A0=E5=A5=BD?= world\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n"
                + "--x\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n你好，世界\r\n"
                + "--x\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "<p>=E4=BD=A0=E5=A5=BD</p>\r\n--x--\r\n";
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        InboundMessage m = InboundMessage.parse(bytes);
        assertEquals("你好 world", m.subject);
        assertEquals("你好，世界", m.text.strip());
        assertEquals("<p>你好</p>", m.html.strip());
        assertNull(m.messageId);
        assertTrue(m.key, m.key.startsWith("sha256:"));
        assertEquals("the same bytes give the same key", m.key, InboundMessage.parse(bytes).key);
        assertTrue(m.attachments.isEmpty());
    }

    @Test
    public void gb18030BodyAndUnknownCharsetFallBack() throws Exception {
        String raw = "From: c@example.cn\r\nTo: d@example.cn\r\nSubject: plain\r\nContent-Type: text/plain; charset=GB18030\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64("𠀀 扩展字符 镕", Charset.forName("GB18030")) + "\r\n";
        assertEquals("𠀀 扩展字符 镕", InboundMessage.parse(raw.getBytes(StandardCharsets.US_ASCII)).text);
        assertEquals(StandardCharsets.UTF_8, InboundMessage.charset("x-unknown-charset"));
        assertEquals(Charset.forName("GB18030"), InboundMessage.charset("\"GB2312\""));
    }

    /** What the scanner sends to the dead-letter store instead of guessing: a multipart without its boundary. */
    @Test(expected = javax.mail.MessagingException.class)
    public void aMultipartWithoutBoundaryIsRefused() throws Exception {
        String raw = "Message-ID: <broken@example.cn>\r\nFrom: x@example.cn\r\nTo: y@example.cn\r\nSubject: broken\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno parts here\r\n";
        InboundMessage.parse(raw.getBytes(StandardCharsets.US_ASCII));
    }
}
