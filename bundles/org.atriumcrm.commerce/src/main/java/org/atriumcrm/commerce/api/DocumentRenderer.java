package org.atriumcrm.commerce.api;

import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a document to PDF with the administrator's template for its kind and language (the printing module
 * registers it and prints the records of every {@link DocumentSource} with it). Chinese text is printed with
 * an embedded font. A template is checked when it is saved, so rendering a model does not fail on the template;
 * no template for the kind at all is an {@link org.atriumcrm.api.error.AtriumException} (409 {@code no-template}).
 */
@ProviderType
public interface DocumentRenderer {

    /**
     * The PDF of {@code model} with the default active template of {@code kind} in {@code locale} ({@code zh-CN} or
     * {@code en}; another locale or none takes the template of either language).
     */
    byte[] render(DocumentKind kind, String locale, DocumentModel model);

    /** As {@link #render(DocumentKind, String, DocumentModel)}, written to {@code out} (not closed). */
    void render(DocumentKind kind, String locale, DocumentModel model, OutputStream out);
}
