package org.atriumcrm.products.internal;

import java.math.BigDecimal;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.persistence.api.BaseRecord;

/**
 * A product or a service of the catalog. The SKU is unique without regard to case, in the recycle bin too (a restore
 * must not make two): {@code SKU_KEY} holds its match form under a unique constraint, which is what decides when two
 * creates of one SKU race.
 */
@Entity(name = "Product")
@Cacheable(false)
@Table(name = "ATRIUM_PRODUCT",
        indexes = {@Index(name = "UX_PRODUCT_SKU_KEY", columnList = "SKU_KEY", unique = true), @Index(name = "IX_PRODUCT_CATEGORY", columnList = "CATEGORY_ID"), @Index(name = "IX_PRODUCT_NAME", columnList = "NAME")})
public class Product extends BaseRecord {
    static final String PRODUCT = "product";
    static final String SERVICE = "service";
    static final String DEFAULT_CURRENCY = "CNY";

    @Column(name = "SKU_KEY", length = 64)
    private String skuKey;
    @Column(name = "SKU", length = 64, nullable = false)
    private String sku;
    @Column(name = "NAME", length = 200, nullable = false)
    private String name;
    @Column(name = "MODEL", length = 100)
    private String model;
    @Column(name = "KIND", length = 10)
    private String kind;
    @Column(name = "CATEGORY_ID", length = 36)
    private String categoryId;
    @Column(name = "UNIT", length = 20)
    private String unit;
    @Column(name = "VENDOR_NAME", length = 200)
    private String vendorName;
    @Column(name = "VENDOR_SKU", length = 64)
    private String vendorSku;
    @Column(name = "TAX_CLASS_ID", length = 36)
    private String taxClassId;
    @Column(name = "LIST_PRICE", precision = 19, scale = 4)
    private BigDecimal listPrice;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "COST", precision = 19, scale = 4)
    private BigDecimal cost;
    @Column(name = "ACTIVE")
    private Boolean active;
    @Column(name = "STOCKED")
    private Boolean stocked;
    @Column(name = "SERIAL_TRACKED")
    private Boolean serialTracked;
    @Column(name = "REORDER_LEVEL", precision = 19, scale = 4)
    private BigDecimal reorderLevel;
    @Column(name = "ALLOW_BACKORDER")
    private Boolean allowBackorder;
    @Column(name = "DESCRIPTION", length = 4000)
    private String description;
    @Column(name = "IMAGE_TYPE", length = 40)
    private String imageType;
    @Column(name = "IMAGE_SIZE")
    private Long imageSize;
    @Column(name = "IMAGE_DIGEST", length = 64)
    private String imageDigest;

    @Override
    public void beforeSave() {
        if (sku != null) {
            sku = sku.strip();
        }
        skuKey = (String) FieldDef.matchValue(FieldType.STRING, sku);
        if (kind == null) {
            kind = PRODUCT;
        }
        if (currency == null) {
            currency = DEFAULT_CURRENCY;
        }
        if (active == null) {
            active = true;
        }
        if (serialTracked == null) {
            serialTracked = false;
        }
        if (allowBackorder == null) {
            allowBackorder = false;
        }
        if (SERVICE.equals(kind)) {
            stocked = false; // a service is never kept in stock, whatever the client sent
            serialTracked = false;
            if (unit == null) {
                unit = "time";
            }
        } else {
            if (stocked == null) {
                stocked = true;
            }
            if (unit == null) {
                unit = "piece";
            }
        }
    }

    boolean isService() {
        return SERVICE.equals(kind);
    }

    public String getSkuKey() {
        return skuKey;
    }

    public void setSkuKey(String skuKey) {
        this.skuKey = skuKey;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getVendorName() {
        return vendorName;
    }

    public void setVendorName(String vendorName) {
        this.vendorName = vendorName;
    }

    public String getVendorSku() {
        return vendorSku;
    }

    public void setVendorSku(String vendorSku) {
        this.vendorSku = vendorSku;
    }

    public String getTaxClassId() {
        return taxClassId;
    }

    public void setTaxClassId(String taxClassId) {
        this.taxClassId = taxClassId;
    }

    public BigDecimal getListPrice() {
        return listPrice;
    }

    public void setListPrice(BigDecimal listPrice) {
        this.listPrice = listPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getCost() {
        return cost;
    }

    public void setCost(BigDecimal cost) {
        this.cost = cost;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public Boolean getStocked() {
        return stocked;
    }

    public void setStocked(Boolean stocked) {
        this.stocked = stocked;
    }

    public Boolean getSerialTracked() {
        return serialTracked;
    }

    public void setSerialTracked(Boolean serialTracked) {
        this.serialTracked = serialTracked;
    }

    public BigDecimal getReorderLevel() {
        return reorderLevel;
    }

    public void setReorderLevel(BigDecimal reorderLevel) {
        this.reorderLevel = reorderLevel;
    }

    public Boolean getAllowBackorder() {
        return allowBackorder;
    }

    public void setAllowBackorder(Boolean allowBackorder) {
        this.allowBackorder = allowBackorder;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getImageType() {
        return imageType;
    }

    public void setImageType(String imageType) {
        this.imageType = imageType;
    }

    public Long getImageSize() {
        return imageSize;
    }

    public void setImageSize(Long imageSize) {
        this.imageSize = imageSize;
    }

    public String getImageDigest() {
        return imageDigest;
    }

    public void setImageDigest(String imageDigest) {
        this.imageDigest = imageDigest;
    }
}
