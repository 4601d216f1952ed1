package org.atriumcrm.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;

/**
 * The page and its security headers. The import map must be inline (Chrome loads no external import map), so
 * the policy allows exactly that script by its hash, computed here from the page as shipped: no
 * {@code 'unsafe-inline'}, and an edited map can never drift from its hash.
 */
final class UiPage {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final String html;
    private final Map<String, String> headers;

    UiPage(String html) {
        this.html = html;
        List<String> hashes = new ArrayList<>();
        Matcher m = INLINE_SCRIPT.matcher(html);
        while (m.find()) {
            hashes.add("'sha256-" + sha256(m.group(1)) + "'");
        }
        String scripts = hashes.isEmpty() ? "'self'" : "'self' " + String.join(" ", hashes);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", "default-src 'none'; script-src " + scripts
                + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'"
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "same-origin");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        this.headers = Map.copyOf(h);
    }

    static UiPage load(Bundle bundle) throws IOException {
        URL index = bundle.getEntry(UiResources.INDEX);
        if (index == null) {
            throw new IllegalStateException("the bundle has no " + UiResources.INDEX);
        }
        try (InputStream in = index.openStream()) {
            return new UiPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    String html() {
        return html;
    }

    Map<String, String> securityHeaders() {
        return headers;
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
