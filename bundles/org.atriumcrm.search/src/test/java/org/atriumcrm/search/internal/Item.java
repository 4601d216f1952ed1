package org.atriumcrm.search.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.record.Record;

/** A record with one field of each kind the list index keeps. */
final class Item implements Record {
    static final EntityType<Item> TYPE = type("Account", "accounts");
    static final EntityType<Item> OTHER = type("Contact", "contacts");

    private static EntityType<Item> type(String name, String plural) {
        return EntityType.builder(name, plural, Item.class, () -> new Item(null, null)).module("test")
                .field(FieldDef.of("name", FieldType.STRING, Item::getName, Item::setName).searchable())
                .field(FieldDef.of("phone", FieldType.PHONE, Item::getPhone, Item::setPhone).searchable())
                .field(FieldDef.of("category", FieldType.PICKLIST, Item::getCategory, Item::setCategory))
                .field(FieldDef.of("amount", FieldType.DECIMAL, Item::getAmount, Item::setAmount))
                .field(FieldDef.of("employees", FieldType.INTEGER, Item::getEmployees, Item::setEmployees))
                .field(FieldDef.of("active", FieldType.BOOLEAN, Item::getActive, Item::setActive))
                .field(FieldDef.of("closeDate", FieldType.DATE, Item::getCloseDate, Item::setCloseDate))
                .field(FieldDef.of("notes", FieldType.TEXT, Item::getNotes, Item::setNotes))
                .build();
    }

    private final String id;
    private String ownerId;
    Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
    private String name;
    private String phone;
    private String category;
    private BigDecimal amount;
    private Long employees;
    private Boolean active;
    private LocalDate closeDate;
    private String notes;

    Item(String id, String ownerId) {
        this.id = id;
        this.ownerId = ownerId;
    }

    @Override public String getId() { return id; }
    @Override public String getOwnerId() { return ownerId; }
    @Override public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    @Override public Instant getCreatedAt() { return createdAt; }
    @Override public String getCreatedBy() { return "u0"; }
    @Override public Instant getModifiedAt() { return createdAt; }
    @Override public String getModifiedBy() { return "u0"; }
    @Override public long getVersion() { return 1; }
    @Override public Instant getDeletedAt() { return null; }
    @Override public String getDeletedBy() { return null; }
    String getName() { return name; }
    void setName(String v) { name = v; }
    String getPhone() { return phone; }
    void setPhone(String v) { phone = v; }
    String getCategory() { return category; }
    void setCategory(String v) { category = v; }
    BigDecimal getAmount() { return amount; }
    void setAmount(BigDecimal v) { amount = v; }
    Long getEmployees() { return employees; }
    void setEmployees(Long v) { employees = v; }
    Boolean getActive() { return active; }
    void setActive(Boolean v) { active = v; }
    LocalDate getCloseDate() { return closeDate; }
    void setCloseDate(LocalDate v) { closeDate = v; }
    String getNotes() { return notes; }
    void setNotes(String v) { notes = v; }
}
