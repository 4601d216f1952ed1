package org.atriumcrm.leads.internal;

import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.rest.api.PublicEndpoint;
import org.atriumcrm.rest.api.RecordBodies;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Web-to-lead: {@code POST /api/v1/public/leads}, JSON or an HTML form post, with the form's key (member
 * {@code formKey} or header {@code X-Atrium-Form-Key}). Checks the key, the page's origin, the rate per client
 * address and the honeypot field; maps the form's fields onto a lead, validates it like the API does, assigns it
 * by the assignment rules and answers 202 with nothing but a receipt: it never reveals stored data.
 */
@Component(service = {PublicEndpoint.class, WebToLeadEndpoint.class}, property = {PublicEndpoint.PATH_PROPERTY + "=leads",
    PublicEndpoint.SUMMARY_PROPERTY + "=Web-to-lead: a web form posts a lead (JSON or form-encoded) with formKey; origin, rate and honeypot checked; 202"})
@Produces(MediaType.APPLICATION_JSON)
public class WebToLeadEndpoint implements PublicEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WebToLeadEndpoint.class);
    private static final String KEY_HEADER = "X-Atrium-Form-Key";
    private static final Set<String> NOT_FROM_FORMS = Set.of("ownerId", "status", "webFormId");
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final LeadFormStore forms;
    private final LeadStore leads;
    private final LeadAssignmentRuleStore rules;
    private final UserDirectory users;
    /**
     * Submissions per form and client address in the current minute. A fixed one-minute window per key is all a
     * form needs (no library for it in the platform; a bounded map, cleared when it grows past 10,000 clients).
     */
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    @Activate
    public WebToLeadEndpoint(@Reference LeadFormStore forms, @Reference LeadStore leads, @Reference LeadAssignmentRuleStore rules,
            @Reference UserDirectory users,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + LeadTypes.MODULE + ")") ModuleGate gate) {
        this.forms = forms;
        this.leads = leads;
        this.rules = rules;
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submitJson(JsonNode body, @HeaderParam("Origin") String origin, @HeaderParam(KEY_HEADER) String key,
            @Context HttpServletRequest request) {
        if (body == null || !body.isObject()) {
            throw AtriumException.badRequest("the body must be a JSON object of form fields");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        return submit(fields, key, origin, request.getRemoteAddr());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitForm(MultivaluedMap<String, String> form, @HeaderParam("Origin") String origin,
            @HeaderParam(KEY_HEADER) String key, @Context HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        return submit(fields, key, origin, request.getRemoteAddr());
    }

    /** CORS preflight of a browser posting JSON from a page of an allowed origin. */
    @Override
    public Response preflight(String origin) {
        if (origin == null || !forms.anyFormAllows(origin)) {
            return null;
        }
        return Response.noContent().header("Access-Control-Allow-Origin", origin).header("Vary", "Origin")
                .header("Access-Control-Allow-Methods", "POST").header("Access-Control-Allow-Headers", "Content-Type, " + KEY_HEADER)
                .header("Access-Control-Max-Age", "600").build();
    }

    /** The form post: JSON or form-encoded fields, named as the form maps them; a receipt, never stored data. */
    @Override
    public ObjectNode openApiPaths() {
        return OperationSchema.object("""
                {"/v1/public/leads": {"post": {
                  "operationId": "postPublicLeads", "tags": ["Public"],
                  "summary": "Web-to-lead: a web form posts a lead with its formKey; origin, rate and honeypot checked",
                  "parameters": [{"name": "X-Atrium-Form-Key", "in": "header", "description": "the form's key (or formKey in the body)",
                    "schema": {"type": "string"}}],
                  "requestBody": {"required": true, "content": {
                    "application/json": {"schema": %1$s},
                    "application/x-www-form-urlencoded": {"schema": %1$s}}},
                  "responses": {"202": {"description": "received (also when the honeypot caught a bot)",
                    "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false,
                      "required": ["status"], "properties": {"status": {"type": "string", "enum": ["received"]}}}}}},
                    "400": {"description": "a field is invalid", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                    "403": {"description": "the page's origin is not allowed", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}"""
                .formatted(FORM_SCHEMA));
    }

    private static final String FORM_SCHEMA = """
            {"type": "object", "description": "the form's fields as text, by name or as the form's field mapping names them; fields a form may not set (ownerId, status) and unknown ones are ignored",
             "properties": {"formKey": {"type": "string", "description": "the form's key, unless sent as X-Atrium-Form-Key"}},
             "additionalProperties": {"type": "string"}}""";

    Response submit(Map<String, String> fields, String headerKey, String origin, String address) {
        String key = headerKey != null ? headerKey : fields.get("formKey");
        fields.remove("formKey");
        LeadForm form = forms.byKey(key).filter(f -> Boolean.TRUE.equals(f.getActive())).orElseThrow(() ->
                new AtriumException(404, "unknown-form", "Unknown form", "no active web-to-lead form has this key", null));
        if (origin != null && !allows(form, origin)) {
            throw new AtriumException(403, "origin-not-allowed", "Forbidden", "this form does not accept posts from " + origin, null);
        }
        if (!withinRate(form, address)) {
            throw new AtriumException(429, "too-many-submissions", "Too many requests",
                    "too many submissions from your address; try again in a minute", null).with("retryAfterSeconds", 60);
        }
        Response.ResponseBuilder receipt = Response.accepted(Map.of("status", "received"));
        if (origin != null) {
            receipt.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
        }
        String trap = form.getHoneypotField();
        if (trap != null && fields.get(trap) != null && !fields.get(trap).isBlank()) {
            LOG.info("web form {}: dropped a submission from {} that filled the honeypot field", form.getName(), address);
            return receipt.build(); // the same answer as a real submission: a bot learns nothing
        }
        ObjectNode lead = mapFields(form, fields);
        Map<String, Object> values = RecordBodies.forCreate(LeadTypes.LEAD, lead);
        Lead probe = new Lead();
        probe.setSource((String) values.get("source"));
        probe.setRegion((String) values.get("region"));
        probe.setProvince((String) values.get("province"));
        Optional<LeadAssignmentRuleStore.Assignment> assignment;
        try {
            assignment = rules.choose(probe).filter(a -> users.isValidOwner(a.ownerId()));
        } catch (RuntimeException e) {
            // a lead the web form sent must never be lost: it is kept for the form's fallback owner instead
            LOG.warn("web form {}: the assignment rules failed, the lead goes to the form's fallback owner", form.getName(), e);
            assignment = Optional.empty();
        }
        String owner = assignment.map(LeadAssignmentRuleStore.Assignment::ownerId)
                .orElse(form.getFallbackOwnerId() != null && users.isValidOwner(form.getFallbackOwnerId()) ? form.getFallbackOwnerId() : null);
        if (owner != null) {
            values.put("ownerId", owner);
        }
        Caller webForm = new Caller("web-form", "web form " + form.getName(), false);
        Lead created = leads.createFromForm(values, form.getId(), assignment.map(LeadAssignmentRuleStore.Assignment::ruleId).orElse(null),
                webForm);
        LOG.info("web form {}: lead {} from {}, owner {}", form.getName(), created.getId(), address, owner);
        return receipt.location(URI.create("v1/public/leads")).build();
    }

    /** The form's fields as lead fields: by the form's mapping ({@code form_field=leadField} lines), else by name. */
    private static ObjectNode mapFields(LeadForm form, Map<String, String> fields) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (form.getFieldMapping() != null) {
            for (String line : form.getFieldMapping().split("\\R")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    mapping.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, value) -> {
            String target = mapping.isEmpty() ? name : mapping.get(name);
            FieldDef<Lead> field = target == null ? null : LeadTypes.LEAD.field(target).orElse(null);
            // fields a form cannot set, and the form's own extras (buttons, trackers), are ignored rather than refused
            if (field != null && !field.isReadOnly() && !NOT_FROM_FORMS.contains(target) && value != null && !value.isBlank()) {
                json.put(target, value.strip());
            }
        });
        if (!json.has("source")) {
            json.put("source", form.getDefaultSource() == null ? "web" : form.getDefaultSource());
        }
        return json;
    }

    static boolean allows(LeadForm form, String origin) {
        if (form.getAllowedOrigins() == null || form.getAllowedOrigins().isBlank()) {
            return false; // browsers must be allowed explicitly; server-side posts send no Origin
        }
        String wanted = origin.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        for (String allowed : form.getAllowedOrigins().split("[\\s,]+")) {
            if (allowed.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", "").equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private boolean withinRate(LeadForm form, String address) {
        long minute = System.currentTimeMillis() / 60_000;
        if (windows.size() > MAX_TRACKED_CLIENTS) {
            windows.clear();
        }
        long[] window = windows.compute(form.getId() + "|" + address, (k, w) -> w == null || w[0] != minute
                ? new long[] {minute, 1} : new long[] {minute, w[1] + 1});
        long max = form.getMaxPerMinute() == null ? 10 : form.getMaxPerMinute();
        return window[1] <= max;
    }
}
