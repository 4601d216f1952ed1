package org.atriumcrm.bulk.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.rest.api.AtriumRest;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.atriumcrm.rest.api.RecordBodies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/jobs}: start an import or a mass update / transfer / delete, follow its progress, cancel it, and
 * download its error report. A job is visible to the user who started it and to administrators.
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobEndpoint implements ModuleEndpoint {
    private static final Set<String> IMPORT_MEMBERS = Set.of("fileId", "entity", "mappingId", "columns", "defaults", "values",
            "duplicates", "ownerId", "saveMappingAs");
    private static final Set<String> MASS_MEMBERS = Set.of("entity", "filter", "q", "values", "ownerId");

    private final BulkRepository repo;
    private final JobService jobs;
    private final EntityStores stores;
    private final AccessPolicy policy;
    private final UserDirectory users;
    private final org.atriumcrm.api.record.RecordWrites rules;

    @Activate
    public JobEndpoint(@Reference BulkRepository repo, @Reference JobService jobs, @Reference EntityStores stores,
            @Reference AccessPolicy policy, @Reference UserDirectory users, @Reference org.atriumcrm.api.record.RecordWrites rules,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + BulkModule.ID + ")") ModuleGate gate) {
        this.repo = repo;
        this.jobs = jobs;
        this.stores = stores;
        this.policy = policy;
        this.users = users;
        this.rules = rules;
    }

    /** The bulk module's paths (imports, jobs, import mappings): one document, as the three come and go together. */
    @Override
    public ObjectNode openApiPaths() {
        try (java.io.InputStream in = JobEndpoint.class.getResourceAsStream("openapi-paths.json")) {
            return (ObjectNode) ImportSpec.JSON.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GET
    public ObjectNode list(@QueryParam("limit") String limit, @Context SecurityContext security) {
        int max = org.atriumcrm.rest.api.RecordBodies.limit(limit, ListQuery.DEFAULT_LIMIT);
        ObjectNode json = ImportSpec.JSON.createObjectNode();
        ArrayNode items = json.putArray("items");
        repo.jobs(BulkJson.caller(security), max).forEach(j -> items.add(BulkJson.job(j)));
        return json;
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id, @Context SecurityContext security) {
        return BulkJson.job(repo.visibleJob(id, BulkJson.caller(security)));
    }

    @POST
    @Path("{id}/cancel")
    public ObjectNode cancel(@PathParam("id") String id, @Context SecurityContext security) {
        return BulkJson.job(jobs.cancel(id, BulkJson.caller(security)));
    }

    /** The error report as CSV (UTF-8 with BOM, for spreadsheets): row, recordId, field, reason, value. */
    @GET
    @Path("{id}/errors")
    @Produces("text/csv")
    public Response errors(@PathParam("id") String id, @Context SecurityContext security) {
        BulkJob job = repo.visibleJob(id, BulkJson.caller(security));
        List<BulkJobError> first = repo.errors(job.id, -1, "", 1000); // a failing query is a problem answer, not a cut stream
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                csv.printRecord("row", "recordId", "field", "reason", "value");
                long afterRow = -1;
                String afterId = "";
                for (List<BulkJobError> page = first;; page = repo.errors(job.id, afterRow, afterId, 1000)) {
                    for (BulkJobError e : page) {
                        csv.printRecord(e.rowNumber == 0 ? null : e.rowNumber, e.recordId, e.field, e.reason, e.value);
                    }
                    if (page.size() < 1000) {
                        break;
                    }
                    afterRow = page.get(page.size() - 1).rowNumber;
                    afterId = page.get(page.size() - 1).id;
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"job-" + job.id + "-errors.csv\"").build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startImport(JsonNode body, @Context SecurityContext security) throws IOException {
        Caller caller = BulkJson.caller(security);
        ObjectNode request = BulkJson.object(body, IMPORT_MEMBERS, "an import");
        if (!request.path("fileId").isTextual()) {
            throw AtriumException.invalidField("fileId", "is required: the id answered by POST /api/v1/imports");
        }
        if (!request.path("entity").isTextual()) {
            throw AtriumException.invalidField("entity", "is required: the entity to import into, e.g. contacts");
        }
        ImportFile file = repo.file(request.get("fileId").textValue(), caller);
        RecordStore<?> store = stores.importable(request.get("entity").textValue(), caller);
        EntityType<?> type = store.type();
        ObjectNode mapping = request.deepCopy();
        if (request.hasNonNull("mappingId")) {
            ImportMapping saved = repo.mapping(request.get("mappingId").asText(), caller);
            if (!saved.entity.equals(type.name())) {
                throw AtriumException.invalidField("mappingId", "is a mapping for " + saved.entity + ", not " + type.name());
            }
            ObjectNode base = (ObjectNode) ImportSpec.JSON.readTree(saved.spec);
            request.fields().forEachRemaining(e -> {
                if (ImportSpec.MAPPING_MEMBERS.contains(e.getKey())) {
                    base.set(e.getKey(), e.getValue()); // what the request says wins over the saved mapping
                }
            });
            mapping = base;
        }
        String ownerId = null;
        if (request.hasNonNull("ownerId")) {
            ownerId = request.get("ownerId").asText();
            if (!users.isValidOwner(ownerId)) {
                throw AtriumException.invalidField("ownerId", "no active user or group with id " + ownerId);
            }
        }
        ImportSpec spec = ImportSpec.parse(mapping, type, ImportEndpoint.columns(file), ownerId);
        JsonNode defaultOwner = spec.defaults().get("ownerId");
        if (defaultOwner != null && !(defaultOwner.isTextual() && users.isValidOwner(defaultOwner.textValue()))) {
            throw AtriumException.invalidField("defaults.ownerId", "no active user or group with id " + defaultOwner.asText());
        }
        EntityAccess access = policy.access(caller, type);
        if (!access.can(Right.CREATE)) {
            throw AtriumException.forbidden("your profiles do not allow you to create " + type.pluralLabel().en().toLowerCase(Locale.ROOT));
        }
        if (ImportSpec.UPDATE.equals(spec.duplicateAction()) && !access.can(Right.EDIT)) {
            throw AtriumException.forbidden("your profiles do not allow you to update " + type.pluralLabel().en().toLowerCase(Locale.ROOT)
                    + ": choose \"skip\" or \"create\" for duplicates");
        }
        if (request.hasNonNull("saveMappingAs")) {
            String name = request.get("saveMappingAs").asText().strip();
            if (name.isEmpty() || name.length() > 100) {
                throw AtriumException.invalidField("saveMappingAs", "must be a name of 1 to 100 characters");
            }
            ObjectNode saved = spec.toJson();
            saved.remove("ownerId");
            repo.saveMapping(caller, type.name(), name, saved.toString());
        }
        BulkJob job = repo.newJob(BulkJob.KIND_IMPORT, type.name(), caller, spec.toJson().toString(), file.id, file.rows);
        jobs.submit(job.id);
        return accepted(job);
    }

    @POST
    @Path("mass-update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response massUpdate(JsonNode body, @Context SecurityContext security) {
        return mass(BulkJob.KIND_UPDATE, body, BulkJson.caller(security));
    }

    @POST
    @Path("mass-transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response massTransfer(JsonNode body, @Context SecurityContext security) {
        return mass(BulkJob.KIND_TRANSFER, body, BulkJson.caller(security));
    }

    @POST
    @Path("mass-delete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response massDelete(JsonNode body, @Context SecurityContext security) {
        return mass(BulkJob.KIND_DELETE, body, BulkJson.caller(security));
    }

    /**
     * Validates the whole request up front (query, values against the caller's metadata, rights), counts the
     * records the query reaches for the progress, and queues the job.
     */
    private <T extends Record> Response mass(String kind, JsonNode body, Caller caller) {
        ObjectNode request = BulkJson.object(body, MASS_MEMBERS, "a " + kind);
        if (!request.path("entity").isTextual()) {
            throw AtriumException.invalidField("entity", "is required, e.g. accounts");
        }
        @SuppressWarnings("unchecked")
        RecordStore<T> store = policy.secure((RecordStore<T>) stores.require(request.get("entity").textValue()), caller);
        EntityType<T> type = store.type();
        EntityAccess access = policy.access(caller, type);
        Right needed = BulkJob.KIND_DELETE.equals(kind) ? Right.DELETE : Right.EDIT;
        if (!access.can(needed)) {
            throw AtriumException.forbidden("your profiles do not allow you to " + needed.jsonName() + " "
                    + type.pluralLabel().en().toLowerCase(Locale.ROOT));
        }
        JsonNode filter = request.get("filter");
        if (filter != null && !(filter.isArray() && java.util.stream.StreamSupport.stream(filter.spliterator(), false).allMatch(JsonNode::isTextual))) {
            throw AtriumException.invalidField("filter", "must be a list of filter expressions as the list URL takes them, e.g. [\"industry eq 'retail'\"]");
        }
        if (request.has("q") && !request.get("q").isTextual()) {
            throw AtriumException.invalidField("q", "must be a quick-search text");
        }
        ObjectNode spec = request.deepCopy();
        spec.remove("entity");
        switch (kind) {
            case BulkJob.KIND_UPDATE:
                if (request.has("ownerId")) {
                    throw AtriumException.invalidField("ownerId", "is set with mass-transfer");
                }
                if (!request.path("values").isObject() || request.get("values").isEmpty()) {
                    throw AtriumException.invalidField("values", "is required: the fields to set on every record, e.g. {\"rating\": \"hot\"}");
                }
                if (request.get("values").has("ownerId")) {
                    throw AtriumException.invalidField("values.ownerId", "ownership is changed with mass-transfer");
                }
                List<FieldError> errors = new java.util.ArrayList<>();
                request.get("values").fieldNames().forEachRemaining(f -> {
                    String problem = ImportSpec.writable(type, f);
                    if (problem != null) {
                        errors.add(new FieldError("values." + f, problem));
                    }
                });
                if (!errors.isEmpty()) {
                    throw AtriumException.forbiddenFields(errors);
                }
                // what holds for every record (a reference to a record the caller cannot see) is refused now, as by
                // REST; what depends on the record (a cycle) is reported per record by the job
                rules.check(type.name(), null, RecordBodies.forPatch(type, request.get("values")), true, caller);
                break;
            case BulkJob.KIND_TRANSFER:
                if (request.has("values")) {
                    throw AtriumException.invalidField("values", "mass-transfer only changes the owner: give ownerId");
                }
                if (!request.path("ownerId").isTextual() || !users.isValidOwner(request.get("ownerId").textValue())) {
                    throw AtriumException.invalidField("ownerId", "is required: the id of an active user or group");
                }
                String problem = ImportSpec.writable(type, "ownerId");
                if (problem != null) {
                    throw AtriumException.forbiddenFields(List.of(new FieldError("ownerId", problem)));
                }
                spec.remove("ownerId");
                spec.putObject("values").put("ownerId", request.get("ownerId").textValue());
                break;
            default:
                if (request.has("values") || request.has("ownerId")) {
                    throw AtriumException.badRequest("mass-delete takes only entity, filter and q");
                }
        }
        ListQuery query = MassRunner.query(store, spec);
        long total = store.list(query.withPage(0, 1)).total();
        BulkJob job = repo.newJob(kind, type.name(), caller, spec.toString(), null, total);
        jobs.submit(job.id);
        return accepted(job);
    }

    private static Response accepted(BulkJob job) {
        return Response.accepted(BulkJson.job(job))
                .location(URI.create("/" + AtriumRest.BASE + "/v1/jobs/" + job.id)).build();
    }
}
