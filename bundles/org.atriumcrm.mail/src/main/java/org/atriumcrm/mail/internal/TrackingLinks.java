package org.atriumcrm.mail.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The public links of a tracked email. A token is 128 random bits (never derived from an id, so it cannot be
 * guessed or enumerated); a click link carries the target URL and an HMAC over token and URL, so the click
 * endpoint redirects only to URLs this server put into an email (no open redirect).
 */
final class TrackingLinks {
    static final String PUBLIC_PATH = "/api/v1/public/mail/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern HREF = Pattern.compile("(?i)(\\bhref\\s*=\\s*)(\"(https?://[^\"]*)\"|'(https?://[^']*)')");
    private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");

    private final String base;
    private final byte[] key;

    /** {@code publicBaseUrl} as configured (trailing slashes dropped) and the HMAC key. */
    TrackingLinks(String publicBaseUrl, byte[] key) {
        this.base = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
        this.key = key.clone();
    }

    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** Without a public base URL nothing can be tracked and no unsubscribe link can be given. */
    boolean enabled() {
        return !base.isEmpty();
    }

    String openUrl(String token) {
        return base + PUBLIC_PATH + "open/" + token + ".gif";
    }

    String unsubscribeUrl(String token) {
        return base + PUBLIC_PATH + "unsubscribe/" + token;
    }

    String clickUrl(String token, String url) {
        return base + PUBLIC_PATH + "click/" + token + "?u=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&s=" + sign(token, url);
    }

    String sign(String token, String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(token.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // the separator cannot occur in a token, so (token, url) pairs cannot collide
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(url.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** True only for a signature this server made for exactly this token and URL (constant-time comparison). */
    boolean verify(String token, String url, String signature) {
        if (token == null || url == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(token, url).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The HTML as sent: http(s) links go through the click endpoint, and the open pixel goes before {@code </body>}. */
    String decorate(String html, String token, boolean trackClicks) {
        if (html == null || !enabled()) {
            return html;
        }
        String out = html;
        if (trackClicks) {
            Matcher m = HREF.matcher(html);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String quoted = m.group(3) != null ? m.group(3) : m.group(4);
                String url = quoted.replace("&amp;", "&");
                String replacement = url.startsWith(base + PUBLIC_PATH) ? m.group() // our own unsubscribe link stays as it is
                        : m.group(1) + "\"" + clickUrl(token, url).replace("&", "&amp;") + "\"";
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return beforeBodyEnd(out, "<img src=\"" + openUrl(token) + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">");
    }

    /** {@code fragment} just before the last {@code </body>}, or at the end of a body without one. */
    static String beforeBodyEnd(String html, String fragment) {
        Matcher end = BODY_END.matcher(html);
        int at = -1;
        while (end.find()) {
            at = end.start();
        }
        return at < 0 ? html + fragment : html.substring(0, at) + fragment + html.substring(at);
    }

    /** The one-click unsubscribe headers of RFC 8058 for a mass-mail message. */
    java.util.Map<String, String> unsubscribeHeaders(String token) {
        return java.util.Map.of("List-Unsubscribe", "<" + unsubscribeUrl(token) + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /** The footer a mass-mail body gets when its template does not place {{unsubscribeUrl}} itself. */
    static String footerText(String language, String url) {
        return isEnglish(language) ? "\n\n--\nTo stop receiving these emails: " + url + "\n"
                : "\n\n--\n如不希望再收到此类邮件，请点击退订：" + url + "\n";
    }

    static String footerHtml(String language, String url) {
        String href = url.replace("&", "&amp;").replace("\"", "&quot;");
        return isEnglish(language) ? "<p style=\"font-size:12px;color:#888\">To stop receiving these emails, <a href=\"" + href + "\">unsubscribe</a>.</p>"
                : "<p style=\"font-size:12px;color:#888\">如不希望再收到此类邮件，请<a href=\"" + href + "\">退订</a>。</p>";
    }

    private static boolean isEnglish(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
    }
}
