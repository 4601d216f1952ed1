package org.atriumcrm.ui.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Which bundle entry a URL path names, with its content type and caching. Anything else is a 404. */
final class UiResources {
    static final String INDEX = "ui/index.html";
    /** Plain names only: no dot-segments, encodings or empty segments can reach outside the two folders. */
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_@][A-Za-z0-9_.@-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "mjs", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "html", "text/html;charset=utf-8",
            "json", "application/json",
            "map", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "md", "text/plain;charset=utf-8",
            "txt", "text/plain;charset=utf-8");
    /** Vendor URLs carry the library's version, so a file never changes under its URL. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Our own files change with every build: the browser revalidates each time. */
    static final String REVALIDATE = "no-cache";

    record Target(String entry, String contentType, String cacheControl) {
        boolean isIndex() {
            return INDEX.equals(entry);
        }
    }

    private UiResources() {
    }

    static Target resolve(String path) {
        if (path == null || path.isEmpty() || "/".equals(path) || "/index.html".equals(path)) {
            return new Target(INDEX, TYPES.get("html"), REVALIDATE);
        }
        if (!SAFE.matcher(path).matches() || path.contains("..")) {
            return null;
        }
        String type = contentType(path);
        if (type == null) {
            return null;
        }
        if (path.startsWith("/app/")) {
            return new Target("ui" + path, type, REVALIDATE);
        }
        if (path.startsWith("/vendor/")) {
            return new Target("META-INF/resources/webjars/" + path.substring("/vendor/".length()), type, IMMUTABLE);
        }
        return null;
    }

    /**
     * A file of a module's contributed screens, {@code /ext/<module>/<path>}: the module and the bundle entry
     * under its {@code atrium-ui/} folder, or null for anything that is not a plain name of a served type.
     */
    static Target extension(String path) {
        if (path == null || !SAFE.matcher(path).matches() || path.contains("..")) {
            return null;
        }
        int slash = path.indexOf('/', 1);
        String type = contentType(path);
        if (slash < 0 || type == null) {
            return null;
        }
        return new Target(path.substring(slash + 1), type, REVALIDATE);
    }

    /** The module segment of an extension path, {@code /opportunities/board.js} → {@code opportunities}. */
    static String extensionModule(String path) {
        return path.substring(1, path.indexOf('/', 1));
    }

    private static String contentType(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("LICENSE")) {
            return TYPES.get("txt");
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
