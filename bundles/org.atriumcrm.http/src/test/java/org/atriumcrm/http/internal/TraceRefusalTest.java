package org.atriumcrm.http.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class TraceRefusalTest {
    @Test
    public void theProblemIsJsonWhateverThePath() {
        assertEquals("{\"type\":\"https://atriumcrm.org/problems/method-not-allowed\",\"title\":\"Method Not Allowed\",\"status\":405,"
                + "\"detail\":\"this resource does not support that method; allowed: GET, HEAD, OPTIONS\",\"instance\":\"/api/v1/a\\\"b\\\\c\\u0001\"}",
                TraceRefusal.problem("/api/v1/a\"b\\c\u0001", "GET, HEAD, OPTIONS"));
        assertEquals("\"this API has no resource at /api/x\"", TraceRefusal.json(TraceRefusal.problem("/api/x", "")
                .replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1")));
    }
}
