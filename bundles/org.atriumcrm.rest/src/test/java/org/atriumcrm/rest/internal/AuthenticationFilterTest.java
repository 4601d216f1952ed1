package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class AuthenticationFilterTest {

    @Test
    public void problemJsonAloneAlsoAcceptsJson() {
        assertEquals("application/problem+json, application/json;q=0.1", AuthenticationFilter.widenedAccept("application/problem+json"));
        assertEquals("Application/Problem+JSON;q=0.9, application/json;q=0.1",
                AuthenticationFilter.widenedAccept("Application/Problem+JSON;q=0.9"));
    }

    @Test
    public void otherAcceptHeadersAreLeftAlone() {
        assertNull(AuthenticationFilter.widenedAccept(null));
        assertEquals("application/json, application/problem+json", AuthenticationFilter.widenedAccept("application/json, application/problem+json"));
        assertEquals("application/problem+json, */*", AuthenticationFilter.widenedAccept("application/problem+json, */*"));
        assertEquals("text/csv", AuthenticationFilter.widenedAccept("text/csv"));
    }

    @Test
    public void onlyTheLoginIsPublicOnTheSessionPath() {
        assertTrue(AuthenticationFilter.isLogin("POST", "v1/session"));
        assertFalse(AuthenticationFilter.isLogin("GET", "v1/session"));
        assertFalse(AuthenticationFilter.isLogin("DELETE", "v1/session"));
        assertFalse(AuthenticationFilter.isLogin("POST", "v1/session/x"));
    }

    @Test
    public void csrfTokensMustMatchExactly() {
        assertTrue(AuthenticationFilter.sameToken("abc", "abc"));
        assertFalse(AuthenticationFilter.sameToken("abc", null));
        assertFalse(AuthenticationFilter.sameToken("abc", ""));
        assertFalse(AuthenticationFilter.sameToken("abc", "abcd"));
    }

    @Test
    public void browsersArePromptedForBasicOnlyOutsideTheWebUi() {
        assertEquals(AuthenticationFilter.REALM, AuthenticationFilter.challenge("v1/accounts", null, false, false));
        assertEquals(AuthenticationFilter.REALM, AuthenticationFilter.challenge("v1/accounts", "Basic eDp5", true, true));
        assertEquals(AuthenticationFilter.SESSION_CHALLENGE, AuthenticationFilter.challenge("v1/accounts", null, true, false));
        assertEquals("a script's request without credentials", AuthenticationFilter.SESSION_CHALLENGE,
                AuthenticationFilter.challenge("v1/accounts", null, false, true));
        assertEquals(AuthenticationFilter.SESSION_CHALLENGE, AuthenticationFilter.challenge("v1/session", null, false, false));
    }
}
