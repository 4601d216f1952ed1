package org.atriumcrm.api.record;

import org.osgi.annotation.versioning.ProviderType;
import java.time.Instant;

/**
 * One entry of a record's change history: a field that changed (old and new value as text), or the record's
 * creation, deletion or restoration ({@code field} null, {@code action} telling which), by whom and when.
 */
@ProviderType
public record FieldChange(String action, String field, String oldValue, String newValue, String userId, Instant at) {
}
