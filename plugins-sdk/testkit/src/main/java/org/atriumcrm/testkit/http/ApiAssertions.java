package org.atriumcrm.testkit.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on API answers that fail with the whole answer, so a failing test says what the server said. */
public final class ApiAssertions {
    /** Where the platform's problem types live: {@code type} of every problem+json answer starts with it. */
    public static final String PROBLEM_TYPE_BASE = "https://atriumcrm.org/problems/";

    private ApiAssertions() {
    }

    /** The id of a record a 201 answer created. */
    public static String id(Api.Answer a) {
        assertEquals(a.toString(), 201, a.status);
        return a.json().get("id").asText();
    }

    /** The JSON of a 200 answer. */
    public static JsonNode ok(Api.Answer a) {
        assertEquals(a.toString(), 200, a.status);
        return a.json();
    }

    /** A problem+json answer (RFC 9457) with this status whose body mentions {@code part} (when not null). */
    public static void assertProblem(Api.Answer a, int status, String part) {
        assertEquals(a.toString(), status, a.status);
        assertTrue(a.toString(), a.contentType() != null && a.contentType().startsWith("application/problem+json"));
        JsonNode problem = a.json();
        assertEquals(a.toString(), status, problem.get("status").asInt());
        assertTrue(a.toString(), problem.path("type").asText().startsWith(PROBLEM_TYPE_BASE));
        assertNotNull(a.toString(), problem.get("title"));
        if (part != null) {
            assertTrue("expected '" + part + "' in " + a, a.body.contains(part));
        }
    }
}
