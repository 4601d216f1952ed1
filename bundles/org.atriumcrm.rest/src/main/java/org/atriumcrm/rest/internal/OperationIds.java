package org.atriumcrm.rest.internal;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Operation ids are the method names of generated clients, so they must be unique and must not change when
 * another module comes or goes: platform and entity operations name theirs (listAccounts, patchAccount), and an
 * operation a module documented without one gets a name from its method and path.
 */
final class OperationIds {
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head", "trace");

    private OperationIds() {
    }

    /** {@code sales-processes} → {@code SalesProcesses}. */
    static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code close-won} → {@code closeWon}. */
    static String camel(String text) {
        String p = pascal(text);
        return p.isEmpty() ? p : Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }

    /**
     * {@code GET /v1/jobs/{id}/errors} → {@code getJobsErrors}; {@code GET /v1/jobs/{id}} → {@code getJobsById}.
     * Only the path decides, so the name is the same in every document that has the operation.
     */
    static String derive(String method, String path) {
        StringBuilder name = new StringBuilder(method);
        String last = "";
        for (String segment : path.replaceFirst("^/v1/", "").split("/")) {
            if (segment.startsWith("{")) {
                last = segment;
            } else if (!segment.isEmpty()) {
                name.append(pascal(segment));
                last = "";
            }
        }
        if (!last.isEmpty()) {
            name.append("By").append(pascal(last.substring(1, last.length() - 1)));
        }
        return name.toString();
    }

    /** Names every unnamed operation and makes repeated names unique (the later path gets a suffix from its path). */
    static void assign(ObjectNode paths) {
        Set<String> taken = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (!(op instanceof ObjectNode operation)) {
                    continue;
                }
                String id = operation.path("operationId").asText("");
                if (id.isEmpty() || taken.contains(id)) {
                    String derived = derive(method, path.getKey());
                    id = id.isEmpty() ? derived : id + pascal(derived);
                    for (int n = 2; taken.contains(id); n++) {
                        id = derived + n;
                    }
                    operation.put("operationId", id);
                }
                taken.add(id);
            }
        }
    }
}
