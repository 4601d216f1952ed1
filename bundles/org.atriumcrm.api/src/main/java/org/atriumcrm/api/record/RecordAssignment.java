package org.atriumcrm.api.record;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Map;
import java.util.Optional;

/**
 * A module's assignment rules for new records of one entity type (service property
 * {@value RecordStore#ENTITY_PROPERTY}): who should own a record that arrives without an owner, e.g. an imported
 * lead from province 广东 goes to the South team. Used by bulk imports; the values are validated ones.
 */
@ProviderType
public interface RecordAssignment {
    /** The owner (user or group id) the rules choose for a new record with {@code values}, if a rule matches. */
    Optional<String> ownerFor(Map<String, Object> values);
}
