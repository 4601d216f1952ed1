package org.atriumcrm.orders.internal;

import java.math.BigDecimal;
import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;
import org.atriumcrm.persistence.api.BaseRecord;

/** A line of a sales order: a product or service, its quantity, prices, discount, tax and amounts, and how much of it was delivered and invoiced (changed by the invoicing module with conditional UPDATEs: never cached). */
@Entity(name = "SalesOrderLine")
@Cacheable(false)
@Table(name = "ATRIUM_SALES_ORDER_LINE", indexes = {
        @Index(name = "IX_SALES_ORDER_LINE_ORDER", columnList = "SALES_ORDER_ID")})
public class SalesOrderLine extends BaseRecord {
    @Column(name = "SALES_ORDER_ID", length = 36)
    private String salesOrderId;
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
    @Column(name = "LIST_PRICE", precision = 19, scale = 4)
    private BigDecimal listPrice;
    @Column(name = "RESOLVED_PRICE", precision = 19, scale = 4)
    private BigDecimal resolvedPrice;
    @Column(name = "PRICE_EXPLANATION", length = 1000)
    private String priceExplanation;
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
    @Column(name = "DELIVERED_QUANTITY", precision = 19, scale = 4)
    private BigDecimal deliveredQuantity;
    @Column(name = "INVOICED_QUANTITY", precision = 19, scale = 4)
    private BigDecimal invoicedQuantity;
    @Column(name = "DESCRIPTION", length = 2000)
    private String description;

    public String getSalesOrderId() {
        return salesOrderId;
    }

    public void setSalesOrderId(String salesOrderId) {
        this.salesOrderId = salesOrderId;
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

    public BigDecimal getListPrice() {
        return listPrice;
    }

    public void setListPrice(BigDecimal listPrice) {
        this.listPrice = listPrice;
    }

    public BigDecimal getResolvedPrice() {
        return resolvedPrice;
    }

    public void setResolvedPrice(BigDecimal resolvedPrice) {
        this.resolvedPrice = resolvedPrice;
    }

    public String getPriceExplanation() {
        return priceExplanation;
    }

    public void setPriceExplanation(String priceExplanation) {
        this.priceExplanation = priceExplanation;
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

    public BigDecimal getDeliveredQuantity() {
        return deliveredQuantity;
    }

    public void setDeliveredQuantity(BigDecimal deliveredQuantity) {
        this.deliveredQuantity = deliveredQuantity;
    }

    public BigDecimal getInvoicedQuantity() {
        return invoicedQuantity;
    }

    public void setInvoicedQuantity(BigDecimal invoicedQuantity) {
        this.invoicedQuantity = invoicedQuantity;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
