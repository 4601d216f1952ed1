package org.atriumcrm.purchasing.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.LineItems;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the purchasing module, in English and Simplified Chinese. */
final class PurchasingTypes {
    static final String MODULE = "purchasing";
    static final String UNIT = "atrium.purchasing";

    static final String DRAFT = "draft";
    static final String IN_APPROVAL = "in_approval";
    static final String APPROVED = "approved";
    static final String ORDERED = "ordered";
    static final String PARTLY_RECEIVED = "partly_received";
    static final String RECEIVED = "received";
    static final String CANCELLED = "cancelled";
    static final String POSTED = "posted";
    private static final String CURRENCY_PATTERN = "[A-Z]{3}";
    private static final String CURRENCY_HINT = "must be an ISO 4217 code like CNY or USD";

    static final EntityType<Vendor> VENDOR = vendor();
    static final EntityType<PurchaseOrder> ORDER = order();
    static final EntityType<PurchaseOrderLine> ORDER_LINE = orderLine();
    static final EntityType<GoodsReceipt> RECEIPT = receipt();
    static final EntityType<GoodsReceiptLine> RECEIPT_LINE = receiptLine();
    static final List<EntityType<?>> ALL = List.of(VENDOR, ORDER, ORDER_LINE, RECEIPT, RECEIPT_LINE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private PurchasingTypes() {
    }

    private static EntityType<Vendor> vendor() {
        return EntityType.builder("Vendor", "vendors", Vendor.class, Vendor::new)
                .module(MODULE).menuOrder(150)
                .label("Vendor", "供应商")
                .pluralLabel("Vendors", "供应商")
                .field(FieldDef.of("code", FieldType.STRING, Vendor::getCode, Vendor::setCode)
                        .label("Code", "供应商编码").required().maxLength(30).searchable()
                        .pattern("[A-Za-z0-9_.-]+", "letters, digits, '_', '.' and '-'"))
                .field(FieldDef.of("name", FieldType.STRING, Vendor::getName, Vendor::setName)
                        .label("Name", "供应商名称").required().maxLength(200).searchable())
                .field(FieldDef.of("accountId", FieldType.REFERENCE, Vendor::getAccountId, Vendor::setAccountId)
                        .label("Account", "对应客户档案").referenceTo("Account"))
                .field(FieldDef.of("contactId", FieldType.REFERENCE, Vendor::getContactId, Vendor::setContactId)
                        .label("Contact", "联系人").referenceTo("Contact"))
                .field(FieldDef.of("email", FieldType.EMAIL, Vendor::getEmail, Vendor::setEmail).label("Email", "邮箱").maxLength(254))
                .field(FieldDef.of("phone", FieldType.PHONE, Vendor::getPhone, Vendor::setPhone).label("Phone", "电话").maxLength(40))
                .field(FieldDef.of("address", FieldType.STRING, Vendor::getAddress, Vendor::setAddress).label("Address", "地址").maxLength(1000))
                .field(FieldDef.of("paymentTermDays", FieldType.INTEGER, Vendor::getPaymentTermDays, Vendor::setPaymentTermDays)
                        .label("Payment term (days)", "付款期限（天）"))
                .field(FieldDef.of("currency", FieldType.STRING, Vendor::getCurrency, Vendor::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern(CURRENCY_PATTERN, CURRENCY_HINT))
                .field(FieldDef.of("active", FieldType.BOOLEAN, Vendor::getActive, Vendor::setActive).label("Active", "启用"))
                .relatedList("purchase-orders", "PurchaseOrder", "vendorId", "Purchase orders", "采购订单")
                .displayName(v -> v.getCode() + " " + v.getName())
                .defaultSort("name", false)
                .build();
    }

    private static EntityType<PurchaseOrder> order() {
        return EntityType.builder("PurchaseOrder", "purchase-orders", PurchaseOrder.class, PurchaseOrder::new)
                .module(MODULE).menuOrder(151)
                .label("Purchase order", "采购订单")
                .pluralLabel("Purchase orders", "采购订单")
                .field(FieldDef.<PurchaseOrder, String>of("number", FieldType.STRING, PurchaseOrder::getNumber, null)
                        .label("Number", "订单编号").searchable())
                .field(FieldDef.of("vendorId", FieldType.REFERENCE, PurchaseOrder::getVendorId, PurchaseOrder::setVendorId)
                        .label("Vendor", "供应商").required().referenceTo("Vendor"))
                .field(FieldDef.of("warehouseId", FieldType.REFERENCE, PurchaseOrder::getWarehouseId, PurchaseOrder::setWarehouseId)
                        .label("Receiving warehouse (default warehouse when empty)", "收货仓库（为空时为默认仓库）").referenceTo("Warehouse"))
                .field(FieldDef.of("currency", FieldType.STRING, PurchaseOrder::getCurrency, PurchaseOrder::setCurrency)
                        .label("Currency (the vendor's when empty)", "币种（为空时为供应商币种）").maxLength(3).pattern(CURRENCY_PATTERN, CURRENCY_HINT))
                .field(FieldDef.of("orderDate", FieldType.DATE, PurchaseOrder::getOrderDate, PurchaseOrder::setOrderDate)
                        .label("Order date", "订货日期"))
                .field(FieldDef.of("expectedDate", FieldType.DATE, PurchaseOrder::getExpectedDate, PurchaseOrder::setExpectedDate)
                        .label("Expected delivery", "预计到货日期"))
                .field(FieldDef.<PurchaseOrder, String>of("status", FieldType.PICKLIST, PurchaseOrder::getStatus, null)
                        .label("Status", "状态").picklist(PicklistValue.of(DRAFT, "Draft", "草稿"),
                                PicklistValue.of(IN_APPROVAL, "In approval", "审批中"), PicklistValue.of(APPROVED, "Approved", "已审批"),
                                PicklistValue.of(ORDERED, "Ordered", "已下单"), PicklistValue.of(PARTLY_RECEIVED, "Partly received", "部分到货"),
                                PicklistValue.of(RECEIVED, "Received", "已到货"), PicklistValue.of(CANCELLED, "Cancelled", "已取消")))
                .field(FieldDef.<PurchaseOrder, Object>of("subtotal", FieldType.DECIMAL, PurchaseOrder::getSubtotal, null)
                        .label("Subtotal", "不含税金额"))
                .field(FieldDef.<PurchaseOrder, Object>of("taxTotal", FieldType.DECIMAL, PurchaseOrder::getTaxTotal, null)
                        .label("Tax", "税额"))
                .field(FieldDef.<PurchaseOrder, Object>of("grandTotal", FieldType.DECIMAL, PurchaseOrder::getGrandTotal, null)
                        .label("Grand total", "价税合计"))
                .field(FieldDef.<PurchaseOrder, String>of("approverId", FieldType.ID, PurchaseOrder::getApproverId, null)
                        .label("Approver", "审批人"))
                .field(FieldDef.<PurchaseOrder, String>of("approvalReason", FieldType.STRING, PurchaseOrder::getApprovalReason, null)
                        .label("Why approval is needed", "审批原因"))
                .field(FieldDef.<PurchaseOrder, String>of("decisionComment", FieldType.STRING, PurchaseOrder::getDecisionComment, null)
                        .label("Approver's comment", "审批意见"))
                .field(FieldDef.<PurchaseOrder, Object>of("paymentDueDate", FieldType.DATE, PurchaseOrder::getPaymentDueDate, null)
                        .label("Payment due (order date + the vendor's term)", "付款到期日（下单日期 + 供应商付款期限）"))
                .field(FieldDef.<PurchaseOrder, Object>of("paidAmount", FieldType.DECIMAL, PurchaseOrder::getPaidAmount, null)
                        .label("Paid", "已付金额"))
                .field(FieldDef.of("notes", FieldType.TEXT, PurchaseOrder::getNotes, PurchaseOrder::setNotes)
                        .label("Notes", "备注").maxLength(2000).notFilterable())
                .relatedList("lines", "PurchaseOrderLine", "purchaseOrderId", "Lines", "订单明细")
                .relatedList("payments", "Payment", "purchaseOrderId", "Payments", "付款记录")
                .lineItems(LineItems.in("lines").product("productId").quantity("quantity").unitPrice("unitCost").lineTotal("lineTotal")
                        .totals("subtotal", "taxTotal", "grandTotal").currency("currency").editableWhile("status", DRAFT))
                .relatedList("receipts", "GoodsReceipt", "purchaseOrderId", "Goods receipts", "采购入库单")
                .displayName(o -> o.getNumber() == null ? o.getId() : o.getNumber())
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<PurchaseOrderLine> orderLine() {
        return EntityType.builder("PurchaseOrderLine", "purchase-order-lines", PurchaseOrderLine.class, PurchaseOrderLine::new)
                .module(MODULE).detail()
                .label("Purchase order line", "采购订单明细")
                .pluralLabel("Purchase order lines", "采购订单明细")
                .field(FieldDef.of("purchaseOrderId", FieldType.REFERENCE, PurchaseOrderLine::getPurchaseOrderId, PurchaseOrderLine::setPurchaseOrderId)
                        .label("Purchase order", "采购订单").required().referenceTo("PurchaseOrder"))
                .field(FieldDef.of("productId", FieldType.REFERENCE, PurchaseOrderLine::getProductId, PurchaseOrderLine::setProductId)
                        .label("Product", "产品").required().referenceTo("Product"))
                .field(FieldDef.of("quantity", FieldType.DECIMAL, PurchaseOrderLine::getQuantity, PurchaseOrderLine::setQuantity)
                        .label("Quantity", "数量").required())
                .field(FieldDef.of("unitCost", FieldType.DECIMAL, PurchaseOrderLine::getUnitCost, PurchaseOrderLine::setUnitCost)
                        .label("Unit cost (the product's cost when empty)", "单价（为空时取产品成本价）"))
                .field(FieldDef.of("taxRate", FieldType.DECIMAL, PurchaseOrderLine::getTaxRate, PurchaseOrderLine::setTaxRate)
                        .label("Tax rate % (the product's when empty)", "税率 %（为空时取产品税率）"))
                .field(FieldDef.<PurchaseOrderLine, Object>of("lineTotal", FieldType.DECIMAL, PurchaseOrderLine::getLineTotal, null)
                        .label("Net amount", "金额"))
                .field(FieldDef.<PurchaseOrderLine, Object>of("receivedQuantity", FieldType.DECIMAL, PurchaseOrderLine::getReceivedQuantity, null)
                        .label("Received", "已到货数量"))
                .displayName(PurchaseOrderLine::getProductId)
                .defaultSort("createdAt", false)
                .build();
    }

    private static EntityType<GoodsReceipt> receipt() {
        return EntityType.builder("GoodsReceipt", "goods-receipts", GoodsReceipt.class, GoodsReceipt::new)
                .module(MODULE).menuOrder(152)
                .label("Goods receipt", "采购入库单")
                .pluralLabel("Goods receipts", "采购入库单")
                .field(FieldDef.<GoodsReceipt, String>of("number", FieldType.STRING, GoodsReceipt::getNumber, null)
                        .label("Number", "入库单号").searchable())
                .field(FieldDef.of("purchaseOrderId", FieldType.REFERENCE, GoodsReceipt::getPurchaseOrderId, GoodsReceipt::setPurchaseOrderId)
                        .label("Purchase order", "采购订单").required().referenceTo("PurchaseOrder"))
                .field(FieldDef.of("warehouseId", FieldType.REFERENCE, GoodsReceipt::getWarehouseId, GoodsReceipt::setWarehouseId)
                        .label("Warehouse (the order's when empty)", "入库仓库（为空时取订单仓库）").referenceTo("Warehouse"))
                .field(FieldDef.of("receiptDate", FieldType.DATE, GoodsReceipt::getReceiptDate, GoodsReceipt::setReceiptDate)
                        .label("Receipt date", "入库日期"))
                .field(FieldDef.<GoodsReceipt, String>of("status", FieldType.PICKLIST, GoodsReceipt::getStatus, null)
                        .label("Status", "状态").picklist(PicklistValue.of(DRAFT, "Draft", "草稿"), PicklistValue.of(POSTED, "Posted", "已入库")))
                .field(FieldDef.<GoodsReceipt, Object>of("postedAt", FieldType.DATETIME, GoodsReceipt::getPostedAt, null)
                        .label("Posted at", "入库时间"))
                .field(FieldDef.of("notes", FieldType.TEXT, GoodsReceipt::getNotes, GoodsReceipt::setNotes)
                        .label("Notes", "备注").maxLength(2000).notFilterable())
                .relatedList("lines", "GoodsReceiptLine", "goodsReceiptId", "Lines", "入库明细")
                .displayName(r -> r.getNumber() == null ? r.getId() : r.getNumber())
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<GoodsReceiptLine> receiptLine() {
        return EntityType.builder("GoodsReceiptLine", "goods-receipt-lines", GoodsReceiptLine.class, GoodsReceiptLine::new)
                .module(MODULE).detail()
                .label("Goods receipt line", "入库明细")
                .pluralLabel("Goods receipt lines", "入库明细")
                .field(FieldDef.of("goodsReceiptId", FieldType.REFERENCE, GoodsReceiptLine::getGoodsReceiptId, GoodsReceiptLine::setGoodsReceiptId)
                        .label("Goods receipt", "采购入库单").required().referenceTo("GoodsReceipt"))
                .field(FieldDef.of("purchaseOrderLineId", FieldType.REFERENCE, GoodsReceiptLine::getPurchaseOrderLineId,
                        GoodsReceiptLine::setPurchaseOrderLineId).label("Purchase order line", "采购订单明细").required().referenceTo("PurchaseOrderLine"))
                .field(FieldDef.<GoodsReceiptLine, String>of("productId", FieldType.REFERENCE, GoodsReceiptLine::getProductId, null)
                        .label("Product", "产品").referenceTo("Product"))
                .field(FieldDef.of("quantity", FieldType.DECIMAL, GoodsReceiptLine::getQuantity, GoodsReceiptLine::setQuantity)
                        .label("Quantity received", "到货数量").required())
                .field(FieldDef.<GoodsReceiptLine, String>of("movementId", FieldType.REFERENCE, GoodsReceiptLine::getMovementId, null)
                        .label("Stock movement", "出入库流水").referenceTo("StockMovement"))
                .displayName(GoodsReceiptLine::getProductId)
                .defaultSort("createdAt", false)
                .build();
    }
}
