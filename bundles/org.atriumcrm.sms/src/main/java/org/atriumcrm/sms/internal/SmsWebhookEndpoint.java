package org.atriumcrm.sms.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.rest.api.PublicEndpoint;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/public/sms/inbound}: what an HTTP gateway pushes back — a message from a person
 * {@code {"messageId", "from", "to", "text"}} or a delivery receipt {@code {"type": "receipt", "messageId",
 * "status": "delivered"|"failed", "error"}}, as JSON or a form. The provider proves itself with the shared secret of
 * the settings (header {@code X-Atrium-Sms-Secret}, or {@code ?secret=} for providers that can only configure a
 * URL). A message is stored once per provider message id, however often the provider retries it.
 */
@Component(service = PublicEndpoint.class, property = {PublicEndpoint.PATH_PROPERTY + "=sms",
    PublicEndpoint.SUMMARY_PROPERTY + "=SMS gateway webhook (POST inbound): inbound messages and delivery receipts, shared secret, idempotent"})
@Produces(MediaType.APPLICATION_JSON)
public class SmsWebhookEndpoint implements PublicEndpoint {
    static final String SECRET_HEADER = "X-Atrium-Sms-Secret";
    private static final Set<String> MEMBERS = Set.of("type", "messageId", "from", "to", "text", "status", "error");

    private final SmsInbox inbox;
    private final SmsConfig config;

    @Activate
    public SmsWebhookEndpoint(@Reference SmsInbox inbox, @Reference SmsConfig config,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + SmsTypes.MODULE + ")") ModuleGate gate) {
        this.inbox = inbox;
        this.config = config;
    }

    @POST
    @Path("inbound")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> json(JsonNode body, @HeaderParam(SECRET_HEADER) String header, @QueryParam("secret") String query) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object " + new java.util.TreeSet<>(MEMBERS));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return accept(fields, header != null ? header : query);
    }

    @POST
    @Path("inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, Object> form(MultivaluedMap<String, String> form, @HeaderParam(SECRET_HEADER) String header,
            @QueryParam("secret") String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        return accept(fields, header != null ? header : query);
    }

    /** The inbound webhook: a message or a delivery receipt, JSON or form-encoded, with the shared secret. */
    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode openApiPaths() {
        String body = """
                {"type": "object", "additionalProperties": false, "required": ["messageId"],
                 "properties": {
                   "type": {"type": "string", "enum": ["message", "receipt"], "default": "message"},
                   "messageId": {"type": "string", "maxLength": 150, "description": "the provider's id: a retry is stored once"},
                   "from": {"type": "string", "description": "a message's sender (required for a message)"},
                   "to": {"type": "string"},
                   "text": {"type": "string"},
                   "status": {"type": "string", "enum": ["delivered", "failed"], "description": "a receipt's outcome (required for a receipt)"},
                   "error": {"type": "string", "description": "a failed receipt's reason"}}}""";
        return OperationSchema.object("""
                {"/v1/public/sms/inbound": {"post": {"operationId": "postPublicSmsInbound",
                   "summary": "SMS gateway webhook: an inbound message or a delivery receipt; idempotent per messageId",
                   "parameters": [
                     {"name": "X-Atrium-Sms-Secret", "in": "header", "description": "the shared secret of the SMS settings", "schema": {"type": "string"}},
                     {"name": "secret", "in": "query", "description": "the same, for providers that can only configure a URL", "schema": {"type": "string"}}],
                   "requestBody": {"required": true, "content": {"application/json": {"schema": %1$s},
                     "application/x-www-form-urlencoded": {"schema": %1$s}}},
                   "responses": {"200": {"description": "accepted", "content": {"application/json": {"schema": {"type": "object",
                     "additionalProperties": false, "required": ["status"], "properties": {"status": {"type": "string", "enum": ["accepted"]}}}}}},
                     "400": {"description": "a member is missing or invalid", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                     "403": {"description": "missing or wrong secret", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}"""
                .formatted(body));
    }

    Map<String, Object> accept(Map<String, String> fields, String secret) {
        if (!sameSecret(config.inboundSecret(), secret)) {
            // the same answer for a closed webhook and a wrong secret: nothing to learn by guessing
            throw new AtriumException(403, "bad-secret", "Forbidden", "missing or wrong " + SECRET_HEADER, null);
        }
        List<FieldError> errors = new ArrayList<>();
        fields.keySet().stream().filter(n -> !MEMBERS.contains(n)).forEach(n -> errors.add(new FieldError(n, "is not a member; use " + MEMBERS)));
        String messageId = fields.get("messageId");
        if (messageId == null || messageId.isBlank() || messageId.length() > 150) {
            errors.add(new FieldError("messageId", "the provider's message id is required (at most 150 characters)"));
        }
        boolean receipt = "receipt".equals(fields.get("type"));
        String status = fields.get("status");
        if (receipt && !"delivered".equals(status) && !"failed".equals(status)) {
            errors.add(new FieldError("status", "a receipt's status is delivered or failed"));
        }
        if (!receipt && (fields.get("from") == null || fields.get("from").isBlank())) {
            errors.add(new FieldError("from", "the sender's number is required"));
        }
        if (fields.get("type") != null && !receipt && !"message".equals(fields.get("type"))) {
            errors.add(new FieldError("type", "is message (the default) or receipt"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        if (receipt) {
            inbox.receipt(HttpGateway.NAME, messageId, "delivered".equals(status), fields.get("error") == null ? status : fields.get("error"));
        } else {
            inbox.received(HttpGateway.NAME, messageId, fields.get("from"), fields.get("to"), fields.get("text") == null ? "" : fields.get("text"));
        }
        return Map.of("status", "accepted");
    }

    /**
     * Compares digests of the two secrets with {@link MessageDigest#isEqual}: constant time, and equal lengths so
     * not even the secret's length leaks. An empty configured secret closes the webhook.
     */
    static boolean sameSecret(String configured, String given) {
        if (configured == null || configured.isEmpty() || given == null) {
            return false;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(configured.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
