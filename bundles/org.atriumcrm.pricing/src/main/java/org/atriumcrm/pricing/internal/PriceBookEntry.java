package org.atriumcrm.pricing.internal;

import java.math.BigDecimal;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/**
 * A product's unit price in a price book from a quantity on (a volume break). One per book, product and minimum
 * quantity, in the recycle bin too: {@code ENTRY_KEY} carries the three under a unique constraint, which decides
 * when two writes race.
 */
@Entity(name = "PriceBookEntry")
@Cacheable(false)
@Table(name = "ATRIUM_PRICE_BOOK_ENTRY",
        indexes = {@Index(name = "UX_PRICE_BOOK_ENTRY_KEY", columnList = "ENTRY_KEY", unique = true),
                @Index(name = "IX_PRICE_BOOK_ENTRY_BOOK", columnList = "PRICE_BOOK_ID"),
                @Index(name = "IX_PRICE_BOOK_ENTRY_PRODUCT", columnList = "PRODUCT_ID")})
public class PriceBookEntry extends BaseRecord {
    @Column(name = "ENTRY_KEY", length = 120)
    private String entryKey;
    @Column(name = "PRICE_BOOK_ID", length = 36, nullable = false)
    private String priceBookId;
    @Column(name = "PRODUCT_ID", length = 36, nullable = false)
    private String productId;
    @Column(name = "UNIT_PRICE", precision = 19, scale = 4)
    private BigDecimal unitPrice;
    @Column(name = "MIN_QUANTITY", precision = 19, scale = 4)
    private BigDecimal minQuantity;

    @Override
    public void beforeSave() {
        if (minQuantity == null) {
            minQuantity = BigDecimal.ZERO;
        }
        entryKey = priceBookId + "/" + productId + "/" + minQuantity.stripTrailingZeros().toPlainString();
    }

    public String getEntryKey() {
        return entryKey;
    }

    public void setEntryKey(String entryKey) {
        this.entryKey = entryKey;
    }

    public String getPriceBookId() {
        return priceBookId;
    }

    public void setPriceBookId(String priceBookId) {
        this.priceBookId = priceBookId;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
        this.unitPrice = unitPrice;
    }

    public BigDecimal getMinQuantity() {
        return minQuantity;
    }

    public void setMinQuantity(BigDecimal minQuantity) {
        this.minQuantity = minQuantity;
    }
}
