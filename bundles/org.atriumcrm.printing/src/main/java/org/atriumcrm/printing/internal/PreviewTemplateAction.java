package org.atriumcrm.printing.internal;

import java.io.ByteArrayOutputStream;

import javax.ws.rs.core.Response;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/v1/document-templates/{id}/preview} {@code {}}: the template printed with the sample document of its kind, as a PDF. */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=DocumentTemplate", RecordAction.ACTION_PROPERTY + "=preview",
    RecordAction.SUMMARY_PROPERTY + "=Print the template with a sample document of its kind and language (application/pdf)"})
public class PreviewTemplateAction implements RecordAction {
    private final PdfDocumentRenderer renderer;

    @Activate
    public PreviewTemplateAction(@Reference PdfDocumentRenderer renderer,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        this.renderer = renderer;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.noParameters(RecordAction.PDF_ANSWER);
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        if (body != null && body.isObject() && body.size() > 0) {
            throw AtriumException.invalidField(body.fieldNames().next(), "a preview takes no parameters: send {}");
        }
        DocumentTemplate t = (DocumentTemplate) records.find(id).orElseThrow(() -> AtriumException.notFound("no DocumentTemplate with id " + id).localized("record-not-found", "DocumentTemplate", id));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        renderer.print(t, SampleModel.of(PrintingTypes.kind(t.getKind()), t.getLocale()), pdf);
        return Response.ok(pdf.toByteArray(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"preview-" + t.getKind() + ".pdf\"").build();
    }
}
