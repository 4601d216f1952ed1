package org.atriumcrm.orders.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.LineItems;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the orders module, in English and Simplified Chinese. */
final class OrderTypes {
    static final String MODULE = "orders";
    static final String UNIT = "atrium.orders";
    static final String SERIES = "SO";

    static final String DRAFT = "draft";
    static final String HELD = "held";
    static final String CONFIRMED = "confirmed";
    static final String PARTLY_DELIVERED = "partly_delivered";
    static final String DELIVERED = "delivered";
    static final String CANCELLED = "cancelled";
    /** The statuses whose amounts count against the credit limit until invoiced. */
    static final List<String> OPEN = List.of(CONFIRMED, PARTLY_DELIVERED, DELIVERED);

    static final PicklistValue[] STATUSES = {
        PicklistValue.of(DRAFT, "Draft", "草稿"),
        PicklistValue.of(HELD, "Held by the credit check (in approval)", "信用冻结（审批中）"),
        PicklistValue.of(CONFIRMED, "Confirmed", "已确认"),
        PicklistValue.of(PARTLY_DELIVERED, "Partly delivered", "部分发货"),
        PicklistValue.of(DELIVERED, "Delivered", "已发货"),
        PicklistValue.of(CANCELLED, "Cancelled", "已取消"),
    };

    static final String CREDIT_PASSED = "passed";
    static final String CREDIT_NOT_CONFIGURED = "not_configured";
    static final String CREDIT_OVER_LIMIT = "over_limit";
    static final String CREDIT_OVERDUE = "overdue";
    static final String CREDIT_APPROVED = "approved";
    static final PicklistValue[] CREDIT_CHECKS = {
        PicklistValue.of(CREDIT_PASSED, "Passed", "通过"),
        PicklistValue.of(CREDIT_NOT_CONFIGURED, "No credit limit set", "未设信用额度"),
        PicklistValue.of(CREDIT_OVER_LIMIT, "Over the credit limit", "超出信用额度"),
        PicklistValue.of(CREDIT_OVERDUE, "Invoice overdue past the credit term", "发票逾期超出信用期"),
        PicklistValue.of(CREDIT_APPROVED, "Over the limit, approved", "超额已审批"),
    };

    static final PicklistValue[] FREQUENCIES = {
        PicklistValue.of("monthly", "Monthly", "每月"),
        PicklistValue.of("quarterly", "Quarterly", "每季度"),
        PicklistValue.of("yearly", "Yearly", "每年"),
    };

    static final EntityType<SalesOrder> ORDER = order();
    static final EntityType<SalesOrderLine> LINE = line();
    static final EntityType<CreditUnit> CREDIT_UNIT = creditUnit();
    static final EntityType<AccountCredit> ACCOUNT_CREDIT = accountCredit();
    static final List<EntityType<?>> ALL = List.of(ORDER, LINE, CREDIT_UNIT, ACCOUNT_CREDIT);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private OrderTypes() {
    }

