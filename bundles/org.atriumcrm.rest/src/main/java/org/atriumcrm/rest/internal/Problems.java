package org.atriumcrm.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.ws.rs.core.Response;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.Label;
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
        return document(e, instance, ProblemMessages.ENGLISH, field -> null);
    }

    /**
     * The document of {@code e} in {@code language}: title, detail and field messages translated where the catalogue
     * has them (English as raised otherwise); {@code type} and each field error's {@code code} are the same in every
     * language. {@code labels} names a field as the user reads it (the entity's label), or null.
     */
    static ObjectNode document(AtriumException e, String instance, Locale language, Function<String, Label> labels) {
        String title = firstNonNull(ProblemMessages.text(language, "title." + e.problemType(), List.of()),
                ProblemMessages.text(language, "status." + e.status(), List.of()), e.title());
        ObjectNode problem = document(e.status(), e.problemType(), title, detail(e, language, labels), instance);
        if (!e.errors().isEmpty()) {
            ArrayNode errors = problem.putArray("errors");
            for (FieldError fe : e.errors()) {
                String code = ProblemMessages.code(fe.code(), fe.message());
                errors.addObject().put("field", fe.field()).put("code", code).put("message", fieldMessage(fe, code, language));
            }
        }
        for (Map.Entry<String, Object> ext : e.extensions().entrySet()) {
            problem.set(ext.getKey(), Json.MAPPER.valueToTree(ext.getValue()));
        }
        return problem;
    }

    static String detail(AtriumException e, Locale language, Function<String, Label> labels) {
        String translated = e.messageKey() == null ? null : ProblemMessages.text(language, "detail." + e.messageKey(), e.messageArgs());
        if (translated == null && e.messageKey() == null && !e.errors().isEmpty()) {
            // the detail of a validation problem is made of its field errors: said again from their translations
            if (e.errors().size() == 1) {
                FieldError fe = e.errors().get(0);
                Label label = labels.apply(fe.field());
                List<Object> args = List.of(label == null ? fe.field() : label, fieldMessage(fe, ProblemMessages.code(fe.code(), fe.message()), language));
                translated = firstNonNull(ProblemMessages.text(language, "detail." + e.problemType() + ".one", args),
                        ProblemMessages.text(language, "detail.validation-failed.one", args));
            } else {
                List<Object> args = List.of(e.errors().size());
                // a module's own 400 with several fields (lines of a delivery) is said like a validation problem
                translated = firstNonNull(ProblemMessages.text(language, "detail." + e.problemType() + ".many", args),
                        ProblemMessages.text(language, "detail.validation-failed.many", args));
            }
        }
        return translated == null ? e.getMessage() : translated;
    }

    static String fieldMessage(FieldError fe, String code, Locale language) {
        String translated = ProblemMessages.text(language, "field." + code, ProblemMessages.args(fe));
        return translated == null ? fe.message() : translated;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... candidates) {
        for (T t : candidates) {
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** 404: no record of {@code type} with {@code id} that the caller may see (the same answer whether it exists or not). */
    static AtriumException recordNotFound(org.atriumcrm.api.meta.EntityType<?> type, String id) {
        return AtriumException.notFound("no " + type.name() + " with id " + id).localized("record-not-found", type.label(), id);
    }

    static Response response(int status, ObjectNode problem) {
        return Response.status(status).type(AtriumRest.PROBLEM_JSON + ";charset=UTF-8").entity(problem).build();
    }

    /** A document in {@code language}, which its {@code Content-Language} names. */
    static Response response(int status, ObjectNode problem, Locale language) {
        return Response.status(status).type(AtriumRest.PROBLEM_JSON + ";charset=UTF-8")
                .header(javax.ws.rs.core.HttpHeaders.CONTENT_LANGUAGE, ProblemMessages.tag(language)).entity(problem).build();
    }
}
