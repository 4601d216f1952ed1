package org.atriumcrm.invoicing.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;
import org.atriumcrm.invoicing.api.Invoice;
import org.atriumcrm.invoicing.api.InvoiceStatus;

/** Metadata of the invoicing module, in English and Simplified Chinese. */
final class InvoicingTypes {
    static final String MODULE = "invoicing";
    static final String UNIT = "atrium.invoicing";

    static final String DRAFT = "draft";
    static final String ISSUED = "issued";
    static final String SHIPPED = "shipped";
    static final String DELIVERED = "delivered";
    static final String CANCELLED = "cancelled";

    static final PicklistValue[] NOTE_STATUSES = {
        PicklistValue.of(DRAFT, "Draft", "草稿"),
        PicklistValue.of(ISSUED, "Issued (packed, stock out)", "已出库（已打包）"),
        PicklistValue.of(SHIPPED, "Shipped", "已发运"),
        PicklistValue.of(DELIVERED, "Delivered", "已签收"),
        PicklistValue.of(CANCELLED, "Cancelled", "已取消"),
    };

    static final PicklistValue[] INVOICE_STATUSES = {
        PicklistValue.of(InvoiceStatus.DRAFT, "Draft", "草稿"),
        PicklistValue.of(InvoiceStatus.ISSUED, "Issued", "已开具"),
        PicklistValue.of(InvoiceStatus.PARTLY_PAID, "Partly paid", "部分收款"),
        PicklistValue.of(InvoiceStatus.PAID, "Paid", "已收款"),
        PicklistValue.of(InvoiceStatus.CANCELLED, "Cancelled", "已作废"),
    };

    static final String STANDARD = "standard";
    static final String RECURRING = "recurring";
    static final PicklistValue[] KINDS = {
        PicklistValue.of(STANDARD, "For deliveries or the order", "订单发票"),
        PicklistValue.of(RECURRING, "Recurring (schedule of the order)", "周期发票"),
    };

