package org.atriumcrm.printing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordStores;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.commerce.api.DocumentMail;
import org.atriumcrm.commerce.api.DocumentModel;
import org.atriumcrm.commerce.api.DocumentSource;
import org.atriumcrm.mail.api.OutboundMail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Prints and sends a record of a {@link DocumentSource} and keeps the PDF with it. The source gives the model (and
 * refuses a caller who may not see the record); this fills what every document shares — the other party from the
 * account and contact, units as the catalog labels them in the document's language — renders once, and stores
 * exactly the bytes answered or mailed.
 */
@Component(service = RecordPrinting.class)
public class RecordPrinting {
    private final PdfDocumentRenderer renderer;
    private final DocumentMailer mailer;
    private final PrintedDocumentStore documents;
    private final RecordStores stores;

    /** A document printed now: its stored row and its bytes. */
    record Printed(PrintedDocument document, byte[] pdf) {
    }

    @Activate
    public RecordPrinting(@Reference PdfDocumentRenderer renderer, @Reference DocumentMailer mailer, @Reference PrintedDocumentStore documents,
            @Reference RecordStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + PrintingTypes.MODULE + ")") ModuleGate gate) {
        this.renderer = renderer;
        this.mailer = mailer;
        this.documents = documents;
        this.stores = stores;
    }

    /** The template language a locale prints with: {@code zh*} is Chinese, anything else (or none) English. */
    static String language(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("zh") ? PrintingTypes.ZH : PrintingTypes.EN;
    }

    Printed print(DocumentSource source, String id, String locale, Caller caller) {
        String language = language(locale);
        DocumentSource.Printable p = source.document(id, language, caller);
        DocumentModel model = complete(p, language);
        byte[] pdf = renderer.render(source.kind(), language, model);
        PrintedDocument d = row(source, id, language, model);
        d.setPurpose(PrintedDocument.PRINTED);
        return new Printed(documents.save(d, pdf, caller.userId()), pdf);
    }

    /**
     * Queues the document to {@code to} through the outbox and keeps the copy sent. The email is queued first: a
     * refused address leaves nothing stored; the email's id is on the stored copy.
     */
    PrintedDocument send(DocumentSource source, String id, String locale, List<String> to, String subject, String text, Caller caller) {
        OutboundMail outbox = mailer.outbox();
        String language = language(locale);
        DocumentSource.Printable p = source.document(id, language, caller);
        DocumentModel model = complete(p, language);
        byte[] pdf = renderer.render(source.kind(), language, model);
        PrintedDocument d = row(source, id, language, model);
        String emailId = mailer.queue(outbox, source.kind(), language, model, pdf,
                new DocumentMail.Message(to, subject, text, d.getFileName(), p.accountId(), p.contactId()), caller);
        d.setPurpose(PrintedDocument.EMAILED);
        d.setEmailId(emailId);
        d.setRecipients(String.join(", ", to));
        return documents.save(d, pdf, caller.userId());
    }

    private static PrintedDocument row(DocumentSource source, String id, String language, DocumentModel model) {
        PrintedDocument d = new PrintedDocument();
        d.setEntityName(source.entity());
        d.setRecordId(id);
        d.setKind(PrintingTypes.value(source.kind()));
        d.setLocale(language);
        Object number = model.header().get(DocumentModel.NUMBER);
        d.setNumber(number == null ? null : number.toString());
        d.setFileName(DocumentMailer.fileName(DocumentMailer.title(source.kind(), language, model)));
        return d;
    }

    /** The model with the other party filled from the account and contact when the source left it empty, and units labelled. */
    DocumentModel complete(DocumentSource.Printable p, String language) {
        DocumentModel m = p.model();
        Map<String, Object> customer = m.customer().isEmpty() ? party(p.accountId(), p.contactId()) : m.customer();
        Locale locale = Locale.forLanguageTag(language);
        Map<String, String> units = unitLabels(locale);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : m.lines()) {
            Object unit = line.get("unit");
            if (unit != null && units.containsKey(unit.toString())) {
                Map<String, Object> labelled = new LinkedHashMap<>(line);
                labelled.put("unit", units.get(unit.toString()));
                lines.add(labelled);
            } else {
                lines.add(line);
            }
        }
        return new DocumentModel(m.header(), m.company(), customer, lines, m.totals(), m.taxes(), m.terms());
    }

    private Map<String, Object> party(String accountId, String contactId) {
        Optional<Record> account = record("Account", accountId);
        Optional<Record> contact = record("Contact", contactId);
        String address = account.map(a -> Stream.of("billingProvince", "billingCity", "billingDistrict", "billingStreet")
                .map(f -> value("Account", a, f)).filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" "))).orElse(null);
        String contactName = contact.map(c -> Optional.ofNullable(value("Contact", c, "fullName"))
                .orElseGet(() -> Stream.of("lastName", "firstName").map(f -> value("Contact", c, f)).filter(v -> v != null)
                        .collect(Collectors.joining("")))).orElse(null);
        String phone = contact.map(c -> Optional.ofNullable(value("Contact", c, "mobile")).orElse(value("Contact", c, "officePhone")))
                .orElse(account.map(a -> value("Account", a, "phone")).orElse(null));
        String email = contact.map(c -> value("Contact", c, "email")).orElse(account.map(a -> value("Account", a, "email")).orElse(null));
        return DocumentModel.party(account.map(a -> value("Account", a, "name")).orElse(null), address == null || address.isBlank() ? null : address,
                contactName == null || contactName.isBlank() ? null : contactName, phone, email, null);
    }

    private Optional<Record> record(String entity, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return stores.byName(entity).flatMap(s -> s.find(id)).map(r -> (Record) r);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String value(String entity, Record record, String field) {
        Optional<FieldDef> def = stores.byName(entity).flatMap(s -> ((RecordStore) s).type().field(field));
        Object v = def.map(f -> f.get(record)).orElse(null);
        return v == null ? null : v.toString();
    }

    /** The catalog's units in {@code locale} (台, 箱, 人天…): lines carry the unit's key, the paper its label. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, String> unitLabels(Locale locale) {
        Optional<FieldDef> unit = stores.byName("Product").flatMap(s -> ((RecordStore) s).type().field("unit"));
        Map<String, String> labels = new LinkedHashMap<>();
        unit.ifPresent(f -> {
            for (PicklistValue v : (List<PicklistValue>) f.picklist()) {
                labels.put(v.value(), v.label().in(locale));
            }
        });
        return labels;
    }
}
