package org.atriumcrm.printing.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;
import org.atriumcrm.commerce.api.DocumentRenderer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DocumentRenderer} with the administrators' templates. */
@Component(service = {DocumentRenderer.class, PdfDocumentRenderer.class})
public class PdfDocumentRenderer implements DocumentRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(PdfDocumentRenderer.class);
    private final DocumentTemplateStore templates;
    private final Letterheads letterheads;

    @Activate
    public PdfDocumentRenderer(@Reference DocumentTemplateStore templates, @Reference Letterheads letterheads,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        this.templates = templates;
        this.letterheads = letterheads;
    }

    @Override
    public byte[] render(DocumentKind kind, String locale, DocumentModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(kind, locale, model, out);
        return out.toByteArray();
    }

    @Override
    public void render(DocumentKind kind, String locale, DocumentModel model, OutputStream out) {
        String language = locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? PrintingTypes.ZH : PrintingTypes.EN;
        DocumentTemplate t = templates.chosen(kind, language).orElseThrow(() -> AtriumException.conflict("no-template",
                "there is no active " + kind.title(PrintingTypes.EN).toLowerCase(java.util.Locale.ROOT) + " template; an administrator adds one at /api/v1/document-templates")
                .localized("no-template", kind.title(PrintingTypes.ZH)));
        print(t, model, out);
    }

    /** {@code t} filled with {@code model}; a failure the template's check did not foresee is a 422 naming the template, not a 500. */
    void print(DocumentTemplate t, DocumentModel model, OutputStream out) {
        try {
            DocumentPrinter.print(t.getBody(), PrintingTypes.kind(t.getKind()), t.getLocale(), model, letterheads.current(), out);
        } catch (DocumentPrinter.PrintException e) {
            LOG.warn("template {} ({}) failed for a document: {}", t.getId(), t.getName(), e.getMessage());
            throw new AtriumException(422, "template-failed", "Unprocessable Entity",
                    "document template " + t.getName() + " " + e.getMessage(), List.of());
        }
    }
}
