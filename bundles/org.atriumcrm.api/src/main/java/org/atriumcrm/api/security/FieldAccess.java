package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;

/** Field-level security: what a user may do with one field of an entity type. Later constants grant more. */
@ProviderType
public enum FieldAccess {
    /** Absent from responses, metadata and history; cannot be filtered, sorted, searched or written. */
    HIDDEN,
    /** Visible, but a write is refused with 403. */
    READ_ONLY,
    EDITABLE;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<FieldAccess> fromJsonName(String name) {
        for (FieldAccess a : values()) {
            if (a.jsonName().equals(name)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }

    /** The more permissive of two grants: a user's rights are the union of their profiles. */
    public FieldAccess union(FieldAccess other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