    static final EntityType<DeliveryNote> NOTE = note();
    static final EntityType<DeliveryNoteLine> NOTE_LINE = noteLine();
    static final EntityType<Invoice> INVOICE = invoice();
    static final EntityType<InvoiceLine> INVOICE_LINE = invoiceLine();
    static final List<EntityType<?>> ALL = List.of(NOTE, NOTE_LINE, INVOICE, INVOICE_LINE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private InvoicingTypes() {
    }

    private static EntityType<DeliveryNote> note() {
        return EntityType.builder("DeliveryNote", "delivery-notes", DeliveryNote.class, DeliveryNote::new)
                .module(MODULE).menuOrder(58)
                .label("Delivery note", "发货单")
                .pluralLabel("Delivery notes", "发货单")
                .field(FieldDef.<DeliveryNote, String>of("number", FieldType.STRING, DeliveryNote::getNumber, null)
                        .label("Number", "发货单号").searchable())
                .field(FieldDef.of("salesOrderId", FieldType.REFERENCE, DeliveryNote::getSalesOrderId, DeliveryNote::setSalesOrderId)
                        .label("Sales order", "销售订单").required().referenceTo("SalesOrder"))
                .field(FieldDef.<DeliveryNote, String>of("salesOrderNumber", FieldType.STRING, DeliveryNote::getSalesOrderNumber, null)
                        .label("Order number", "订单号").searchable())
                .field(FieldDef.<DeliveryNote, String>of("accountId", FieldType.REFERENCE, DeliveryNote::getAccountId, null)
                        .label("Account", "客户").referenceTo("Account"))
                .field(FieldDef.<DeliveryNote, String>of("status", FieldType.PICKLIST, DeliveryNote::getStatus, null)
                        .label("Status", "状态").picklist(NOTE_STATUSES))
                .field(FieldDef.of("warehouseId", FieldType.REFERENCE, DeliveryNote::getWarehouseId, DeliveryNote::setWarehouseId)
                        .label("Warehouse (the default one when empty)", "仓库").referenceTo("Warehouse"))
                .field(FieldDef.of("shippingAddress", FieldType.STRING, DeliveryNote::getShippingAddress, DeliveryNote::setShippingAddress)
                        .label("Shipping address (the order's when empty)", "收货地址").maxLength(1000))
                .field(FieldDef.of("carrier", FieldType.STRING, DeliveryNote::getCarrier, DeliveryNote::setCarrier)
                        .label("Carrier", "承运商").maxLength(200).searchable())
                .field(FieldDef.of("trackingNumber", FieldType.STRING, DeliveryNote::getTrackingNumber, DeliveryNote::setTrackingNumber)
                        .label("Tracking number", "运单号").maxLength(100).searchable())
                .field(FieldDef.of("deliveryDate", FieldType.DATE, DeliveryNote::getDeliveryDate, DeliveryNote::setDeliveryDate)
                        .label("Delivery date", "发货日期"))
                .field(FieldDef.<DeliveryNote, Object>of("issuedAt", FieldType.DATETIME, DeliveryNote::getIssuedAt, null)
                        .label("Issued (stock out) at", "出库时间"))
                .field(FieldDef.<DeliveryNote, Object>of("shippedAt", FieldType.DATETIME, DeliveryNote::getShippedAt, null)
                        .label("Shipped at", "发运时间"))
                .field(FieldDef.<DeliveryNote, Object>of("deliveredAt", FieldType.DATETIME, DeliveryNote::getDeliveredAt, null)
                        .label("Delivered at", "签收时间"))
                .field(FieldDef.<DeliveryNote, Object>of("cancelledAt", FieldType.DATETIME, DeliveryNote::getCancelledAt, null)
                        .label("Cancelled at", "取消时间"))
                .field(FieldDef.<DeliveryNote, String>of("cancelReason", FieldType.STRING, DeliveryNote::getCancelReason, null)
                        .label("Why cancelled", "取消原因"))
                .field(FieldDef.<DeliveryNote, Long>of("lineCount", FieldType.INTEGER, DeliveryNote::getLineCount, null)
                        .label("Lines", "行数"))
                .field(FieldDef.of("description", FieldType.TEXT, DeliveryNote::getDescription, DeliveryNote::setDescription)
                        .label("Description", "描述").notFilterable())
                .relatedList("lines", "DeliveryNoteLine", "deliveryNoteId", "Lines", "发货明细")
                .displayName(DeliveryNote::getNumber)
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<DeliveryNoteLine> noteLine() {
        return EntityType.builder("DeliveryNoteLine", "delivery-note-lines", DeliveryNoteLine.class, DeliveryNoteLine::new)
                .module(MODULE).detail()
                .label("Delivery note line", "发货明细")
                .pluralLabel("Delivery note lines", "发货明细")
                .field(FieldDef.of("deliveryNoteId", FieldType.REFERENCE, DeliveryNoteLine::getDeliveryNoteId, DeliveryNoteLine::setDeliveryNoteId)
                        .label("Delivery note", "发货单").required().referenceTo("DeliveryNote"))
                .field(FieldDef.of("salesOrderLineId", FieldType.REFERENCE, DeliveryNoteLine::getSalesOrderLineId,
                        DeliveryNoteLine::setSalesOrderLineId).label("Order line", "订单明细").required().referenceTo("SalesOrderLine"))
                .field(FieldDef.<DeliveryNoteLine, Long>of("position", FieldType.INTEGER, DeliveryNoteLine::getPosition, null)
                        .label("Position", "序号"))
                .field(FieldDef.<DeliveryNoteLine, String>of("productId", FieldType.REFERENCE, DeliveryNoteLine::getProductId, null)
                        .label("Product", "产品").referenceTo("Product"))
                .field(FieldDef.<DeliveryNoteLine, String>of("productName", FieldType.STRING, DeliveryNoteLine::getProductName, null)
                        .label("Name", "名称").searchable())
                .field(FieldDef.<DeliveryNoteLine, String>of("sku", FieldType.STRING, DeliveryNoteLine::getSku, null).label("SKU", "编码"))
                .field(FieldDef.<DeliveryNoteLine, String>of("unit", FieldType.STRING, DeliveryNoteLine::getUnit, null).label("Unit", "单位"))
                .field(FieldDef.of("quantity", FieldType.DECIMAL, DeliveryNoteLine::getQuantity, DeliveryNoteLine::setQuantity)
                        .label("Quantity", "数量").required())
                .field(FieldDef.<DeliveryNoteLine, String>of("giftItems", FieldType.STRING, DeliveryNoteLine::getGiftItems, null)
                        .label("Bundled and gift items going with it", "随附赠品及组件").notFilterable())
                .field(FieldDef.of("description", FieldType.STRING, DeliveryNoteLine::getDescription, DeliveryNoteLine::setDescription)
                        .label("Description", "说明").maxLength(2000))
                .displayName(l -> l.getProductName() == null ? l.getSalesOrderLineId() : l.getProductName())
                .defaultSort("position", false)
                .build();
    }

    private static EntityType<Invoice> invoice() {
        return EntityType.builder("Invoice", "invoices", Invoice.class, Invoice::new)
                .module(MODULE).menuOrder(59)
                .label("Invoice", "发票")
                .pluralLabel("Invoices", "发票")
                .field(FieldDef.<Invoice, String>of("number", FieldType.STRING, Invoice::getNumber, null)
                        .label("Number", "发票号").searchable())
                .field(FieldDef.of("salesOrderId", FieldType.REFERENCE, Invoice::getSalesOrderId, Invoice::setSalesOrderId)
                        .label("Sales order", "销售订单").required().referenceTo("SalesOrder"))
                .field(FieldDef.<Invoice, String>of("salesOrderNumber", FieldType.STRING, Invoice::getSalesOrderNumber, null)
                        .label("Order number", "订单号").searchable())
                .field(FieldDef.<Invoice, String>of("accountId", FieldType.REFERENCE, Invoice::getAccountId, null)
                        .label("Account", "客户").referenceTo("Account"))
                .field(FieldDef.<Invoice, String>of("contactId", FieldType.REFERENCE, Invoice::getContactId, null)
                        .label("Contact", "联系人").referenceTo("Contact"))
                .field(FieldDef.<Invoice, String>of("currency", FieldType.STRING, Invoice::getCurrency, null)
                        .label("Currency", "币种"))
                .field(FieldDef.<Invoice, String>of("kind", FieldType.PICKLIST, Invoice::getKind, null)
                        .label("Kind", "类型").picklist(KINDS))
                .field(FieldDef.<Invoice, String>of("status", FieldType.PICKLIST, Invoice::getStatus, null)
                        .label("Status", "状态").picklist(INVOICE_STATUSES))
                .field(FieldDef.of("issueDate", FieldType.DATE, Invoice::getIssueDate, Invoice::setIssueDate)
                        .label("Issue date (today when issued without one)", "开票日期"))
                .field(FieldDef.of("paymentTermDays", FieldType.INTEGER, Invoice::getPaymentTermDays, Invoice::setPaymentTermDays)
                        .label("Payment term (days; the order's when empty)", "付款期限（天）"))
                .field(FieldDef.<Invoice, Object>of("dueDate", FieldType.DATE, Invoice::getDueDate, null)
                        .label("Due date", "到期日"))
                .field(FieldDef.<Invoice, Object>of("periodStart", FieldType.DATE, Invoice::getPeriodStart, null)
                        .label("Period from", "账期开始"))
                .field(FieldDef.<Invoice, Object>of("periodEnd", FieldType.DATE, Invoice::getPeriodEnd, null)
                        .label("Period until", "账期结束"))
                .field(FieldDef.of("billingAddress", FieldType.STRING, Invoice::getBillingAddress, Invoice::setBillingAddress)
                        .label("Billing address", "开票地址").maxLength(1000))
                .field(FieldDef.<Invoice, String>of("deliveryNoteIds", FieldType.STRING, Invoice::getDeliveryNoteIds, null)
                        .label("For delivery notes", "对应发货单").notFilterable())
                .field(FieldDef.<Invoice, Object>of("shipping", FieldType.DECIMAL, Invoice::getShipping, null)
                        .label("Shipping", "运费"))
                .field(FieldDef.<Invoice, Object>of("subtotal", FieldType.DECIMAL, Invoice::getSubtotal, null)
                        .label("Subtotal", "小计"))
                .field(FieldDef.<Invoice, Object>of("discountTotal", FieldType.DECIMAL, Invoice::getDiscountTotal, null)
                        .label("Discounts", "折扣合计"))
                .field(FieldDef.<Invoice, Object>of("taxTotal", FieldType.DECIMAL, Invoice::getTaxTotal, null)
                        .label("Tax", "税额"))
                .field(FieldDef.<Invoice, String>of("taxBreakdown", FieldType.STRING, Invoice::getTaxBreakdown, null)
                        .label("Tax per rate", "分税率税额").notFilterable())
                .field(FieldDef.<Invoice, Object>of("grandTotal", FieldType.DECIMAL, Invoice::getGrandTotal, null)
                        .label("Grand total", "价税合计"))
                .field(FieldDef.<Invoice, Object>of("paidAmount", FieldType.DECIMAL, Invoice::getPaidAmount, null)
                        .label("Paid", "已收款"))
                .field(FieldDef.<Invoice, Long>of("lineCount", FieldType.INTEGER, Invoice::getLineCount, null)
                        .label("Lines", "行数"))
                .field(FieldDef.<Invoice, Object>of("issuedAt", FieldType.DATETIME, Invoice::getIssuedAt, null)
                        .label("Issued at", "开具时间"))
                .field(FieldDef.<Invoice, Object>of("cancelledAt", FieldType.DATETIME, Invoice::getCancelledAt, null)
                        .label("Cancelled at", "作废时间"))
                .field(FieldDef.<Invoice, String>of("cancelReason", FieldType.STRING, Invoice::getCancelReason, null)
                        .label("Why cancelled", "作废原因"))
                .field(FieldDef.of("description", FieldType.TEXT, Invoice::getDescription, Invoice::setDescription)
                        .label("Description", "描述").notFilterable())
                .relatedList("lines", "InvoiceLine", "invoiceId", "Lines", "发票明细")
                .relatedList("payments", "Payment", "invoiceId", "Payments", "收款记录")
                .displayName(Invoice::getNumber)
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<InvoiceLine> invoiceLine() {
        return EntityType.builder("InvoiceLine", "invoice-lines", InvoiceLine.class, InvoiceLine::new)
                .module(MODULE).detail()
                .label("Invoice line", "发票明细")
                .pluralLabel("Invoice lines", "发票明细")
                .field(FieldDef.<InvoiceLine, String>of("invoiceId", FieldType.REFERENCE, InvoiceLine::getInvoiceId, null)
                        .label("Invoice", "发票").referenceTo("Invoice"))
                .field(FieldDef.<InvoiceLine, String>of("salesOrderLineId", FieldType.REFERENCE, InvoiceLine::getSalesOrderLineId, null)
                        .label("Order line", "订单明细").referenceTo("SalesOrderLine"))
                .field(FieldDef.<InvoiceLine, Long>of("position", FieldType.INTEGER, InvoiceLine::getPosition, null)
                        .label("Position", "序号"))
                .field(FieldDef.<InvoiceLine, String>of("productId", FieldType.REFERENCE, InvoiceLine::getProductId, null)
                        .label("Product or service", "产品或服务").referenceTo("Product"))
                .field(FieldDef.<InvoiceLine, String>of("productName", FieldType.STRING, InvoiceLine::getProductName, null)
                        .label("Name", "名称").searchable())
                .field(FieldDef.<InvoiceLine, String>of("sku", FieldType.STRING, InvoiceLine::getSku, null).label("SKU", "编码"))
                .field(FieldDef.<InvoiceLine, String>of("unit", FieldType.STRING, InvoiceLine::getUnit, null).label("Unit", "单位"))
                .field(FieldDef.<InvoiceLine, Object>of("quantity", FieldType.DECIMAL, InvoiceLine::getQuantity, null)
                        .label("Quantity", "数量"))
                .field(FieldDef.<InvoiceLine, Object>of("unitPrice", FieldType.DECIMAL, InvoiceLine::getUnitPrice, null)
                        .label("Unit price", "单价"))
                .field(FieldDef.<InvoiceLine, Object>of("discountPercent", FieldType.DECIMAL, InvoiceLine::getDiscountPercent, null)
                        .label("Discount (%)", "折扣（%）"))
                .field(FieldDef.<InvoiceLine, Object>of("discountAmount", FieldType.DECIMAL, InvoiceLine::getDiscountAmount, null)
                        .label("Discount amount", "折扣金额"))
                .field(FieldDef.<InvoiceLine, Object>of("taxRate", FieldType.DECIMAL, InvoiceLine::getTaxRate, null)
                        .label("Tax rate (%)", "税率（%）"))
                .field(FieldDef.<InvoiceLine, Object>of("grossAmount", FieldType.DECIMAL, InvoiceLine::getGrossAmount, null)
                        .label("Gross", "原价金额"))
                .field(FieldDef.<InvoiceLine, Object>of("lineDiscount", FieldType.DECIMAL, InvoiceLine::getLineDiscount, null)
                        .label("Line discount", "行折扣额"))
                .field(FieldDef.<InvoiceLine, Object>of("netAmount", FieldType.DECIMAL, InvoiceLine::getNetAmount, null)
                        .label("Line total (net)", "行金额"))
                .displayName(l -> l.getProductName() == null ? l.getSalesOrderLineId() : l.getProductName())
                .defaultSort("position", false)
                .build();
    }
}
