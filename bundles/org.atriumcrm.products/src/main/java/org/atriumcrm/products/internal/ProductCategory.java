package org.atriumcrm.products.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.persistence.api.BaseRecord;

/** A node of the product category tree (产品分类): a root when it has no parent. */
@Entity(name = "ProductCategory")
@Table(name = "ATRIUM_PRODUCT_CATEGORY", indexes = @Index(name = "IX_PRODUCT_CATEGORY_PARENT", columnList = "PARENT_ID"))
public class ProductCategory extends BaseRecord {
    @Column(name = "NAME", length = 200, nullable = false)
    private String name;
    @Column(name = "PARENT_ID", length = 36)
    private String parentId;
    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
