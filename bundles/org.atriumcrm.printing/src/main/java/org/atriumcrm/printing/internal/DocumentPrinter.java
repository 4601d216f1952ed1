package org.atriumcrm.printing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.SafeMustacheFactory;

/**
 * Template → markup → PDF: Mustache fills the template with the document's model (values escaped for the markup,
 * line breaks in a value kept as {@code <br/>}), {@link Markup} reads the result and {@link PdfLayout} prints it
 * with the embedded CJK font. Partials and unescaped {@code {{{x}}}} are refused: the values are customers' data.
 */
final class DocumentPrinter {
    /**
     * The font every document embeds (as a subset): Noto Sans S Chinese Regular 1.000, © 2014 Adobe Systems,
     * Apache License 2.0 (its name table), from the Maven artifact com.github.xingfudeshi:jasperreports-fonts:1.2.2
     * (see this bundle's POM). It has Latin, digits and CJK punctuation too.
     */
    static final String FONT = "/fonts/思源黑体正常_0.ttf";
    private static volatile byte[] font;

    private static final SafeMustacheFactory MUSTACHE = new SafeMustacheFactory(Set.of(), "") {
        @Override
        public void encode(String value, Writer writer) {
            StringWriter escaped = new StringWriter();
            super.encode(value.replace("\r\n", "\n"), escaped);
            try {
                writer.write(escaped.toString().replace("&#10;", "<br/>").replace("\n", "<br/>"));
            } catch (IOException e) {
                throw new MustacheException("cannot write", e);
            }
        }
    };

    /** What went wrong, in the template author's terms (Mustache's or the markup's message). */
    static final class PrintException extends Exception {
        private static final long serialVersionUID = 1L;

        PrintException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Our company's letterhead: its party block and its logo (PNG or JPEG bytes, null for none). */
    record Letterhead(Map<String, Object> company, byte[] logo) {
    }

    private DocumentPrinter() {
    }

    static byte[] font() {
        byte[] f = font;
        if (f == null) {
            try (InputStream in = DocumentPrinter.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("the bundle lacks its font " + FONT);
                }
                f = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the font " + FONT, e);
            }
            font = f;
        }
        return f;
    }

    static Mustache compile(String body, String name) throws PrintException {
        try {
            return MUSTACHE.compile(new StringReader(body == null ? "" : body), name);
        } catch (MustacheException e) {
            throw new PrintException("is not a valid template: " + e.getMessage(), e);
        }
    }

    static byte[] print(String body, DocumentKind kind, String locale, DocumentModel model, Letterhead letterhead) throws PrintException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        print(body, kind, locale, model, letterhead, out);
        return out.toByteArray();
    }

    static void print(String body, DocumentKind kind, String locale, DocumentModel model, Letterhead letterhead, OutputStream out)
            throws PrintException {
        Mustache template = compile(body, kind.name());
        StringWriter markup = new StringWriter();
        try {
            template.execute(markup, scope(kind, locale, model, letterhead));
        } catch (MustacheException e) {
            throw new PrintException("cannot be filled in: " + e.getMessage(), e);
        }
        List<Markup.Block> blocks;
        try {
            blocks = Markup.parse(markup.toString());
        } catch (Markup.MarkupException e) {
            throw new PrintException("does not produce valid layout markup: " + e.getMessage(), e);
        }
        try {
            Object number = model.header().get(DocumentModel.NUMBER);
            PdfLayout.write(blocks, font(), letterhead.logo(), kind.title(locale) + (number == null ? "" : " " + number), out);
        } catch (IOException | RuntimeException e) {
            throw new PrintException("cannot be laid out: " + e.getMessage(), e);
        }
    }

    /** The Mustache scope: {@code title}, {@code kind}, {@code header}, {@code company}, {@code customer}, {@code lines}, {@code totals}, {@code taxes}, {@code terms}, {@code hasLogo}. */
    static Map<String, Object> scope(DocumentKind kind, String locale, DocumentModel model, Letterhead letterhead) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("title", kind.title(locale));
        scope.put("kind", PrintingTypes.value(kind));
        scope.put("header", strings(model.header()));
        scope.put("company", strings(model.company().isEmpty() ? letterhead.company() : model.company()));
        scope.put("customer", strings(model.customer()));
        List<Map<String, Object>> lines = new ArrayList<>();
        int position = 1;
        for (Map<String, Object> line : model.lines()) {
            Map<String, Object> l = strings(line);
            l.putIfAbsent("position", String.valueOf(position));
            lines.add(l);
            position++;
        }
        scope.put("lines", lines);
        scope.put("totals", strings(model.totals()));
        List<Map<String, Object>> taxes = new ArrayList<>();
        for (Map<String, Object> tax : model.taxes()) {
            taxes.add(strings(tax));
        }
        scope.put("taxes", taxes);
        scope.put("terms", model.terms() == null || model.terms().isBlank() ? null : model.terms());
        scope.put("hasLogo", letterhead.logo() != null);
        return scope;
    }

    /** Values as the document prints them: decimals in plain notation, blanks left out (a section on them is skipped). */
    private static Map<String, Object> strings(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            if (v == null || v instanceof String s && s.isBlank()) {
                continue;
            }
            out.put(e.getKey(), v instanceof BigDecimal d ? d.toPlainString() : v instanceof Boolean ? v : v.toString());
        }
        return out;
    }
}
