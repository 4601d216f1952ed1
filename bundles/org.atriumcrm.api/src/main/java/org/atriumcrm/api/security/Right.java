package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;

/** What a profile allows on an entity type. */
@ProviderType
public enum Right {
    VIEW,
    CREATE,
    EDIT,
    DELETE,
    EXPORT,
    IMPORT,
    /** See every record of the type, whatever the owner and sharing (auditors, data stewards). */
    VIEW_ALL;

    public String jsonName() {
        return this == VIEW_ALL ? "viewAll" : name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<Right> fromJsonName(String name) {
        for (Right r : values()) {
            if (r.jsonName().equals(name)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
