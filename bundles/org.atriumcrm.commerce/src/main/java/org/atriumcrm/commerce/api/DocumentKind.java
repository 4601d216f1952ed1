package org.atriumcrm.commerce.api;

/** The documents the order-to-cash modules print, each with its own administrator-editable templates. */
public enum DocumentKind {
    QUOTE("Quote", "报价单"),
    CONTRACT("Contract", "合同"),
    SALES_ORDER("Sales order", "销售订单"),
    DELIVERY_NOTE("Delivery note", "发货单"),
    INVOICE("Invoice", "发票"),
    PURCHASE_ORDER("Purchase order", "采购订单");

    private final String en;
    private final String zh;

    DocumentKind(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /** The document's title in {@code locale} ({@code zh-CN} or anything else for English). */
    public String title(String locale) {
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? zh : en;
    }
}
