package org.atriumcrm.quotes.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.LineItems;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the quotes module, in English and Simplified Chinese. */
final class QuoteTypes {
    static final String MODULE = "quotes";
    static final String SERIES = "QUO";

    static final String DRAFT = "draft";
    static final String IN_APPROVAL = "in_approval";
    static final String APPROVED = "approved";
    static final String SENT = "sent";
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";
    static final String CLOSED = "closed";

    static final PicklistValue[] STAGES = {
        PicklistValue.of(DRAFT, "Draft", "草稿"),
        PicklistValue.of(IN_APPROVAL, "In approval", "审批中"),
        PicklistValue.of(APPROVED, "Approved", "已批准"),
        PicklistValue.of(SENT, "Sent", "已发送"),
        PicklistValue.of(ACCEPTED, "Accepted", "客户已接受"),
        PicklistValue.of(REJECTED, "Rejected by the customer", "客户已拒绝"),
        PicklistValue.of(CLOSED, "Closed", "已关闭"),
    };

    static final String NOT_REQUIRED = "not_required";
    static final String PENDING = "pending";
    static final PicklistValue[] APPROVAL_STATUSES = {
        PicklistValue.of(NOT_REQUIRED, "Not required", "无需审批"),
        PicklistValue.of(PENDING, "Pending", "待审批"),
        PicklistValue.of(APPROVED, "Approved", "已批准"),
        PicklistValue.of(REJECTED, "Rejected", "已驳回"),
    };

    static final PicklistValue[] CONVERSIONS = {
        PicklistValue.of("order", "Sales order", "销售订单"),
        PicklistValue.of("contract", "Contract", "合同"),
    };

