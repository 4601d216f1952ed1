package org.atriumcrm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.record.Record;

/** A record type with one field of every kind, for codec and parser tests. */
public class Thing implements Record {
    String name;
    String kind;
    String email;
    String website;
    String phone;
    Long count;
    BigDecimal amount;
    Boolean active;
    LocalDate day;
    Instant at;
    String otherId;
    String code;
    String notes;
    String ownerId;

    static final EntityType<Thing> TYPE = EntityType.builder("Thing", "things", Thing.class, Thing::new)
            .module("test")
            .field(FieldDef.of("name", FieldType.STRING, (Thing t) -> t.name, (Thing t, String v) -> t.name = v)
                    .required().maxLength(10).searchable())
            .field(FieldDef.of("kind", FieldType.PICKLIST, (Thing t) -> t.kind, (Thing t, String v) -> t.kind = v)
                    .picklist(PicklistValue.of("a", "A", "甲"), PicklistValue.of("b", "B", "乙")))
            .field(FieldDef.of("email", FieldType.EMAIL, (Thing t) -> t.email, (Thing t, String v) -> t.email = v))
            .field(FieldDef.of("website", FieldType.URL, (Thing t) -> t.website, (Thing t, String v) -> t.website = v))
            .field(FieldDef.of("phone", FieldType.PHONE, (Thing t) -> t.phone, (Thing t, String v) -> t.phone = v))
            .field(FieldDef.of("count", FieldType.INTEGER, (Thing t) -> t.count, (Thing t, Long v) -> t.count = v))
            .field(FieldDef.of("amount", FieldType.DECIMAL, (Thing t) -> t.amount, (Thing t, BigDecimal v) -> t.amount = v))
            .field(FieldDef.of("active", FieldType.BOOLEAN, (Thing t) -> t.active, (Thing t, Boolean v) -> t.active = v))
            .field(FieldDef.of("day", FieldType.DATE, (Thing t) -> t.day, (Thing t, LocalDate v) -> t.day = v))
            .field(FieldDef.of("at", FieldType.DATETIME, (Thing t) -> t.at, (Thing t, Instant v) -> t.at = v))
            .field(FieldDef.of("otherId", FieldType.REFERENCE, (Thing t) -> t.otherId, (Thing t, String v) -> t.otherId = v)
                    .referenceTo("Thing"))
            .field(FieldDef.of("code", FieldType.STRING, (Thing t) -> t.code, (Thing t, String v) -> t.code = v)
                    .pattern("[A-Z]{3}", "must be three capital letters"))
            .field(FieldDef.of("notes", FieldType.TEXT, (Thing t) -> t.notes, (Thing t, String v) -> t.notes = v).notFilterable())
            .build();

    @Override
    public String getId() {
        return "0190a000-0000-7000-8000-000000000001";
    }

    @Override
    public String getOwnerId() {
        return ownerId;
    }

    @Override
    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    @Override
    public Instant getCreatedAt() {
        return Instant.parse("2026-11-22T08:00:00Z");
    }

    @Override
    public String getCreatedBy() {
        return null;
    }

    @Override
    public Instant getModifiedAt() {
        return getCreatedAt();
    }

    @Override
    public String getModifiedBy() {
        return null;
    }

    @Override
    public long getVersion() {
        return 3;
    }

    @Override
    public Instant getDeletedAt() {
        return null;
    }

    @Override
    public String getDeletedBy() {
        return null;
    }
}
