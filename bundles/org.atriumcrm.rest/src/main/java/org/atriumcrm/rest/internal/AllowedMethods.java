package org.atriumcrm.rest.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.atriumcrm.rest.api.AtriumRest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The methods a path of the API supports, for the {@code Allow} header of a 405, an {@code OPTIONS} and a refused
 * {@code TRACE}. CXF can only say which methods the matched resource <em>class</em> has anywhere, and our records are
 * served by sub-resources whose classes have them all; the OpenAPI document knows each path's operations, those of
 * modules and plugins included, so the answer comes from there.
 */
final class AllowedMethods {
    /** The order of the header: reads first, then writes, as RFC 9110's examples list them. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private AllowedMethods() {
    }

    /**
     * The methods of the most specific documented path matching {@code requestPath} (a raw path such as
     * {@code /api/v1/accounts/42}): HEAD wherever GET is (JAX-RS answers it), OPTIONS everywhere. Empty when no
     * documented path matches.
     */
    static List<String> of(JsonNode paths, String requestPath) {
        String[] segments = segments(belowBase(requestPath));
        int best = -1;
        Set<String> methods = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            int literals = literalMatches(segments(path.getKey()), segments);
            if (literals < 0 || literals < best) {
                continue;
            }
            if (literals > best) { // a literal segment wins over a template, as JAX-RS matches
                best = literals;
                methods.clear();
            }
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (OperationIds.METHODS.contains(m)) {
                    methods.add(m.toUpperCase(Locale.ROOT));
                }
            });
        }
        if (methods.isEmpty()) {
            return List.of();
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        List<String> ordered = new ArrayList<>(ORDER);
        ordered.retainAll(methods);
        return ordered;
    }

    /** The header value, e.g. {@code GET, HEAD, POST, OPTIONS}. */
    static String header(List<String> methods) {
        return String.join(", ", methods);
    }

    /** {@code /api/v1/x} → {@code /v1/x}: the document's paths are below the application's base. */
    private static String belowBase(String requestPath) {
        String base = "/" + AtriumRest.BASE;
        String path = requestPath == null ? "" : requestPath;
        return path.startsWith(base + "/") ? path.substring(base.length()) : path;
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    /** How many literal segments of the template match, or -1 when it does not match at all. */
    private static int literalMatches(String[] template, String[] path) {
        if (template.length != path.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{") && template[i].endsWith("}")) {
                continue;
            }
            if (!template[i].equals(path[i])) {
                return -1;
            }
            literals++;
        }
        return literals;
    }
}
