package org.atriumcrm.api.record;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one write path for records: REST, imports, mass operations, lead conversion and plugins write through it, so
 * that a record obeys the same domain rules whichever way it arrives. Writes go through the caller's secured store
 * (rights, field-level security, write visibility) after these rules:
 * <ul>
 * <li>a reference points at a live record of the referenced type that the caller may see (else 400 naming the field);</li>
 * <li>a reference to the entity's own type neither points at the record itself nor makes a cycle
 * (an account's parent, a contact's manager);</li>
 * <li>{@code ownerId} is an active user or a group;</li>
 * <li>unless {@code allowDuplicates}, a new record, or a change of a duplicate-rule field, must not match a live
 * record under the entity's duplicate rules (409 {@code duplicate-record} with the matches).</li>
 * </ul>
 * Values are validated and converted as for {@link RecordStore#create}. Entity names are names ({@code Account}) or
 * plurals ({@code accounts}); an unknown or disabled one is a 404.
 *
 * @since 1.3
 */
@ProviderType
public interface RecordWrites {
    Record create(String entity, Map<String, Object> values, boolean allowDuplicates, Caller caller);

    /** Sets the given fields; {@code expectedVersion}, when not null, must be the stored version (412 otherwise). */
    Record update(String entity, String id, Long expectedVersion, Map<String, Object> values, boolean allowDuplicates, Caller caller);

    /** Moves a record to the recycle bin. */
    void delete(String entity, String id, Long expectedVersion, Caller caller);

    /**
     * The rules alone, for a write the caller makes itself (a merge, a plan checked before its first write): throws
     * what the write would get. {@code id} is null for a new record.
     */
    void check(String entity, String id, Map<String, Object> values, boolean allowDuplicates, Caller caller);

    /**
     * The rules for many rows at once (one query per reference field, not one per row): the violation of each row
     * that has one, by its index in {@code rows}. Deletes are not checked.
     */
    Map<Integer, AtriumException> check(String entity, List<BatchWrite> rows, boolean allowDuplicates, Caller caller);

    /**
     * Gives a record to another owner (an active user or group); with {@code includeRelated}, the records of its
     * related lists that the previous owner owned move along. All or nothing: when any store refuses or fails,
     * nothing moved. Needs the right to change the record (404 when the caller cannot see it, 403 when they may
     * only read it). Returns how many records of each entity changed owner.
     */
    Map<String, Integer> transfer(String entity, String id, String newOwnerId, boolean includeRelated, Caller caller);

    /**
     * Gives every live record {@code fromOwnerId} owns to another owner (an active user or group), in the entity types
     * named in {@code entities} or, when it is empty, in every enabled one: someone leaves, a territory changes hands.
     * All or nothing, as {@link #transfer}: when any store refuses (e.g. the caller may not change one of the types)
     * or fails, nothing moved. Returns how many records of each entity type changed owner, zeros included.
     *
     * @since 1.4
     */
    Map<String, Integer> transferOwnedBy(String fromOwnerId, String toOwnerId, Collection<String> entities, Caller caller);
}
