package org.atriumcrm.mail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

public class TrackingLinksTest {
    private final TrackingLinks links = new TrackingLinks("https://crm.example.com/", "secret-key".getBytes(StandardCharsets.UTF_8));

    @Test
    public void tokensAreRandomAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = TrackingLinks.newToken();
            assertTrue(t, TrackingLinks.isToken(t));
            assertTrue(seen.add(t));
        }
        assertFalse(TrackingLinks.isToken("../../etc/passwd"));
        assertFalse(TrackingLinks.isToken(null));
        assertFalse(TrackingLinks.isToken("0190a5c4-0000-7000-8000-000000000001"));
    }

    @Test
    public void signaturesBindTokenUrlAndKey() {
        String token = TrackingLinks.newToken();
        String url = "https://example.com/活动?a=1&b=2";
        String sig = links.sign(token, url);
        assertTrue(links.verify(token, url, sig));
        assertFalse(links.verify(token, "https://evil.example/", sig));
        assertFalse(links.verify(TrackingLinks.newToken(), url, sig));
        assertFalse(links.verify(token, url, sig.substring(1)));
        assertFalse(links.verify(token, url, null));
        TrackingLinks otherKey = new TrackingLinks("https://crm.example.com", "another".getBytes(StandardCharsets.UTF_8));
        assertFalse(otherKey.verify(token, url, sig));
        assertNotEquals(sig, otherKey.sign(token, url));
    }

    @Test
    public void decorationRewritesLinksAddsPixelAndLeavesUnsubscribeAlone() {
        String token = TrackingLinks.newToken();
        String unsubscribe = links.unsubscribeUrl(token);
        String html = "<html><body><a href=\"https://shop.example.com/p?id=1&amp;x=2\">看看</a> <a href='mailto:a@b.c'>mail</a>"
                + " <a href=\"" + unsubscribe + "\">退订</a></body></html>";
        String out = links.decorate(html, token, true);
        assertTrue(out, out.contains("<img src=\"https://crm.example.com/api/v1/public/mail/open/" + token + ".gif\""));
        assertTrue(out.indexOf("<img") < out.indexOf("</body>"));
        assertTrue(out.contains("href='mailto:a@b.c'"));
        assertTrue(out.contains("href=\"" + unsubscribe + "\""));
        Matcher m = Pattern.compile("href=\"https://crm\\.example\\.com/api/v1/public/mail/click/" + token + "\\?u=([^&]+)&amp;s=([^\"]+)\"").matcher(out);
        assertTrue(out, m.find());
        String url = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        assertEquals("https://shop.example.com/p?id=1&x=2", url);
        assertTrue(links.verify(token, url, m.group(2)));
    }

    @Test
    public void withoutBaseUrlNothingIsTracked() {
        TrackingLinks none = new TrackingLinks("", new byte[] {1});
        assertFalse(none.enabled());
        assertEquals("<p>x</p>", none.decorate("<p>x</p>", TrackingLinks.newToken(), true));
    }

    @Test
    public void oneClickHeaders() {
        String token = TrackingLinks.newToken();
        assertEquals("<https://crm.example.com/api/v1/public/mail/unsubscribe/" + token + ">", links.unsubscribeHeaders(token).get("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", links.unsubscribeHeaders(token).get("List-Unsubscribe-Post"));
    }

    @Test
    public void sendRateKeepsToTheMinute() {
        AtomicLong clock = new AtomicLong(1_000_000);
        SendRate rate = new SendRate(clock::get);
        assertEquals(20, rate.allowance(0, 20));
        assertEquals(5, rate.allowance(5, 20));
        for (int i = 0; i < 5; i++) {
            rate.attempted();
        }
        assertEquals(0, rate.allowance(5, 20));
        clock.addAndGet(59_999);
        assertEquals(0, rate.allowance(5, 20));
        clock.addAndGet(1);
        assertEquals(5, rate.allowance(5, 20));
    }

    @Test
    public void openGifIsAValidGif() {
        assertEquals("GIF89a", new String(MailTrackingEndpoint.GIF, 0, 6, StandardCharsets.US_ASCII));
    }
}
