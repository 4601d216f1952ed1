package org.atriumcrm.bulk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.rest.api.ModuleEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/imports?entity=contacts&fileName=客户.csv&encoding=auto} with the file as the body (CSV or
 * .xlsx, up to the platform's import size limit): stores it, reads it once (row count, a broken file is refused
 * here), and answers the field-mapping step: the columns, sample rows, the detected encoding and a suggested
 * mapping. The import itself is started with {@code POST /api/v1/jobs/import}.
 */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.PATH_PROPERTY + "=imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportEndpoint implements ModuleEndpoint {
    private static final int SAMPLE_ROWS = 5;

    private final BulkRepository repo;
    private final EntityStores stores;

    @Activate
    public ImportEndpoint(@Reference BulkRepository repo, @Reference EntityStores stores,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + BulkModule.ID + ")") ModuleGate gate) {
        this.repo = repo;
        this.stores = stores;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(InputStream body, @QueryParam("entity") String entity, @QueryParam("fileName") String fileName,
            @QueryParam("encoding") String encoding, @Context SecurityContext security) throws IOException {
        Caller caller = BulkJson.caller(security);
        EntityType<?> type = entity == null ? null : stores.importable(entity, caller).type();
        Files.createDirectories(JobService.directory());
        String id = RecordIds.next();
        Path file = JobService.directory().resolve(id);
        Path partial = JobService.directory().resolve(id + ".part");
        try {
            Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(partial) == 0) {
                throw AtriumException.badRequest("the request body is empty: send the CSV or .xlsx file as the body");
            }
            ImportFile meta = new ImportFile();
            meta.id = id;
            meta.userId = caller.userId();
            meta.fileName = fileName == null || fileName.isBlank() ? "import" : fileName.strip();
            meta.format = TabularFile.sniffFormat(partial);
            Charset charset = TabularFile.CSV.equals(meta.format) ? TabularFile.textCharset(partial, encoding) : null;
            meta.encoding = charset == null ? null : charset.name();
            meta.size = Files.size(partial);
            ArrayNode sample = ImportSpec.JSON.createArrayNode();
            try (TabularFile table = TabularFile.open(partial, meta.format, charset)) {
                meta.columns = ImportSpec.JSON.writeValueAsString(table.header());
                long rows = 0;
                for (Iterator<TabularFile.DataRow> it = table.rows(); it.hasNext(); rows++) {
                    TabularFile.DataRow r = it.next();
                    if (rows < SAMPLE_ROWS) {
                        ArrayNode a = sample.addArray();
                        r.cells().forEach(a::add);
                    }
                }
                meta.rows = rows;
            } catch (RuntimeException | IOException e) {
                if (e instanceof AtriumException ae) {
                    throw ae;
                }
                throw AtriumException.badRequest("the file cannot be read as " + meta.format.toUpperCase(Locale.ROOT) + ": " + e.getMessage());
            }
            meta.createdAt = BulkRepository.now();
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            repo.saveFile(meta);
            return Response.status(Response.Status.CREATED).entity(preview(meta, type, sample)).build();
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The mapping step again for an uploaded file (e.g. with another entity's suggestions). */
    @GET
    @javax.ws.rs.Path("{id}")
    public ObjectNode get(@PathParam("id") String id, @QueryParam("entity") String entity, @Context SecurityContext security)
            throws IOException {
        Caller caller = BulkJson.caller(security);
        ImportFile meta = repo.file(id, caller);
        EntityType<?> type = entity == null ? null : stores.importable(entity, caller).type();
        ArrayNode sample = ImportSpec.JSON.createArrayNode();
        Path file = JobService.directory().resolve(meta.id);
        try (TabularFile table = TabularFile.open(file, meta.format, meta.encoding == null ? null : TabularFile.charset(meta.encoding))) {
            Iterator<TabularFile.DataRow> it = table.rows();
            for (int i = 0; i < SAMPLE_ROWS && it.hasNext(); i++) {
                ArrayNode a = sample.addArray();
                it.next().cells().forEach(a::add);
            }
        }
        return preview(meta, type, sample);
    }

    /** How many distinct values of a column {@link #values} names at most. */
    static final int MAX_DISTINCT_VALUES = 200;

    /**
     * The value-mapping step: every distinct value of {@code column} in the whole file (not only the sample rows), in
     * the order they first occur, with how often each occurs and, for a picklist {@code field} of {@code entity}, the
     * picklist value it suggests (the one the import itself would take: value or label, case-insensitively; null when the
     * user must choose). Values that differ only in case or surrounding blanks are one value, as the mapping applies
     * them. Streamed over the stored file; at most {@value #MAX_DISTINCT_VALUES} values (then {@code truncated}).
     */
    @GET
    @javax.ws.rs.Path("{id}/values")
    public ObjectNode values(@PathParam("id") String id, @QueryParam("column") String column, @QueryParam("entity") String entity,
            @QueryParam("field") String fieldName, @Context SecurityContext security) throws IOException {
        Caller caller = BulkJson.caller(security);
        ImportFile meta = repo.file(id, caller);
        List<String> header = columns(meta);
        if (column == null || column.isEmpty()) {
            throw AtriumException.validation(List.of(FieldError.of("column", "required", "is required: one of " + header)));
        }
        int index = header.indexOf(column);
        if (index < 0) {
            throw AtriumException.invalidField("column", "is not a column of the file; its columns are " + header);
        }
        FieldDef<?> field = null;
        if (fieldName != null && !fieldName.isEmpty()) {
            if (entity == null || entity.isEmpty()) {
                throw AtriumException.validation(List.of(FieldError.of("entity", "required", "is required with field")));
            }
            EntityType<?> type = stores.importable(entity, caller).type();
            field = type.field(fieldName).filter(f -> f.type() == FieldType.PICKLIST).orElseThrow(
                    () -> AtriumException.invalidField("field", "is not a picklist field of " + type.name()));
        }
        java.util.Map<String, String> spelling = new java.util.LinkedHashMap<>();
        java.util.Map<String, long[]> counts = new java.util.HashMap<>();
        long rows = 0;
        long blank = 0;
        boolean truncated = false;
        Path file = JobService.directory().resolve(meta.id);
        try (TabularFile table = TabularFile.open(file, meta.format, meta.encoding == null ? null : TabularFile.charset(meta.encoding))) {
            for (Iterator<TabularFile.DataRow> it = table.rows(); it.hasNext(); rows++) {
                List<String> cells = it.next().cells();
                String cell = index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
                if (cell.isEmpty()) {
                    blank++;
                    continue;
                }
                String key = cell.toLowerCase(Locale.ROOT); // the mapping's own key: ImportSpec lower-cases what it maps
                long[] count = counts.get(key);
                if (count != null) {
                    count[0]++;
                } else if (counts.size() < MAX_DISTINCT_VALUES) {
                    counts.put(key, new long[] {1});
                    spelling.put(key, cell);
                } else {
                    truncated = true; // counting values beyond the bound would hold the whole column in memory
                }
            }
        }
        ObjectNode json = ImportSpec.JSON.createObjectNode();
        json.put("id", meta.id);
        json.put("column", column);
        if (field != null) {
            json.put("field", field.name());
        }
        json.put("rows", rows);
        json.put("blank", blank);
        json.put("truncated", truncated);
        json.put("limit", MAX_DISTINCT_VALUES);
        ArrayNode values = json.putArray("values");
        for (java.util.Map.Entry<String, String> e : spelling.entrySet()) {
            ObjectNode v = values.addObject().put("value", e.getValue()).put("count", counts.get(e.getKey())[0]);
            if (field != null) {
                v.put("suggested", ImportRunner.knownPicklistValue(field, e.getValue()));
            }
        }
        return json;
    }

    private static ObjectNode preview(ImportFile meta, EntityType<?> type, ArrayNode sample) throws IOException {
        ObjectNode json = ImportSpec.JSON.createObjectNode();
        json.put("id", meta.id);
        json.put("fileName", meta.fileName);
        json.put("format", meta.format);
        json.put("encoding", meta.encoding);
        json.put("sizeBytes", meta.size);
        json.put("rows", meta.rows);
        List<String> header = columns(meta);
        header.forEach(json.putArray("columns")::add);
        json.set("sample", sample);
        if (type != null) {
            json.put("entity", type.name());
            ObjectNode suggested = json.putObject("suggestedColumns");
            ImportSpec.suggest(type, header).forEach(suggested::put);
        }
        return json;
    }

    static List<String> columns(ImportFile meta) throws IOException {
        return List.of(ImportSpec.JSON.readValue(meta.columns, String[].class));
    }
}
