package org.atriumcrm.bulk.internal;

import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.AtriumRest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes of jobs, uploads and mappings, and the checks every bulk endpoint shares. */
final class BulkJson {
    private BulkJson() {
    }

    static Caller caller(SecurityContext security) {
        return org.atriumcrm.rest.api.RecordBodies.caller(security);
    }

    static ObjectNode object(JsonNode body, Set<String> members, String what) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the request body must be a JSON object describing " + what + ": " + members);
        }
        java.util.List<org.atriumcrm.api.error.FieldError> errors = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!members.contains(n)) {
                errors.add(new org.atriumcrm.api.error.FieldError(n, "is not a member of " + what + "; expected " + members));
            }
        });
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        return (ObjectNode) body;
    }

    static ObjectNode job(BulkJob j) {
        ObjectNode json = ImportSpec.JSON.createObjectNode();
        json.put("id", j.id);
        json.put("type", j.kind);
        json.put("entity", j.entity);
        json.put("status", j.status);
        json.put("userId", j.userId);
        json.put("total", j.total);
        json.put("processed", j.processed);
        json.put("percent", j.total == 0 ? (j.isFinished() ? 100.0 : 0.0)
                : Math.round(Math.min(1.0, (double) j.processed / j.total) * 1000) / 10.0);
        json.put("created", j.created);
        if (BulkJob.KIND_DELETE.equals(j.kind)) {
            json.put("deleted", j.updated);
        } else {
            json.put("updated", j.updated);
        }
        json.put("skipped", j.skipped);
        json.put("failed", j.failed);
        double rate = j.runMillis > 0 ? j.processed * 1000.0 / j.runMillis : 0;
        json.put("rowsPerSecond", Math.round(rate * 10) / 10.0);
        if (!j.isFinished() && rate > 0 && j.total >= j.processed) {
            json.put("etaSeconds", Math.round((j.total - j.processed) / rate));
        } else {
            json.putNull("etaSeconds");
        }
        json.put("message", j.message);
        json.put("createdAt", String.valueOf(j.createdAt));
        json.put("startedAt", j.startedAt == null ? null : j.startedAt.toString());
        json.put("finishedAt", j.finishedAt == null ? null : j.finishedAt.toString());
        json.put("errorsUrl", "/" + AtriumRest.BASE + "/v1/jobs/" + j.id + "/errors");
        if (j.spec != null) {
            json.set("request", MassRunner.read(j.spec));
        }
        return json;
    }
}
