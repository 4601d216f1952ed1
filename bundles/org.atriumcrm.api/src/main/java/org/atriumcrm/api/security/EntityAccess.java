package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Map;
import java.util.Set;

/**
 * A caller's effective rights on one entity type: the union of their profiles' rights and field access, and
 * the records the role hierarchy, org-wide default, sharing rules and manual shares let them read and change.
 */
@ProviderType
public interface EntityAccess {

    Set<Right> rights();

    default boolean can(Right right) {
        return rights().contains(right);
    }

    /** Fields that are hidden or read-only for the caller; any other field is editable. */
    Map<String, FieldAccess> restrictedFields();

    default FieldAccess field(String name) {
        return restrictedFields().getOrDefault(name, FieldAccess.EDITABLE);
    }

    /** Records the caller may see. */
    Visibility read();

    /** Records the caller may change or delete (a subset of {@link #read()}). */
    Visibility write();

    /** Whether the caller may change this record: the edit right and write access to it. */
    default boolean canChange(org.atriumcrm.api.record.Record record) {
        return can(Right.EDIT) && write().allows(record);
    }
}
