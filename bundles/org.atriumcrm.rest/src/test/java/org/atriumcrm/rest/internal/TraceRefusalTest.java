package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class TraceRefusalTest {
    @Test
    public void outsideTheApiOnlyReadsAreAllowedAndWithoutTheDocumentNoApiPathIsKnown() {
        TraceRefusal refusal = new TraceRefusal();
        assertEquals("GET, HEAD", refusal.allow("/app/main.js"));
        assertEquals("GET, HEAD", refusal.allow("/"));
        assertEquals("GET, HEAD", refusal.allow(null));
        assertEquals("", refusal.allow("/api/v1/accounts"));
    }
}
