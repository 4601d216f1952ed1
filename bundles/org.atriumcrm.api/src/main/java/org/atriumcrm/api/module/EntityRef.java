package org.atriumcrm.api.module;

/** An entity type a module declares: its name ({@code Account}) and REST plural ({@code accounts}). */
public record EntityRef(String name, String plural) {

    public boolean matches(String nameOrPlural) {
        return name.equals(nameOrPlural) || plural.equals(nameOrPlural);
    }
}
