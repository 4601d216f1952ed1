package org.atriumcrm.ui.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of each bundle entry the UI serves, as read and as gzipped. An entry never changes under a bundle (an
 * update is a new bundle revision and new components), so a file is read and compressed once instead of on every
 * request; what is kept is at most the bundle's own files and webjars, and only those that were asked for.
 */
final class UiBodies {
    private final Map<String, Body> bodies = new ConcurrentHashMap<>();

    /** A file's bytes, and gzipped when that is worth it (else null). */
    record Body(byte[] raw, byte[] gzipped) {
        static Body of(String contentType, byte[] raw) throws IOException {
            return new Body(raw, UiServlet.compressible(contentType, raw) ? UiServlet.gzip(raw) : null);
        }
    }

    interface Reader {
        /** The entry's bytes, or null when there is none (not remembered: a missing entry costs a look-up). */
        byte[] bytes() throws IOException;
    }

    /** The body of {@code entry}, read by {@code read} the first time only; null when there is no such entry. */
    Body cached(String entry, String contentType, Reader read) throws IOException {
        Body known = bodies.get(entry);
        if (known == null) {
            byte[] raw = read.bytes();
            if (raw == null) {
                return null;
            }
            Body made = Body.of(contentType, raw);
            known = bodies.putIfAbsent(entry, made);
            if (known == null) {
                known = made;
            }
        }
        return known;
    }
}
