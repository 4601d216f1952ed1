package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

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
}
