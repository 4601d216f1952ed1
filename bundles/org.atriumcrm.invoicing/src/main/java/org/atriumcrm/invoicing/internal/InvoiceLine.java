package org.atriumcrm.invoicing.internal;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A line of an invoice: a quantity of one sales order line at the order's price, discount and tax rate. */
@Entity(name = "InvoiceLine")
@Table(name = "ATRIUM_INVOICE_LINE", indexes = {
        @Index(name = "IX_INVOICE_LINE_INVOICE", columnList = "INVOICE_ID")})
public class InvoiceLine extends BaseRecord {
    @Column(name = "INVOICE_ID", length = 36)
    private String invoiceId;
    @Column(name = "SALES_ORDER_LINE_ID", length = 36)
    private String salesOrderLineId;
    @Column(name = "LINE_POSITION")
    private Long position;
    @Column(name = "PRODUCT_ID", length = 36)
    private String productId;
    @Column(name = "PRODUCT_NAME", length = 200)
    private String productName;
    @Column(name = "SKU", length = 100)
    private String sku;
    @Column(name = "UNIT", length = 40)
    private String unit;
    @Column(name = "QUANTITY", precision = 19, scale = 4)
    private BigDecimal quantity;
    @Column(name = "UNIT_PRICE", precision = 19, scale = 4)
    private BigDecimal unitPrice;
    @Column(name = "DISCOUNT_PERCENT", precision = 19, scale = 4)
    private BigDecimal discountPercent;
    @Column(name = "DISCOUNT_AMOUNT", precision = 19, scale = 4)
    private BigDecimal discountAmount;
    @Column(name = "TAX_RATE", precision = 19, scale = 4)
    private BigDecimal taxRate;
    @Column(name = "GROSS_AMOUNT", precision = 19, scale = 4)
    private BigDecimal grossAmount;
    @Column(name = "LINE_DISCOUNT", precision = 19, scale = 4)
    private BigDecimal lineDiscount;
    @Column(name = "NET_AMOUNT", precision = 19, scale = 4)
    private BigDecimal netAmount;

    public String getInvoiceId() {
        return invoiceId;
    }

    public void setInvoiceId(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    public String getSalesOrderLineId() {
        return salesOrderLineId;
    }

    public void setSalesOrderLineId(String salesOrderLineId) {
        this.salesOrderLineId = salesOrderLineId;
    }

    public Long getPosition() {
        return position;
    }

    public void setPosition(Long position) {
        this.position = position;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getProductName() {
        return productName;
    }

    public void setProductName(String productName) {
        this.productName = productName;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    public void setDiscountPercent(BigDecimal discountPercent) {
        this.discountPercent = discountPercent;
    }

    public BigDecimal getDiscountAmount() {
        return discountAmount;
    }

    public void setDiscountAmount(BigDecimal discountAmount) {
        this.discountAmount = discountAmount;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public void setTaxRate(BigDecimal taxRate) {
        this.taxRate = taxRate;
    }

    public BigDecimal getGrossAmount() {
        return grossAmount;
    }

    public void setGrossAmount(BigDecimal grossAmount) {
        this.grossAmount = grossAmount;
    }

    public BigDecimal getLineDiscount() {
        return lineDiscount;
    }

    public void setLineDiscount(BigDecimal lineDiscount) {
        this.lineDiscount = lineDiscount;
    }

    public BigDecimal getNetAmount() {
        return netAmount;
    }

    public void setNetAmount(BigDecimal netAmount) {
        this.netAmount = netAmount;
    }
}
