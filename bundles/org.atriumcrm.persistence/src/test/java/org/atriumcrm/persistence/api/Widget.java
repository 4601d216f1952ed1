package org.atriumcrm.persistence.api;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Index;
import javax.persistence.Table;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;

/** A small record type for testing the generic store against a real database. */
@Entity
@Table(name = "TEST_WIDGET", indexes = @Index(name = "IX_TEST_WIDGET_NAME_KEY", columnList = "NAME_KEY"))
public class Widget extends BaseRecord {
    @Column(name = "NAME", length = 200)
    private String name;
    @Column(name = "CATEGORY", length = 40)
    private String category;
    @Column(name = "AMOUNT", precision = 19, scale = 4)
    private BigDecimal amount;
    @Column(name = "PARENT_ID", length = 36)
    private String parentId;
    @Column(name = "NAME_KEY", length = 200)
    private String nameKey;

    static final EntityType<Widget> TYPE = EntityType.builder("Widget", "widgets", Widget.class, Widget::new)
            .module("test")
            .field(FieldDef.of("name", FieldType.STRING, Widget::getName, Widget::setName).required().searchable().matchAttribute("nameKey"))
            .field(FieldDef.of("category", FieldType.PICKLIST, Widget::getCategory, Widget::setCategory)
                    .picklist(PicklistValue.of("a", "A", "甲"), PicklistValue.of("b", "B", "乙")))
            .field(FieldDef.of("amount", FieldType.DECIMAL, Widget::getAmount, Widget::setAmount))
            .field(FieldDef.of("parentId", FieldType.REFERENCE, Widget::getParentId, Widget::setParentId)
                    .referenceTo("Widget"))
            .duplicateRule("name")
            .displayName(Widget::getName)
            .build();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }

    String getNameKey() {
        return nameKey;
    }

    @Override
    public void beforeSave() {
        nameKey = (String) FieldDef.matchValue(FieldType.STRING, name);
    }
}
