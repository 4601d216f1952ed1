package org.atriumcrm.api.module;

import org.osgi.annotation.versioning.ProviderType;

/** An entity type a module declares: its name ({@code Account}) and REST plural ({@code accounts}). */
@ProviderType
public record EntityRef(String name, String plural) {

    public boolean matches(String nameOrPlural) {
        return name.equals(nameOrPlural) || plural.equals(nameOrPlural);
    }
}