    static final EntityType<Quote> QUOTE = quote();
    static final EntityType<QuoteLine> LINE = line();
    static final List<EntityType<?>> ALL = List.of(QUOTE, LINE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private QuoteTypes() {
    }

    private static EntityType<Quote> quote() {
        return EntityType.builder("Quote", "quotes", Quote.class, Quote::new)
                .module(MODULE).menuOrder(50)
                .label("Quote", "报价单")
                .pluralLabel("Quotes", "报价单")
                .field(FieldDef.<Quote, String>of("number", FieldType.STRING, Quote::getNumber, null)
                        .label("Number", "报价单号").searchable())
                .field(FieldDef.of("subject", FieldType.STRING, Quote::getSubject, Quote::setSubject)
                        .label("Subject", "主题").required().maxLength(200).searchable())
                .field(FieldDef.of("opportunityId", FieldType.REFERENCE, Quote::getOpportunityId, Quote::setOpportunityId)
                        .label("Opportunity", "销售机会").referenceTo("Opportunity"))
                .field(FieldDef.of("accountId", FieldType.REFERENCE, Quote::getAccountId, Quote::setAccountId)
                        .label("Account (taken from the opportunity when empty)", "客户").referenceTo("Account"))
                .field(FieldDef.of("contactId", FieldType.REFERENCE, Quote::getContactId, Quote::setContactId)
                        .label("Contact", "联系人").referenceTo("Contact"))
                .field(FieldDef.of("currency", FieldType.STRING, Quote::getCurrency, Quote::setCurrency)
                        .label("Currency", "币种").maxLength(3).pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("exchangeRate", FieldType.DECIMAL, Quote::getExchangeRate, Quote::setExchangeRate)
                        .label("Exchange rate to the company currency", "汇率"))
                .field(FieldDef.of("validUntil", FieldType.DATE, Quote::getValidUntil, Quote::setValidUntil)
                        .label("Valid until", "有效期至"))
                .field(FieldDef.of("assignedToId", FieldType.ID, Quote::getAssignedToId, Quote::setAssignedToId)
                        .label("Assigned to", "经办人"))
                .field(FieldDef.of("responsibleId", FieldType.ID, Quote::getResponsibleId, Quote::setResponsibleId)
                        .label("Responsible", "负责人"))
                .field(FieldDef.<Quote, String>of("stage", FieldType.PICKLIST, Quote::getStage, null)
                        .label("Stage", "状态").picklist(STAGES))
                .field(FieldDef.<Quote, String>of("approvalStatus", FieldType.PICKLIST, Quote::getApprovalStatus, null)
                        .label("Approval", "审批状态").picklist(APPROVAL_STATUSES))
                .field(FieldDef.<Quote, String>of("approverId", FieldType.ID, Quote::getApproverId, null)
                        .label("Approver", "审批人"))
                .field(FieldDef.<Quote, String>of("approvalRuleId", FieldType.REFERENCE, Quote::getApprovalRuleId, null)
                        .label("Approval rule", "审批规则").referenceTo("ApprovalRule"))
                .field(FieldDef.<Quote, String>of("approvalReason", FieldType.STRING, Quote::getApprovalReason, null)
                        .label("Why approval is needed", "需审批原因"))
                .field(FieldDef.<Quote, String>of("decisionComment", FieldType.STRING, Quote::getDecisionComment, null)
                        .label("Approver's comment", "审批意见"))
                .field(FieldDef.<Quote, String>of("decidedBy", FieldType.ID, Quote::getDecidedBy, null)
                        .label("Decided by", "审批人（实际）"))
                .field(FieldDef.<Quote, Object>of("decidedAt", FieldType.DATETIME, Quote::getDecidedAt, null)
                        .label("Decided at", "审批时间"))
                .field(FieldDef.of("shipping", FieldType.DECIMAL, Quote::getShipping, Quote::setShipping)
                        .label("Shipping", "运费"))
                .field(FieldDef.of("shippingTaxRate", FieldType.DECIMAL, Quote::getShippingTaxRate, Quote::setShippingTaxRate)
                        .label("Shipping tax rate (%)", "运费税率（%）"))
                .field(FieldDef.of("adjustment", FieldType.DECIMAL, Quote::getAdjustment, Quote::setAdjustment)
                        .label("Adjustment", "调整金额"))
                .field(FieldDef.<Quote, Object>of("subtotal", FieldType.DECIMAL, Quote::getSubtotal, null)
                        .label("Subtotal (net of line discounts)", "小计"))
                .field(FieldDef.<Quote, Object>of("discountTotal", FieldType.DECIMAL, Quote::getDiscountTotal, null)
                        .label("Discounts", "折扣合计"))
                .field(FieldDef.<Quote, Object>of("taxTotal", FieldType.DECIMAL, Quote::getTaxTotal, null)
                        .label("Tax", "税额"))
                .field(FieldDef.<Quote, String>of("taxBreakdown", FieldType.STRING, Quote::getTaxBreakdown, null)
                        .label("Tax per rate", "分税率税额").notFilterable())
                .field(FieldDef.<Quote, Object>of("grandTotal", FieldType.DECIMAL, Quote::getGrandTotal, null)
                        .label("Grand total", "总计"))
                .field(FieldDef.<Quote, Object>of("maxDiscountPercent", FieldType.DECIMAL, Quote::getMaxDiscountPercent, null)
                        .label("Largest line discount (%)", "最大行折扣（%）"))
                .field(FieldDef.<Quote, Long>of("lineCount", FieldType.INTEGER, Quote::getLineCount, null)
                        .label("Lines", "行数"))
                .field(FieldDef.<Quote, Long>of("revision", FieldType.INTEGER, Quote::getRevision, null)
                        .label("Revision", "版本"))
                .field(FieldDef.<Quote, String>of("previousQuoteId", FieldType.REFERENCE, Quote::getPreviousQuoteId, null)
                        .label("Revision of", "上一版本").referenceTo("Quote"))
                .field(FieldDef.<Quote, String>of("supersededById", FieldType.REFERENCE, Quote::getSupersededById, null)
                        .label("Superseded by", "被新版本取代").referenceTo("Quote"))
                .field(FieldDef.<Quote, String>of("convertedTo", FieldType.PICKLIST, Quote::getConvertedTo, null)
                        .label("Converted to", "已转为").picklist(CONVERSIONS))
                .field(FieldDef.<Quote, String>of("convertedId", FieldType.ID, Quote::getConvertedId, null)
                        .label("Converted document", "转换后的单据"))
                .field(FieldDef.<Quote, Object>of("convertedAt", FieldType.DATETIME, Quote::getConvertedAt, null)
                        .label("Converted at", "转换时间"))
                .field(FieldDef.of("terms", FieldType.TEXT, Quote::getTerms, Quote::setTerms)
                        .label("Terms and conditions", "条款").notFilterable())
                .field(FieldDef.of("description", FieldType.TEXT, Quote::getDescription, Quote::setDescription)
                        .label("Description", "描述").notFilterable())
                .relatedList("lines", "QuoteLine", "quoteId", "Lines", "报价明细")
                .lineItems(LineItems.in("lines").product("productId").quantity("quantity").unitPrice("unitPrice")
                        .lineTotal("netAmount").explanation("priceExplanation").warning("stockWarning")
                        .totals("subtotal", "discountTotal", "taxTotal", "shipping", "adjustment", "grandTotal")
                        .taxBreakdown("taxBreakdown").currency("currency").editableWhile("stage", DRAFT))
                .displayName(q -> q.getNumber() == null ? q.getSubject() : q.getNumber() + " " + q.getSubject())
                .defaultSort("createdAt", true)
                .build();
    }

    private static EntityType<QuoteLine> line() {
        return EntityType.builder("QuoteLine", "quote-lines", QuoteLine.class, QuoteLine::new)
                .module(MODULE).detail()
                .label("Quote line", "报价明细")
                .pluralLabel("Quote lines", "报价明细")
                .field(FieldDef.of("quoteId", FieldType.REFERENCE, QuoteLine::getQuoteId, QuoteLine::setQuoteId)
                        .label("Quote", "报价单").required().referenceTo("Quote"))
                .field(FieldDef.of("position", FieldType.INTEGER, QuoteLine::getPosition, QuoteLine::setPosition)
                        .label("Position", "序号"))
                .field(FieldDef.of("productId", FieldType.REFERENCE, QuoteLine::getProductId, QuoteLine::setProductId)
                        .label("Product or service", "产品或服务").required().referenceTo("Product"))
                .field(FieldDef.<QuoteLine, String>of("productName", FieldType.STRING, QuoteLine::getProductName, null)
                        .label("Name", "名称").searchable())
                .field(FieldDef.<QuoteLine, String>of("sku", FieldType.STRING, QuoteLine::getSku, null).label("SKU", "编码"))
                .field(FieldDef.<QuoteLine, String>of("unit", FieldType.STRING, QuoteLine::getUnit, null).label("Unit", "单位"))
                .field(FieldDef.of("quantity", FieldType.DECIMAL, QuoteLine::getQuantity, QuoteLine::setQuantity)
                        .label("Quantity", "数量").required())
                .field(FieldDef.<QuoteLine, Object>of("listPrice", FieldType.DECIMAL, QuoteLine::getListPrice, null)
                        .label("List price", "目录价"))
                .field(FieldDef.<QuoteLine, Object>of("resolvedPrice", FieldType.DECIMAL, QuoteLine::getResolvedPrice, null)
                        .label("Price-book price", "价格表价格"))
                .field(FieldDef.<QuoteLine, String>of("priceExplanation", FieldType.STRING, QuoteLine::getPriceExplanation, null)
                        .label("Where the price comes from", "价格来源").notFilterable())
                .field(FieldDef.of("unitPrice", FieldType.DECIMAL, QuoteLine::getUnitPrice, QuoteLine::setUnitPrice)
                        .label("Unit price (the price-book price when empty)", "单价"))
                .field(FieldDef.of("discountPercent", FieldType.DECIMAL, QuoteLine::getDiscountPercent, QuoteLine::setDiscountPercent)
                        .label("Discount (%)", "折扣（%）"))
                .field(FieldDef.of("discountAmount", FieldType.DECIMAL, QuoteLine::getDiscountAmount, QuoteLine::setDiscountAmount)
                        .label("Discount amount", "折扣金额"))
                .field(FieldDef.<QuoteLine, Object>of("taxRate", FieldType.DECIMAL, QuoteLine::getTaxRate, null)
                        .label("Tax rate (%)", "税率（%）"))
                .field(FieldDef.<QuoteLine, Object>of("grossAmount", FieldType.DECIMAL, QuoteLine::getGrossAmount, null)
                        .label("Gross", "原价金额"))
                .field(FieldDef.<QuoteLine, Object>of("lineDiscount", FieldType.DECIMAL, QuoteLine::getLineDiscount, null)
                        .label("Line discount", "行折扣额"))
                .field(FieldDef.<QuoteLine, Object>of("netAmount", FieldType.DECIMAL, QuoteLine::getNetAmount, null)
                        .label("Line total (net)", "行金额"))
                .field(FieldDef.<QuoteLine, String>of("stockWarning", FieldType.STRING, QuoteLine::getStockWarning, null)
                        .label("Stock warning", "库存预警"))
                .field(FieldDef.of("description", FieldType.STRING, QuoteLine::getDescription, QuoteLine::setDescription)
                        .label("Description", "说明").maxLength(2000))
                .displayName(l -> l.getProductName() == null ? l.getProductId() : l.getProductName())
                .defaultSort("position", false)
                .build();
    }
}
