package org.atriumcrm.erp.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one cursor a connector keeps ({@link ErpAdapter#pull}) when its adapter reads several sources (products, stock…)
 * each at its own position: a JSON object of positions by source, so one source moving on never moves another.
 */
public final class PullCursor {
    private final ObjectNode positions;

    private PullCursor(ObjectNode positions) {
        this.positions = positions;
    }

    /** The positions in {@code cursor}; none when it is null or not such an object (then every source starts over). */
    public static PullCursor parse(String cursor) {
        if (cursor != null && cursor.startsWith("{")) {
            try {
                JsonNode node = Canonical.JSON.readTree(cursor);
                if (node instanceof ObjectNode o) {
                    return new PullCursor(o);
                }
            } catch (IOException unreadable) {
                // starting over is safe: applying what the ERP sends again changes nothing
            }
        }
        return new PullCursor(Canonical.JSON.createObjectNode());
    }

    public String get(String source) {
        JsonNode v = positions.get(source);
        return v == null || v.isNull() ? null : v.asText();
    }

    public void put(String source, String position) {
        if (position != null) {
            positions.put(source, position);
        }
    }

    @Override
    public String toString() {
        return positions.toString();
    }
}
