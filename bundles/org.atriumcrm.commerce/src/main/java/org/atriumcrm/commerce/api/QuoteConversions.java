package org.atriumcrm.commerce.api;

import java.math.BigDecimal;
import java.util.List;

import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How a sales order or a contract is made from a quote (the quotes module registers it while enabled). A quote
 * produces an order or a contract, never both, and only once: {@link #claim} marks it with a conditional update,
 * so of two conversions racing for one quote exactly one gets it. The claimer then writes its document in its own
 * transaction and reports it with {@link #converted}, or gives the quote back with {@link #release} when that
 * fails — a claim is never left without a document for long, and a document is never made from a quote another
 * document took.
 *
 * @since 1.1
 */
@ProviderType
public interface QuoteConversions {
    /** A sales order. */
    String ORDER = "order";
    /** A contract. */
    String CONTRACT = "contract";

    /** A line as the quote priced it; amounts at the quote's currency scale, computed by {@link Amounts}. */
    record Line(String productId, String productName, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
            BigDecimal discountAmount, BigDecimal taxRate, BigDecimal netAmount) {
    }

    /** The quote as it was claimed. */
    record ClaimedQuote(String id, String number, long revision, String subject, String accountId, String opportunityId,
            String contactId, String ownerId, String currency, BigDecimal exchangeRate, BigDecimal shipping,
            BigDecimal shippingTaxRate, BigDecimal adjustment, BigDecimal grandTotal, String terms, List<Line> lines) {
    }

    /**
     * Claims quote {@code quoteId} for a document of kind {@code target} ({@link #ORDER} or {@link #CONTRACT}) on
     * behalf of {@code caller}: 404 when the caller cannot see it, 403 when they may not change it, 409
     * {@code quote-converted} when it produced a document already (or another conversion holds it), 409
     * {@code quote-not-approved} unless it is approved, sent or accepted.
     */
    ClaimedQuote claim(String quoteId, String target, Caller caller);

    /** Records the id of the document made from a quote this caller claimed. */
    void converted(String quoteId, String target, String documentId, Caller caller);

    /** Gives back a claim whose document could not be made. */
    void release(String quoteId, String target, Caller caller);
}
