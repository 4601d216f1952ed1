package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

public class AllowedMethodsTest {
    private final JsonNode paths = Json.MAPPER.createObjectNode()
            .<com.fasterxml.jackson.databind.node.ObjectNode>set("/v1/accounts", object("get", "post", "parameters"))
            .<com.fasterxml.jackson.databind.node.ObjectNode>set("/v1/accounts/{id}", object("get", "put", "patch", "delete"))
            .<com.fasterxml.jackson.databind.node.ObjectNode>set("/v1/accounts/merge", object("post"))
            .set("/v1/accounts/{id}/history", object("get"));

    @Test
    public void aPathAllowsTheOperationsOfItsDocumentedPathAndNeverOthers() {
        assertEquals(List.of("GET", "HEAD", "POST", "OPTIONS"), AllowedMethods.of(paths, "/api/v1/accounts"));
        assertEquals(List.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"), AllowedMethods.of(paths, "/api/v1/accounts/42/"));
        assertEquals(List.of("GET", "HEAD", "OPTIONS"), AllowedMethods.of(paths, "/api/v1/accounts/42/history"));
        assertEquals("GET, HEAD, OPTIONS", AllowedMethods.header(AllowedMethods.of(paths, "/api/v1/accounts/42/history")));
    }

    @Test
    public void aLiteralSegmentWinsOverATemplateAndAnUnknownPathAllowsNothing() {
        assertEquals(List.of("POST", "OPTIONS"), AllowedMethods.of(paths, "/api/v1/accounts/merge"));
        assertEquals(List.of(), AllowedMethods.of(paths, "/api/v1/accounts/42/nothing"));
        assertEquals(List.of(), AllowedMethods.of(paths, "/api/v1/other"));
    }

    private static JsonNode object(String... members) {
        com.fasterxml.jackson.databind.node.ObjectNode item = Json.MAPPER.createObjectNode();
        for (String m : members) {
            item.putObject(m);
        }
        return item;
    }
}
