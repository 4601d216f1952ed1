package org.atriumcrm.mail.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.error.FieldError;

import com.github.mustachejava.Code;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.SafeMustacheFactory;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;

/**
 * Mustache (mustache.java, embedded) for email templates. The "safe" factory refuses partials and unescaped
 * {@code {{{x}}}}/{@code {{&x}}}: record values are data typed by anyone with edit rights, so in an HTML body
 * every value is escaped, and a template cannot opt out of that. Subjects and text bodies are not HTML: they get
 * values as typed (a subject loses line breaks, which would otherwise end the header).
 */
final class TemplateRenderer {
    private static final SafeMustacheFactory HTML = new SafeMustacheFactory(Set.of(), "") {
        @Override
        public void encode(String value, Writer writer) {
            StringWriter escaped = new StringWriter();
            super.encode(value.replace("\r\n", "\n"), escaped);
            try {
                writer.write(escaped.toString().replace("&#10;", "<br>\n")); // a multi-line signature keeps its lines
            } catch (IOException e) {
                throw new MustacheException("cannot write", e);
            }
        }
    };
    private static final SafeMustacheFactory TEXT = new SafeMustacheFactory(Set.of(), "") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write", e);
            }
        }
    };

    record Rendered(String subject, String text, String html) {
    }

    /** A template compiled once, rendered for many recipients (a mass mailing). */
    record Compiled(Mustache subject, Mustache text, Mustache html) {
        Rendered render(Map<String, Object> scope) {
            String s = subject == null ? "" : run(subject, scope).replaceAll("[\\r\\n]+", " ").strip();
            return new Rendered(s, text == null ? null : run(text, scope), html == null ? null : run(html, scope));
        }
    }

    private TemplateRenderer() {
    }

    static Compiled compile(EmailTemplate t) {
        return new Compiled(compile(TEXT, t.getSubject(), "subject"), compile(TEXT, t.getTextBody(), "textBody"),
                compile(HTML, t.getHtmlBody(), "htmlBody"));
    }

    /** Every syntax error and unknown merge field of the template, per field; empty when it renders. */
    static List<FieldError> check(EmailTemplate t, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        check(TEXT, t.getSubject(), "subject", known, errors);
        check(TEXT, t.getTextBody(), "textBody", known, errors);
        check(HTML, t.getHtmlBody(), "htmlBody", known, errors);
        return errors;
    }

    private static void check(SafeMustacheFactory factory, String source, String field, Set<String> known, List<FieldError> errors) {
        if (source == null) {
            return;
        }
        Mustache m;
        try {
            m = compile(factory, source, field);
        } catch (MustacheException e) {
            errors.add(new FieldError(field, "is not a valid template: " + e.getMessage()));
            return;
        }
        Set<String> unknown = new java.util.TreeSet<>();
        names(m.getCodes(), known, unknown);
        for (String name : unknown) {
            errors.add(new FieldError(field, "unknown merge field {{" + name + "}}; known: " + new java.util.TreeSet<>(known)));
        }
    }

    /** Names of values and sections; {@code .} (the current value inside a section) is always fine. */
    private static void names(Code[] codes, Set<String> known, Set<String> unknown) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if ((code instanceof ValueCode || code instanceof IterableCode || code instanceof NotIterableCode)
                    && code.getName() != null && !".".equals(code.getName()) && !known.contains(code.getName())) {
                unknown.add(code.getName());
            }
            names(code.getCodes(), known, unknown);
        }
    }

    private static Mustache compile(SafeMustacheFactory factory, String source, String name) {
        return source == null ? null : factory.compile(new StringReader(source), name);
    }

    private static String run(Mustache m, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        m.execute(out, scope);
        return out.toString();
    }
}
