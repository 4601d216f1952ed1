package org.atriumcrm.api.security;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Set;

import org.atriumcrm.api.record.Record;

/**
 * Which records of one entity type a caller may see (or change): every record, or those owned by one of
 * {@code ownerIds} (the caller, their groups, the users below them in the role hierarchy, owners shared with
 * them by sharing rules) plus {@code recordIds} shared with them one by one. Stores turn it into a SQL
 * predicate, so paging and totals only ever count visible records; {@link #allows(Record)} is the same rule
 * for one record in hand.
 */
@ProviderType
public record Visibility(boolean all, Set<String> ownerIds, Set<String> recordIds) {
    public static final Visibility ALL = new Visibility(true, Set.of(), Set.of());
    public static final Visibility NONE = new Visibility(false, Set.of(), Set.of());

    public Visibility {
        ownerIds = all ? Set.of() : Set.copyOf(ownerIds);
        recordIds = all ? Set.of() : Set.copyOf(recordIds);
    }

    public boolean allows(Record record) {
        return all || ownerIds.contains(record.getOwnerId()) || recordIds.contains(record.getId());
    }

    public boolean isNone() {
        return !all && ownerIds.isEmpty() && recordIds.isEmpty();
    }
}
