package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.error.FieldError;
import org.junit.Test;

public class TemplateRendererTest {
    private static final Set<String> KNOWN = Set.of("contact.lastName", "contact.firstName", "account.name", "sender.name", "sender.signature",
            "unsubscribeUrl");

    private static EmailTemplate template(String subject, String text, String html) {
        EmailTemplate t = new EmailTemplate();
        t.setSubject(subject);
        t.setTextBody(text);
        t.setHtmlBody(html);
        return t;
    }

    @Test
    public void rendersChineseWithNestedFieldsAndSections() {
        EmailTemplate t = template("{{account.name}}：年终回馈", "尊敬的{{contact.lastName}}{{#contact.firstName}}{{.}}{{/contact.firstName}}先生/女士：\n您好！\n{{sender.name}}",
                null);
        assertEquals(List.of(), TemplateRenderer.check(t, KNOWN));
        TemplateRenderer.Rendered r = TemplateRenderer.compile(t).render(Map.of("contact", Map.of("lastName", "张", "firstName", "三"),
                "account", Map.of("name", "上海云杉贸易有限公司"), "sender", Map.of("name", "李四")));
        assertEquals("上海云杉贸易有限公司：年终回馈", r.subject());
        assertEquals("尊敬的张三先生/女士：\n您好！\n李四", r.text());
    }

    @Test
    public void hiddenOrMissingFieldsRenderEmpty() {
        EmailTemplate t = template("Hi {{contact.firstName}}", "Dear {{contact.firstName}} {{contact.lastName}}", null);
        TemplateRenderer.Rendered r = TemplateRenderer.compile(t).render(Map.of("contact", Map.of("lastName", "Wang")));
        assertEquals("Hi", r.subject());
        assertEquals("Dear  Wang", r.text());
    }

    @Test
    public void htmlEscapesValuesButTextAndSubjectDoNot() {
        EmailTemplate t = template("{{contact.lastName}}", "{{contact.lastName}}", "<p>{{contact.lastName}}</p><p>{{sender.signature}}</p>");
        TemplateRenderer.Rendered r = TemplateRenderer.compile(t).render(Map.of("contact", Map.of("lastName", "<script>alert('x')</script>&\"李\""),
                "sender", Map.of("signature", "销售部\n电话 021-1234")));
        assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;李&quot;</p><p>销售部<br>\n电话 021-1234</p>", r.html());
        assertEquals("<script>alert('x')</script>&\"李\"", r.text());
        assertEquals("<script>alert('x')</script>&\"李\"", r.subject());
    }

    @Test
    public void subjectLosesLineBreaks() {
        EmailTemplate t = template("Hello {{contact.lastName}}", "x", null);
        assertEquals("Hello a b", TemplateRenderer.compile(t).render(Map.of("contact", Map.of("lastName", "a\r\nb"))).subject());
    }

    @Test
    public void unknownFieldsAndSyntaxErrorsAreReportedPerField() {
        EmailTemplate t = template("{{contact.lastname}}", "{{#contact.firstName}}open", "<p>{{lead.company}} {{{contact.lastName}}}</p>");
        List<FieldError> errors = TemplateRenderer.check(t, KNOWN);
        assertEquals(3, errors.size());
        assertEquals("subject", errors.get(0).field());
        assertTrue(errors.get(0).message(), errors.get(0).message().startsWith("unknown merge field {{contact.lastname}}"));
        assertEquals("textBody", errors.get(1).field());
        assertTrue(errors.get(1).message().startsWith("is not a valid template"));
        assertEquals("htmlBody", errors.get(2).field()); // unescaped values are refused outright
        assertTrue(errors.get(2).message(), errors.get(2).message().contains("non-encoded"));
        assertEquals(List.of(new FieldError("htmlBody", errors.get(0).message().replace("contact.lastname", "lead.company"))),
                TemplateRenderer.check(template("ok", null, "<p>{{lead.company}}</p>"), KNOWN));
    }

    @Test
    public void partialsAreRefused() {
        List<FieldError> errors = TemplateRenderer.check(template("{{> /etc/passwd}}", null, null), KNOWN);
        assertEquals(1, errors.size());
        assertEquals("subject", errors.get(0).field());
    }
}
