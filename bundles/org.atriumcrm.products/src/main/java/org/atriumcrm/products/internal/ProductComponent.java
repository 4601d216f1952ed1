package org.atriumcrm.products.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/** One part of a bundle, or a gift that goes out with the product, per unit of the product. */
@Entity(name = "ProductComponent")
@Table(name = "ATRIUM_PRODUCT_COMPONENT", indexes = {@Index(name = "IX_PRODUCT_COMPONENT_PRODUCT", columnList = "PRODUCT_ID"),
        @Index(name = "IX_PRODUCT_COMPONENT_PART", columnList = "COMPONENT_PRODUCT_ID")})
public class ProductComponent extends BaseRecord {
    @Column(name = "PRODUCT_ID", length = 36, nullable = false)
    private String productId;
    @Column(name = "COMPONENT_PRODUCT_ID", length = 36, nullable = false)
    private String componentProductId;
    @Column(name = "QUANTITY", precision = 19, scale = 4)
    private BigDecimal quantity;
    @Column(name = "GIFT")
    private Boolean gift;

    @Override
    public void beforeSave() {
        if (gift == null) {
            gift = false;
        }
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getComponentProductId() {
        return componentProductId;
    }

    public void setComponentProductId(String componentProductId) {
        this.componentProductId = componentProductId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public Boolean getGift() {
        return gift;
    }

    public void setGift(Boolean gift) {
        this.gift = gift;
    }
}
