package org.atriumcrm.commerce.api;

import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's printable document: how one of its records becomes a {@link DocumentModel}. The module that owns the
 * record type registers one service per printable entity while it is enabled (reference its gate), with the service
 * property {@value #ENTITY_PROPERTY} set to the entity name; the printing module then offers, for every such entity,
 * <ul>
 * <li>{@code POST /api/v1/<plural>/{id}/print?locale=zh-CN} → the PDF (stored with the record),</li>
 * <li>{@code POST /api/v1/<plural>/{id}/send-document} → the PDF emailed through the outbox (stored too),</li>
 * <li>{@code GET /api/v1/<plural>/{id}/documents} → the printed copies, each downloadable at
 * {@code /api/v1/printed-documents/{documentId}/pdf}.</li>
 * </ul>
 * The quotes, contracts and purchasing modules register theirs; a sales order, delivery note or invoice module
 * registers its own the same way, e.g.
 * <pre>
 * {@literal @}Component(service = DocumentSource.class, property = DocumentSource.ENTITY_PROPERTY + "=SalesOrder")
 * public class SalesOrderDocument implements DocumentSource {
 *     {@literal @}Activate public SalesOrderDocument({@literal @}Reference SalesOrderStore orders, {@literal @}Reference AccessPolicy access,
 *             {@literal @}Reference(target = "(atrium.module=orders)") ModuleGate gate) { ... }
 *     public DocumentKind kind() { return DocumentKind.SALES_ORDER; }
 *     public String entity() { return "SalesOrder"; }
 *     public Printable document(String id, String locale, Caller caller) {
 *         SalesOrder o = access.secure(orders, caller).find(id).orElseThrow(() -&gt; AtriumException.notFound(...));
 *         Amounts.Totals t = Amounts.totals(lines..., o.getShipping(), o.getShippingTaxRate(), o.getAdjustment(), o.getCurrency());
 *         return new Printable(new DocumentModel(header, Map.of(), Map.of(), lines, DocumentModel.totals(t, currency),
 *                 DocumentModel.taxes(t), o.getTerms()), o.getAccountId(), o.getContactId());
 *     }
 * }
 * </pre>
 * Its totals come from {@link Amounts} on the record's lines, so that a document prints what the server computed.
 *
 * @since 1.2
 */
@ConsumerType
public interface DocumentSource {
    /** Service property: the entity name of the printable records, e.g. {@code Quote}. */
    String ENTITY_PROPERTY = "atrium.entity";

    /**
     * A record ready to print: its model and the account and contact it concerns (null for none). When the model's
     * {@link DocumentModel#customer() customer} block is empty the printing module fills it from that account (name,
     * billing address, phone, tax number) and contact (name, phone, email); a document whose other party is not an
     * account (a purchase order's vendor) fills the block itself. The email of a document sent is filed under them.
     */
    record Printable(DocumentModel model, String accountId, String contactId) {
    }

    /** Which templates print it. */
    DocumentKind kind();

    /** The entity name, as in {@link #ENTITY_PROPERTY}. */
    String entity();

    /**
     * Record {@code id} as {@code caller} may see it, ready to print in {@code locale} ({@code zh-CN}, {@code en}, or
     * null; it picks the labels of the module's own picklists, the template is chosen by the printing module): an
     * {@link org.atriumcrm.api.error.AtriumException} 404 when it does not exist or the caller may not see it (the
     * same answer, as everywhere in the API), 403 when the caller's profiles do not let them view such records.
     */
    Printable document(String id, String locale, Caller caller);
}