    private static EntityType<SalesOrder> order() {
        return EntityType.builder("SalesOrder", "sales-orders", SalesOrder.class, SalesOrder::new)
                .module(MODULE).menuOrder(55)
                .label("Sales order", "销售订单")
                .pluralLabel("Sales orders", "销售订单")
                .field(FieldDef.<SalesOrder, String>of("number", FieldType.STRING, SalesOrder::getNumber, null)
                        .label("Number", "订单号").searchable())
                .field(FieldDef.of("subject", FieldType.STRING, SalesOrder::getSubject, SalesOrder::setSubject)
                        .label("Subject", "主题").maxLength(200).searchable())
                .field(FieldDef.of("accountId", FieldType.REFERENCE, SalesOrder::getAccountId, SalesOrder::setAccountId)
                        .label("Account (taken from the quote, contract or opportunity when empty)", "客户").referenceTo("Account"))
                .field(FieldDef.of("contactId", FieldType.REFERENCE, SalesOrder::getContactId, SalesOrder::setContactId)
                        .label("Contact", "联系人").referenceTo("Contact"))
                .field(FieldDef.of("opportunityId", FieldType.REFERENCE, SalesOrder::getOpportunityId, SalesOrder::setOpportunityId)
                        .label("Opportunity", "销售机会").referenceTo("Opportunity"))
                .field(FieldDef.of("quoteId", FieldType.REFERENCE, SalesOrder::getQuoteId, SalesOrder::setQuoteId)
                        .label("Quote", "报价单").referenceTo("Quote"))
                .field(FieldDef.of("contractId", FieldType.REFERENCE, SalesOrder::getContractId, SalesOrder::setContractId)
                        .label("Contract", "合同").referenceTo("Contract"))
                .field(FieldDef.of("currency", FieldType.STRING, SalesOrder::getCurrency, SalesOrder::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("exchangeRate", FieldType.DECIMAL, SalesOrder::getExchangeRate, SalesOrder::setExchangeRate)
                        .label("Exchange rate to the company currency", "汇率"))
                .field(FieldDef.of("orderDate", FieldType.DATE, SalesOrder::getOrderDate, SalesOrder::setOrderDate)
                        .label("Order date", "订单日期"))
                .field(FieldDef.of("billingAddress", FieldType.STRING, SalesOrder::getBillingAddress, SalesOrder::setBillingAddress)
                        .label("Billing address", "开票地址").maxLength(1000))
                .field(FieldDef.of("shippingAddress", FieldType.STRING, SalesOrder::getShippingAddress, SalesOrder::setShippingAddress)
                        .label("Shipping address", "收货地址").maxLength(1000))
                .field(FieldDef.of("paymentTermDays", FieldType.INTEGER, SalesOrder::getPaymentTermDays, SalesOrder::setPaymentTermDays)
                        .label("Payment term (days)", "付款期限（天）"))
                .field(FieldDef.<SalesOrder, String>of("status", FieldType.PICKLIST, SalesOrder::getStatus, null)
                        .label("Status", "状态").picklist(STATUSES))
                .field(FieldDef.of("shipping", FieldType.DECIMAL, SalesOrder::getShipping, SalesOrder::setShipping)
                        .label("Shipping", "运费"))
                .field(FieldDef.of("shippingTaxRate", FieldType.DECIMAL, SalesOrder::getShippingTaxRate, SalesOrder::setShippingTaxRate)
                        .label("Shipping tax rate (%)", "运费税率（%）"))
                .field(FieldDef.of("adjustment", FieldType.DECIMAL, SalesOrder::getAdjustment, SalesOrder::setAdjustment)
                        .label("Adjustment", "调整金额"))
                .field(FieldDef.<SalesOrder, Object>of("subtotal", FieldType.DECIMAL, SalesOrder::getSubtotal, null)
                        .label("Subtotal (net of line discounts)", "小计"))
                .field(FieldDef.<SalesOrder, Object>of("discountTotal", FieldType.DECIMAL, SalesOrder::getDiscountTotal, null)
                        .label("Discounts", "折扣合计"))
                .field(FieldDef.<SalesOrder, Object>of("taxTotal", FieldType.DECIMAL, SalesOrder::getTaxTotal, null)
                        .label("Tax", "税额"))
                .field(FieldDef.<SalesOrder, String>of("taxBreakdown", FieldType.STRING, SalesOrder::getTaxBreakdown, null)
                        .label("Tax per rate", "分税率税额").notFilterable())
                .field(FieldDef.<SalesOrder, Object>of("grandTotal", FieldType.DECIMAL, SalesOrder::getGrandTotal, null)
                        .label("Grand total", "总计"))
                .field(FieldDef.<SalesOrder, Object>of("invoicedAmount", FieldType.DECIMAL, SalesOrder::getInvoicedAmount, null)
                        .label("Invoiced", "已开票金额"))
                .field(FieldDef.<SalesOrder, Long>of("lineCount", FieldType.INTEGER, SalesOrder::getLineCount, null)
                        .label("Lines", "行数"))
                .field(FieldDef.<SalesOrder, String>of("creditCheck", FieldType.PICKLIST, SalesOrder::getCreditCheck, null)
                        .label("Credit check", "信用检查").picklist(CREDIT_CHECKS))
                .field(FieldDef.<SalesOrder, Object>of("creditLimit", FieldType.DECIMAL, SalesOrder::getCreditLimit, null)
                        .label("Credit limit at the check", "检查时信用额度"))
                .field(FieldDef.<SalesOrder, Object>of("creditExposure", FieldType.DECIMAL, SalesOrder::getCreditExposure, null)
                        .label("Exposure before this order", "检查时已占用额度"))
                .field(FieldDef.<SalesOrder, Object>of("creditOverdueSince", FieldType.DATE, SalesOrder::getCreditOverdueSince, null)
                        .label("Oldest open invoice due", "最早未付发票到期日"))
                .field(FieldDef.<SalesOrder, Object>of("creditCheckedAt", FieldType.DATETIME, SalesOrder::getCreditCheckedAt, null)
                        .label("Credit checked at", "信用检查时间"))
                .field(FieldDef.<SalesOrder, String>of("creditReason", FieldType.STRING, SalesOrder::getCreditReason, null)
                        .label("Credit check result", "信用检查说明"))
                .field(FieldDef.<SalesOrder, String>of("creditUnitId", FieldType.REFERENCE, SalesOrder::getCreditUnitId, null)
                        .label("Credit unit", "信用单位").referenceTo("CreditUnit"))
                .field(FieldDef.<SalesOrder, String>of("approverId", FieldType.ID, SalesOrder::getApproverId, null)
                        .label("Approver of the credit hold", "信用审批人"))
                .field(FieldDef.<SalesOrder, String>of("decisionComment", FieldType.STRING, SalesOrder::getDecisionComment, null)
                        .label("Approver's comment", "审批意见"))
                .field(FieldDef.<SalesOrder, String>of("decidedBy", FieldType.ID, SalesOrder::getDecidedBy, null)
                        .label("Decided by", "审批人（实际）"))
                .field(FieldDef.<SalesOrder, Object>of("decidedAt", FieldType.DATETIME, SalesOrder::getDecidedAt, null)
                        .label("Decided at", "审批时间"))
                .field(FieldDef.<SalesOrder, Object>of("confirmedAt", FieldType.DATETIME, SalesOrder::getConfirmedAt, null)
                        .label("Confirmed at", "确认时间"))
                .field(FieldDef.<SalesOrder, String>of("externalSource", FieldType.STRING, SalesOrder::getExternalSource, null)
                        .label("Source (connector)", "来源（连接器）"))
                .field(FieldDef.<SalesOrder, String>of("externalId", FieldType.STRING, SalesOrder::getExternalId, null)
                        .label("Order id at the source", "来源订单 ID"))
                .field(FieldDef.<SalesOrder, String>of("externalNumber", FieldType.STRING, SalesOrder::getExternalNumber, null)
                        .label("Order number at the source", "来源订单号").searchable())
                .field(FieldDef.<SalesOrder, String>of("cancelReason", FieldType.STRING, SalesOrder::getCancelReason, null)
                        .label("Why cancelled", "取消原因"))
                .field(FieldDef.of("invoiceFrequency", FieldType.PICKLIST, SalesOrder::getInvoiceFrequency, SalesOrder::setInvoiceFrequency)
                        .label("Recurring invoicing", "周期开票").picklist(FREQUENCIES))
                .field(FieldDef.of("invoiceStart", FieldType.DATE, SalesOrder::getInvoiceStart, SalesOrder::setInvoiceStart)
                        .label("Recurring invoicing from", "周期开票开始"))
                .field(FieldDef.of("invoiceEnd", FieldType.DATE, SalesOrder::getInvoiceEnd, SalesOrder::setInvoiceEnd)
                        .label("Recurring invoicing until", "周期开票结束"))
                .field(FieldDef.of("invoicePaymentTermDays", FieldType.INTEGER, SalesOrder::getInvoicePaymentTermDays,
                        SalesOrder::setInvoicePaymentTermDays).label("Payment term of recurring invoices (days)", "周期发票付款期限（天）"))
                .field(FieldDef.<SalesOrder, Object>of("nextInvoiceDate", FieldType.DATE, SalesOrder::getNextInvoiceDate, null)
                        .label("Next recurring invoice", "下次开票日期"))
                .field(FieldDef.of("terms", FieldType.TEXT, SalesOrder::getTerms, SalesOrder::setTerms)
                        .label("Terms and conditions", "条款").notFilterable())
                .field(FieldDef.of("description", FieldType.TEXT, SalesOrder::getDescription, SalesOrder::setDescription)
                        .label("Description", "描述").notFilterable())
                .relatedList("lines", "SalesOrderLine", "salesOrderId", "Lines", "订单明细")
                .lineItems(LineItems.in("lines").product("productId").quantity("quantity").unitPrice("unitPrice")
                        .lineTotal("netAmount").explanation("priceExplanation")
                        .totals("subtotal", "discountTotal", "taxTotal", "shipping", "adjustment", "grandTotal")
                        .taxBreakdown("taxBreakdown").currency("currency").editableWhile("status", DRAFT))
                .displayName(o -> o.getNumber() == null ? o.getSubject() : o.getSubject() == null ? o.getNumber() : o.getNumber() + " " + o.getSubject())
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<SalesOrderLine> line() {
        return EntityType.builder("SalesOrderLine", "sales-order-lines", SalesOrderLine.class, SalesOrderLine::new)
                .module(MODULE).detail()
                .label("Sales order line", "订单明细")
                .pluralLabel("Sales order lines", "订单明细")
                .field(FieldDef.of("salesOrderId", FieldType.REFERENCE, SalesOrderLine::getSalesOrderId, SalesOrderLine::setSalesOrderId)
                        .label("Sales order", "销售订单").required().referenceTo("SalesOrder"))
                .field(FieldDef.of("position", FieldType.INTEGER, SalesOrderLine::getPosition, SalesOrderLine::setPosition)
                        .label("Position", "序号"))
                .field(FieldDef.of("productId", FieldType.REFERENCE, SalesOrderLine::getProductId, SalesOrderLine::setProductId)
                        .label("Product or service", "产品或服务").required().referenceTo("Product"))
                .field(FieldDef.<SalesOrderLine, String>of("productName", FieldType.STRING, SalesOrderLine::getProductName, null)
                        .label("Name", "名称").searchable())
                .field(FieldDef.<SalesOrderLine, String>of("sku", FieldType.STRING, SalesOrderLine::getSku, null).label("SKU", "编码"))
                .field(FieldDef.<SalesOrderLine, String>of("unit", FieldType.STRING, SalesOrderLine::getUnit, null).label("Unit", "单位"))
                .field(FieldDef.of("quantity", FieldType.DECIMAL, SalesOrderLine::getQuantity, SalesOrderLine::setQuantity)
                        .label("Quantity", "数量").required())
                .field(FieldDef.<SalesOrderLine, Object>of("listPrice", FieldType.DECIMAL, SalesOrderLine::getListPrice, null)
                        .label("List price", "目录价"))
                .field(FieldDef.<SalesOrderLine, Object>of("resolvedPrice", FieldType.DECIMAL, SalesOrderLine::getResolvedPrice, null)
                        .label("Price-book price", "价格表价格"))
                .field(FieldDef.<SalesOrderLine, String>of("priceExplanation", FieldType.STRING, SalesOrderLine::getPriceExplanation, null)
                        .label("Where the price comes from", "价格来源").notFilterable())
                .field(FieldDef.of("unitPrice", FieldType.DECIMAL, SalesOrderLine::getUnitPrice, SalesOrderLine::setUnitPrice)
                        .label("Unit price (the price-book price when empty)", "单价"))
                .field(FieldDef.of("discountPercent", FieldType.DECIMAL, SalesOrderLine::getDiscountPercent, SalesOrderLine::setDiscountPercent)
                        .label("Discount (%)", "折扣（%）"))
                .field(FieldDef.of("discountAmount", FieldType.DECIMAL, SalesOrderLine::getDiscountAmount, SalesOrderLine::setDiscountAmount)
                        .label("Discount amount", "折扣金额"))
                .field(FieldDef.<SalesOrderLine, Object>of("taxRate", FieldType.DECIMAL, SalesOrderLine::getTaxRate, null)
                        .label("Tax rate (%)", "税率（%）"))
                .field(FieldDef.<SalesOrderLine, Object>of("grossAmount", FieldType.DECIMAL, SalesOrderLine::getGrossAmount, null)
                        .label("Gross", "原价金额"))
                .field(FieldDef.<SalesOrderLine, Object>of("lineDiscount", FieldType.DECIMAL, SalesOrderLine::getLineDiscount, null)
                        .label("Line discount", "行折扣额"))
                .field(FieldDef.<SalesOrderLine, Object>of("netAmount", FieldType.DECIMAL, SalesOrderLine::getNetAmount, null)
                        .label("Line total (net)", "行金额"))
                .field(FieldDef.<SalesOrderLine, Object>of("deliveredQuantity", FieldType.DECIMAL, SalesOrderLine::getDeliveredQuantity, null)
                        .label("Delivered", "已发货数量"))
                .field(FieldDef.<SalesOrderLine, Object>of("invoicedQuantity", FieldType.DECIMAL, SalesOrderLine::getInvoicedQuantity, null)
                        .label("Invoiced", "已开票数量"))
                .field(FieldDef.of("description", FieldType.STRING, SalesOrderLine::getDescription, SalesOrderLine::setDescription)
                        .label("Description", "说明").maxLength(2000))
                .displayName(l -> l.getProductName() == null ? l.getProductId() : l.getProductName())
                .defaultSort("position", false)
                .build();
    }

    private static EntityType<CreditUnit> creditUnit() {
        return EntityType.builder("CreditUnit", "credit-units", CreditUnit.class, CreditUnit::new)
                .module(MODULE).menuOrder(56).administrative() // credit is finance's decision, not the rep's
                .label("Credit unit", "信用单位")
                .pluralLabel("Credit units", "信用单位")
                .field(FieldDef.of("name", FieldType.STRING, CreditUnit::getName, CreditUnit::setName)
                        .label("Name", "名称").required().maxLength(200).searchable())
                .field(FieldDef.of("currency", FieldType.STRING, CreditUnit::getCurrency, CreditUnit::setCurrency)
                        .label("Currency of the limit", "额度币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("creditLimit", FieldType.DECIMAL, CreditUnit::getCreditLimit, CreditUnit::setCreditLimit)
                        .label("Credit limit", "信用额度").required())
                .field(FieldDef.of("creditTermDays", FieldType.INTEGER, CreditUnit::getCreditTermDays, CreditUnit::setCreditTermDays)
                        .label("Credit term (days past due)", "信用期（逾期天数）"))
                .field(FieldDef.of("description", FieldType.STRING, CreditUnit::getDescription, CreditUnit::setDescription)
                        .label("Description", "描述").maxLength(2000))
                .relatedList("members", "AccountCredit", "creditUnitId", "Member accounts", "成员客户")
                .displayName(CreditUnit::getName)
                .defaultSort("name", false)
                .build();
    }

    private static EntityType<AccountCredit> accountCredit() {
        return EntityType.builder("AccountCredit", "account-credits", AccountCredit.class, AccountCredit::new)
                .module(MODULE).menuOrder(57).administrative()
                .label("Account credit", "客户信用")
                .pluralLabel("Account credit", "客户信用")
                .field(FieldDef.of("accountId", FieldType.REFERENCE, AccountCredit::getAccountId, AccountCredit::setAccountId)
                        .label("Account", "客户").required().referenceTo("Account"))
                .field(FieldDef.of("creditUnitId", FieldType.REFERENCE, AccountCredit::getCreditUnitId, AccountCredit::setCreditUnitId)
                        .label("Credit unit (its limit and term apply when set)", "信用单位").referenceTo("CreditUnit"))
                .field(FieldDef.of("currency", FieldType.STRING, AccountCredit::getCurrency, AccountCredit::setCurrency)
                        .label("Currency of the limit", "额度币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("creditLimit", FieldType.DECIMAL, AccountCredit::getCreditLimit, AccountCredit::setCreditLimit)
                        .label("Credit limit", "信用额度"))
                .field(FieldDef.of("creditTermDays", FieldType.INTEGER, AccountCredit::getCreditTermDays, AccountCredit::setCreditTermDays)
                        .label("Credit term (days past due)", "信用期（逾期天数）"))
                .displayName(AccountCredit::getAccountId)
                .defaultSort("createdAt", true)
                .build();
    }
}
