package org.atriumcrm.api.record;

import org.osgi.annotation.versioning.ProviderType;
import java.util.Map;

/**
 * One row of a {@link RecordStore#writeBatch batch}: a new record ({@code id} null), a change of the given
 * fields of record {@code id}, or ({@link #delete}) a move of record {@code id} to the recycle bin. Values are
 * validated and converted as for {@link RecordStore#create}.
 */
@ProviderType
public record BatchWrite(String id, Map<String, Object> values, boolean delete) {
    public BatchWrite {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static BatchWrite create(Map<String, Object> values) {
        return new BatchWrite(null, values, false);
    }

    public static BatchWrite update(String id, Map<String, Object> values) {
        return new BatchWrite(java.util.Objects.requireNonNull(id), values, false);
    }

    public static BatchWrite delete(String id) {
        return new BatchWrite(java.util.Objects.requireNonNull(id), Map.of(), true);
    }

    public boolean isCreate() {
        return id == null;
    }
}
