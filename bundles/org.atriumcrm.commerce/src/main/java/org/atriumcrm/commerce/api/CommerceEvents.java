package org.atriumcrm.commerce.api;

import org.atriumcrm.api.event.DomainEvents;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Topics of the order-to-cash events, posted on EventAdmin after commit (besides the generic
 * {@code atrium/<Entity>/CREATED|UPDATED|...} of every record), with {@link DomainEvents#ENTITY},
 * {@link DomainEvents#ID} and {@link DomainEvents#USER_ID} and the properties named below. The ERP and shop
 * connectors listen to these. Properties are ids, primitives and decimal numbers as plain strings.
 */
@ProviderType
public final class CommerceEvents {
    /** Property: the account a document is for. */
    public static final String ACCOUNT_ID = DomainEvents.ACCOUNT_ID;
    /** Property: the document's number as people read it, e.g. {@code SO-2026-000042}. */
    public static final String NUMBER = "number";
    /** Property: an amount as a plain decimal string ({@link java.math.BigDecimal#toPlainString()}). */
    public static final String AMOUNT = "amount";
    /** Property: an ISO 4217 currency code. */
    public static final String CURRENCY = "currency";
    /** Property: a product id. */
    public static final String PRODUCT_ID = "productId";
    /** Property: a warehouse id. */
    public static final String WAREHOUSE_ID = "warehouseId";
    /** Property: a quantity as a plain decimal string; on {@link #STOCK_LOW} the quantity on hand. */
    public static final String QUANTITY = "quantity";
    /** Property: the entity and id of the document a stock movement or a payment belongs to. */
    public static final String SOURCE_ENTITY = "sourceEntity";
    public static final String SOURCE_ID = "sourceId";
    /** Property: the document's owner (the rep who hears of a decision). @since 1.2 */
    public static final String OWNER_ID = "ownerId";
    /** Property: who decides a document submitted for approval. @since 1.2 */
    public static final String APPROVER_ID = "approverId";
    /** Property: why an action was refused or held (credit check), or the approver's comment. */
    public static final String REASON = "reason";

    public static final String QUOTE_SUBMITTED = topic("Quote", "SUBMITTED");
    public static final String QUOTE_APPROVED = topic("Quote", "APPROVED");
    public static final String QUOTE_REJECTED = topic("Quote", "REJECTED");
    public static final String QUOTE_SENT = topic("Quote", "SENT");
    public static final String QUOTE_ACCEPTED = topic("Quote", "ACCEPTED");
    public static final String CONTRACT_APPROVED = topic("Contract", "APPROVED");
    public static final String CONTRACT_RENEWAL_DUE = topic("Contract", "RENEWAL_DUE");
    /** A sales order passed its checks (credit included) and is to be fulfilled. */
    public static final String SALES_ORDER_CONFIRMED = topic("SalesOrder", "CONFIRMED");
    /** A sales order held by the credit check, with {@link #REASON}. */
    public static final String SALES_ORDER_HELD = topic("SalesOrder", "HELD");
    public static final String SALES_ORDER_CANCELLED = topic("SalesOrder", "CANCELLED");
    public static final String DELIVERY_NOTE_ISSUED = topic("DeliveryNote", "ISSUED");
    public static final String DELIVERY_NOTE_SHIPPED = topic("DeliveryNote", "SHIPPED");
    public static final String DELIVERY_NOTE_DELIVERED = topic("DeliveryNote", "DELIVERED");
    public static final String DELIVERY_NOTE_CANCELLED = topic("DeliveryNote", "CANCELLED");
    public static final String INVOICE_ISSUED = topic("Invoice", "ISSUED");
    public static final String INVOICE_PAID = topic("Invoice", "PAID");
    public static final String INVOICE_OVERDUE = topic("Invoice", "OVERDUE");
    public static final String INVOICE_CANCELLED = topic("Invoice", "CANCELLED");
    public static final String PAYMENT_RECORDED = topic("Payment", "RECORDED");
    public static final String PURCHASE_ORDER_APPROVED = topic("PurchaseOrder", "APPROVED");
    public static final String GOODS_RECEIPT_POSTED = topic("GoodsReceipt", "POSTED");
    /** One stock movement was booked, with {@link #PRODUCT_ID}, {@link #WAREHOUSE_ID}, {@link #QUANTITY} (signed) and the source. */
    public static final String STOCK_MOVED = topic("Stock", "MOVED");
    /** On hand fell under the product's reorder level, with {@link #PRODUCT_ID}, {@link #WAREHOUSE_ID}, {@link #QUANTITY}. */
    public static final String STOCK_LOW = topic("Stock", "LOW");

    private CommerceEvents() {
    }

    private static String topic(String entity, String action) {
        return DomainEvents.TOPIC_PREFIX + entity + "/" + action;
    }
}
