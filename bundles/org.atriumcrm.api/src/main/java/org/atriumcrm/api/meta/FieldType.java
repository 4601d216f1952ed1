package org.atriumcrm.api.meta;

import org.osgi.annotation.versioning.ProviderType;

/** The value types a field can have; each maps to one JSON shape and one Java type. */
@ProviderType
public enum FieldType {
    /** Record id, a UUID string. */
    ID(String.class),
    STRING(String.class),
    /** Long text (descriptions). */
    TEXT(String.class),
    EMAIL(String.class),
    PHONE(String.class),
    URL(String.class),
    INTEGER(Long.class),
    /** Exact decimal, e.g. money: a JSON number or numeric string, never a binary float. */
    DECIMAL(java.math.BigDecimal.class),
    BOOLEAN(Boolean.class),
    /** Calendar date, ISO-8601 {@code 2026-11-22}. */
    DATE(java.time.LocalDate.class),
    /** UTC instant, ISO-8601 {@code 2026-11-22T10:15:30Z}. */
    DATETIME(java.time.Instant.class),
    /** One of the field's picklist values. */
    PICKLIST(String.class),
    /** The id of a record of the field's {@code referenceTo} entity. */
    REFERENCE(String.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public boolean isText() {
        return javaType == String.class;
    }
}
