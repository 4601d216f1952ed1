package org.atriumcrm.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

/** The session clocks, against instants given by the test instead of the wall clock. */
public class BrowserSessionTest {
    private static final Instant LOGIN = Instant.parse("2026-12-07T08:00:00Z");
    private static final Duration IDLE = Duration.ofHours(8);
    private static final Duration LIFETIME = Duration.ofDays(7);

    private static BrowserSession session() {
        return new BrowserSession("id", "digest", "user", "csrf", LOGIN, LIFETIME);
    }

    @Test
    public void anIdleSessionEndsAfterTheIdleTime() {
        BrowserSession s = session();
        assertEquals(LOGIN.plus(IDLE), s.endsAt(IDLE));
        assertTrue(s.isLive(LOGIN.plus(IDLE).minusSeconds(1), IDLE));
        assertFalse(s.isLive(LOGIN.plus(IDLE), IDLE));
    }

    @Test
    public void useMovesTheIdleEndButNeverPastTheLifetime() {
        BrowserSession s = session();
        s.seen(LOGIN.plus(Duration.ofHours(7)));
        assertTrue("used an hour ago", s.isLive(LOGIN.plus(Duration.ofHours(9)), IDLE));
        s.seen(LOGIN.plus(LIFETIME).minus(Duration.ofMinutes(5)));
        assertEquals(LOGIN.plus(LIFETIME), s.endsAt(IDLE));
        assertFalse("past the lifetime, however busy", s.isLive(LOGIN.plus(LIFETIME), IDLE));
    }

    @Test
    public void aUseIsWrittenDownAtMostOncePerGranularity() {
        BrowserSession s = session();
        Duration minute = Duration.ofMinutes(1);
        assertFalse(s.lastSeenDue(LOGIN.plusSeconds(30), minute));
        assertFalse(s.lastSeenDue(LOGIN.plusSeconds(60), minute));
        assertTrue(s.lastSeenDue(LOGIN.plusSeconds(61), minute));
        s.seen(LOGIN.plusSeconds(61));
        assertFalse(s.lastSeenDue(LOGIN.plusSeconds(90), minute));
    }

    @Test
    public void theCookieIsHttpOnlyStrictAndSecureOverHttps() {
        assertEquals("ATRIUM_SESSION=abc; Path=/; HttpOnly; SameSite=Strict", SessionResource.cookie("abc", false, false));
        assertEquals("ATRIUM_SESSION=abc; Path=/; HttpOnly; SameSite=Strict; Secure", SessionResource.cookie("abc", true, false));
        assertEquals("ATRIUM_SESSION=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", SessionResource.cookie("", false, true));
        assertTrue(SessionResource.secure(null, "HTTPS"));
        assertFalse(SessionResource.secure(null, "http"));
        assertFalse(SessionResource.secure(null, null));
    }
}
