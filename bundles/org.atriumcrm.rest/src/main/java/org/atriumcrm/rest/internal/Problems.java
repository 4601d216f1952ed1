package org.atriumcrm.rest.internal;

import java.util.Map;

import javax.ws.rs.core.Response;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.rest.api.AtriumRest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds RFC 9457 problem documents. */
final class Problems {
    static final String TYPE_BASE = "https://atriumcrm.org/problems/";

    private Problems() {
    }

    static ObjectNode document(int status, String type, String title, String detail, String instance) {
        ObjectNode problem = Json.MAPPER.createObjectNode();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem;
    }

    static ObjectNode document(AtriumException e, String instance) {
        ObjectNode problem = document(e.status(), e.problemType(), e.title(), e.getMessage(), instance);
        if (!e.errors().isEmpty()) {
            ArrayNode errors = problem.putArray("errors");
            for (FieldError fe : e.errors()) {
                errors.addObject().put("field", fe.field()).put("message", fe.message());
            }
        }
        for (Map.Entry<String, Object> ext : e.extensions().entrySet()) {
            problem.set(ext.getKey(), Json.MAPPER.valueToTree(ext.getValue()));
        }
        return problem;
    }

    static Response response(int status, ObjectNode problem) {
        return Response.status(status).type(AtriumRest.PROBLEM_JSON + ";charset=UTF-8").entity(problem).build();
    }
}
