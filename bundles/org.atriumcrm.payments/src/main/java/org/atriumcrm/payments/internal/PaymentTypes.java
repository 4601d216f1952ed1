package org.atriumcrm.payments.internal;

import java.util.List;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.module.EntityRef;

/** Metadata of the payments module, in English and Simplified Chinese. */
final class PaymentTypes {
    static final String MODULE = "payments";
    static final String UNIT = "atrium.payments";

    static final String PAYMENT = "payment";
    static final String REFUND = "refund";
    /** What a payment may change after it was recorded: nothing that moves money. */
    static final java.util.Set<String> EDITABLE = java.util.Set.of("reference", "notes");

    static final EntityType<Payment> PAYMENT_TYPE = payment();
    static final List<EntityType<?>> ALL = List.of(PAYMENT_TYPE);
    static final List<EntityRef> REFS = ALL.stream().map(t -> new EntityRef(t.name(), t.plural())).toList();

    private PaymentTypes() {
    }

    private static EntityType<Payment> payment() {
        return EntityType.builder("Payment", "payments", Payment.class, Payment::new)
                .module(MODULE).menuOrder(170)
                // a bank statement comes as a file: its rows go through the store's own rules (settled in the
                // payment's transaction, never over what is open), a refused row reported with its reason
                .importable()
                .label("Payment", "收付款")
                .pluralLabel("Payments", "收付款")
                .field(FieldDef.<Payment, String>of("number", FieldType.STRING, Payment::getNumber, null)
                        .label("Number", "收付款单号").searchable())
                .field(FieldDef.of("kind", FieldType.PICKLIST, Payment::getKind, Payment::setKind)
                        .label("Kind (payment when empty)", "类型（为空时为收付款）")
                        .picklist(PicklistValue.of(PAYMENT, "Payment", "收付款"), PicklistValue.of(REFUND, "Refund", "退款")))
                .field(FieldDef.of("invoiceId", FieldType.REFERENCE, Payment::getInvoiceId, Payment::setInvoiceId)
                        .label("Invoice (a receivable)", "发票（应收）").referenceTo("Invoice"))
                .field(FieldDef.of("purchaseOrderId", FieldType.REFERENCE, Payment::getPurchaseOrderId, Payment::setPurchaseOrderId)
                        .label("Purchase order (a payable)", "采购订单（应付）").referenceTo("PurchaseOrder"))
                .field(FieldDef.<Payment, String>of("documentNumber", FieldType.STRING, Payment::getDocumentNumber, null)
                        .label("Document number", "单据编号").searchable())
                .field(FieldDef.<Payment, String>of("accountId", FieldType.REFERENCE, Payment::getAccountId, null)
                        .label("Account", "客户").referenceTo("Account"))
                .field(FieldDef.<Payment, String>of("vendorId", FieldType.REFERENCE, Payment::getVendorId, null)
                        .label("Vendor", "供应商").referenceTo("Vendor"))
                .field(FieldDef.of("amount", FieldType.DECIMAL, Payment::getAmount, Payment::setAmount)
                        .label("Amount", "金额").required())
                .field(FieldDef.of("currency", FieldType.STRING, Payment::getCurrency, Payment::setCurrency)
                        .label("Currency (the document's when empty)", "币种（为空时取单据币种）").maxLength(3)
                        .pattern("[A-Z]{3}", "must be an ISO 4217 code like CNY or USD"))
                .field(FieldDef.of("paidOn", FieldType.DATE, Payment::getPaidOn, Payment::setPaidOn)
                        .label("Paid on (today when empty)", "收付款日期（为空时为今天）"))
                .field(FieldDef.of("method", FieldType.PICKLIST, Payment::getMethod, Payment::setMethod)
                        .label("Method", "收付款方式").picklist(
                                PicklistValue.of("bank_transfer", "Bank transfer", "银行转账"),
                                PicklistValue.of("cash", "Cash", "现金"),
                                PicklistValue.of("alipay", "Alipay", "支付宝"),
                                PicklistValue.of("wechat_pay", "WeChat Pay", "微信支付"),
                                PicklistValue.of("acceptance_bill", "Bank acceptance bill", "银行承兑汇票"),
                                PicklistValue.of("cheque", "Cheque", "支票"),
                                PicklistValue.of("card", "Card", "刷卡")))
                .field(FieldDef.of("reference", FieldType.STRING, Payment::getReference, Payment::setReference)
                        .label("Reference (bank slip, transaction id)", "流水号 / 凭证号").maxLength(100).searchable())
                .field(FieldDef.of("notes", FieldType.TEXT, Payment::getNotes, Payment::setNotes)
                        .label("Notes", "备注").maxLength(2000).notFilterable())
                .displayName(p -> p.getNumber() == null ? p.getId() : p.getNumber())
                .defaultSort("createdAt", true)
                .build();
    }
}
