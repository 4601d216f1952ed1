package org.atriumcrm.bulk.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordAssignment;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordWrites;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.UserDirectory;
import org.atriumcrm.api.security.Visibility;
import org.atriumcrm.persistence.api.RecordIds;
import org.atriumcrm.rest.api.RecordBodies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs one import job: reads the file from the row where the job stands, turns each batch of rows into records
 * through the importing user's secured store (same validation, rights, field-level security and write access as
 * the REST API), finds the records the rows duplicate with one query per batch, and writes the batch in one
 * transaction. A batch that fails as a whole is rolled back and its rows are written one by one, so that only the
 * rows at fault are reported and none is ever half written.
 */
final class ImportRunner {
    static final int BATCH = 500;

    private final JobContext context;
    private final AccessPolicy policy;
    private final UserDirectory users;
    private final EntityStores stores;
    private final RecordWrites rules;

    ImportRunner(JobContext context, AccessPolicy policy, UserDirectory users, EntityStores stores, RecordWrites rules) {
        this.context = context;
        this.policy = policy;
        this.users = users;
        this.stores = stores;
        this.rules = rules;
    }

    /** One row on its way to a write. */
    private static final class Pending {
        final long rowNumber;
        ObjectNode json;
        List<Object> key;
        String matchedId;
        boolean failed;

        Pending(long rowNumber, ObjectNode json) {
            this.rowNumber = rowNumber;
            this.json = json;
        }
    }

    <T extends Record> void run(BulkJob job, RecordStore<T> rawStore, Path file, ImportFile meta) throws IOException {
        Caller caller = new Caller(job.userId, job.loginName, job.administrator);
        RecordStore<T> store = policy.secure(rawStore, caller);
        EntityType<T> type = store.type();
        ImportSpec spec = ImportSpec.fromJson(job.spec);
        Optional<RecordAssignment> assignment = stores.assignment(type.name());
        Charset charset = TabularFile.charset(meta.encoding == null ? "UTF-8" : meta.encoding);
        try (TabularFile table = TabularFile.open(file, meta.format, charset)) {
            Map<String, Integer> columnIndex = new HashMap<>();
            for (int i = 0; i < table.header().size(); i++) {
                columnIndex.putIfAbsent(table.header().get(i), i);
            }
            Iterator<TabularFile.DataRow> rows = table.rows();
            long skip = job.processed;
            while (skip > 0 && rows.hasNext()) {
                rows.next(); // rows of batches committed before a restart
                skip--;
            }
            while (rows.hasNext()) {
                if (!context.mayContinue(job.id)) {
                    return;
                }
                long started = System.nanoTime();
                List<TabularFile.DataRow> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && rows.hasNext()) {
                    batch.add(rows.next());
                }
                BatchOutcome outcome = context.outcome(job);
                importBatch(store, type, spec, columnIndex, batch, assignment, caller, outcome);
                context.recordBatch(job.id, batch.size(), outcome, null, System.nanoTime() - started);
            }
        }
    }

    private <T extends Record> void importBatch(RecordStore<T> store, EntityType<T> type, ImportSpec spec,
            Map<String, Integer> columnIndex, List<TabularFile.DataRow> batch, Optional<RecordAssignment> assignment,
            Caller caller, BatchOutcome outcome) {
        List<Pending> pending = new ArrayList<>(batch.size());
        for (TabularFile.DataRow row : batch) {
            Pending p = toJson(type, spec, columnIndex, row, outcome);
            if (p != null) {
                pending.add(p);
            }
        }
        resolveReferences(type, pending, caller, outcome);
        if (!spec.matchOn().isEmpty()) {
            match(store, type, spec, pending, outcome);
        }
        List<BatchWrite> writes = new ArrayList<>();
        List<Pending> written = new ArrayList<>();
        for (Pending p : pending) {
            if (p.failed) {
                continue;
            }
            try {
                if (p.matchedId != null) {
                    writes.add(BatchWrite.update(p.matchedId, RecordBodies.forPatch(type, p.json)));
                } else {
                    // defaults fill the empty cells of new records; an update leaves what the record has
                    spec.defaults().fields().forEachRemaining(d -> {
                        if (!p.json.hasNonNull(d.getKey())) {
                            p.json.set(d.getKey(), d.getValue());
                        }
                    });
                    Map<String, Object> values = new LinkedHashMap<>(RecordBodies.forCreate(type, withoutOwner(p.json)));
                    String owner = p.json.hasNonNull("ownerId") ? p.json.get("ownerId").textValue() : spec.ownerId();
                    if (owner == null && assignment.isPresent()) {
                        owner = assignment.get().ownerFor(values).orElse(null);
                    }
                    if (owner != null) {
                        values.put("ownerId", owner);
                    }
                    writes.add(BatchWrite.create(values));
                }
                written.add(p);
            } catch (AtriumException e) {
                outcome.rowFailed(p.rowNumber, null, e, p.json::get);
            }
        }
        // the platform's rules for every write, as for REST; duplicates follow the import's own duplicate action
        Map<Integer, AtriumException> violations = writes.isEmpty() ? Map.of() : rules.check(type.name(), writes, true, caller);
        List<BatchWrite> lawful = new ArrayList<>(writes.size());
        List<Pending> lawfulRows = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            AtriumException violation = violations.get(i);
            if (violation == null) {
                lawful.add(writes.get(i));
                lawfulRows.add(written.get(i));
            } else {
                outcome.rowFailed(written.get(i).rowNumber, writes.get(i).id(), violation, written.get(i).json::get);
            }
        }
        outcome.write(store, lawful, i -> lawfulRows.get(i).rowNumber, caller);
    }

    private static ObjectNode withoutOwner(ObjectNode json) {
        return json.has("ownerId") ? json.deepCopy().without("ownerId") : json;
    }

    /** The row as the JSON body of a record: mapped cells converted to the fields' types, defaults for empty cells. */
    private static <T extends Record> Pending toJson(EntityType<T> type, ImportSpec spec, Map<String, Integer> columnIndex,
            TabularFile.DataRow row, BatchOutcome outcome) {
        ObjectNode json = ImportSpec.JSON.createObjectNode();
        boolean ok = true;
        for (Map.Entry<String, String> m : spec.columns().entrySet()) {
            Integer index = columnIndex.get(m.getKey());
            String cell = index == null || index >= row.cells().size() ? "" : row.cells().get(index);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            FieldDef<T> field = type.field(m.getValue()).orElseThrow();
            Map<String, String> picklist = spec.values().get(field.name());
            if (picklist != null) {
                String mapped = picklist.get(cell.strip().toLowerCase(Locale.ROOT));
                if (mapped != null) {
                    cell = mapped;
                }
            }
            if (field.type() == FieldType.PICKLIST) {
                cell = picklistValue(field, cell.strip());
            }
            try {
                json.set(field.name(), CellValues.toJson(field, cell));
            } catch (CellValues.Invalid e) {
                outcome.error(row.number(), null, e.reason(field.name()), cell);
                ok = false;
            }
        }
        if (!ok) {
            outcome.failed++;
            return null;
        }
        if (json.isEmpty()) {
            outcome.skipped++; // an empty line in the mapped columns: nothing to import
            return null;
        }
        return new Pending(row.number(), json);
    }

    /** A picklist cell may hold the value or its label in English or Chinese (客户, Customer → customer). */
    private static String picklistValue(FieldDef<?> field, String cell) {
        String known = knownPicklistValue(field, cell);
        return known == null ? cell : known; // the codec's validation names the allowed values
    }

    /**
     * The picklist value a cell means by itself: the value, or a value's English or Chinese label, case-insensitively;
     * null when it is none of them (the value mapping of the wizard must say). The wizard's suggestions are this rule.
     */
    static String knownPicklistValue(FieldDef<?> field, String cell) {
        if (field.allowsPicklistValue(cell)) {
            return cell;
        }
        for (var v : field.picklist()) {
            if (v.value().equalsIgnoreCase(cell) || v.label().en().equalsIgnoreCase(cell)
                    || v.label().zhCN() != null && v.label().zhCN().equalsIgnoreCase(cell)) {
                return v.value();
            }
        }
        return null;
    }

    /**
     * Reference columns may hold the id of the referenced record or its name (an account name for a contact's
     * account): names are looked up among the records the user can see, one query per field and batch.
     */
    private <T extends Record> void resolveReferences(EntityType<T> type, List<Pending> pending, Caller caller, BatchOutcome outcome) {
        for (FieldDef<T> field : type.fields()) {
            if (field.type() != FieldType.REFERENCE || field.referenceTo() == null || field.isReadOnly()) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            for (Pending p : pending) {
                JsonNode v = p.json.get(field.name());
                if (v != null && v.isTextual()) {
                    (RecordIds.isValid(v.textValue()) ? ids : names).add(v.textValue());
                }
            }
            if (ids.isEmpty() && names.isEmpty()) {
                continue;
            }
            Optional<RecordStore<?>> target = stores.byName(field.referenceTo());
            if (target.isEmpty()) {
                for (Pending p : pending) {
                    if (p.json.hasNonNull(field.name())) {
                        fail(p, outcome, FieldError.of(field.name(), "reference-module-disabled", "refers to " + field.referenceTo()
                                + ", whose module is not enabled", field.referenceTo()),
                                p.json.get(field.name()).asText());
                    }
                }
                continue;
            }
            RecordStore<?> refs = policy.secure(target.get(), caller);
            Map<String, List<String>> byName = namesToIds(refs, names);
            for (Pending p : pending) {
                JsonNode v = p.json.get(field.name());
                if (v == null || !v.isTextual() || p.failed) {
                    continue;
                }
                String text = v.textValue();
                if (!RecordIds.isValid(text)) { // an id is checked with the platform's rules before the write
                    List<String> found = byName.getOrDefault(nameKey(text), List.of());
                    if (found.size() == 1) {
                        p.json.put(field.name(), found.get(0));
                    } else {
                        fail(p, outcome, found.isEmpty()
                                ? FieldError.of(field.name(), "import-no-such-name", "no " + field.referenceTo() + " named \"" + text
                                        + "\" that you can see", target.get().type().label(), text)
                                : FieldError.of(field.name(), "import-name-ambiguous", found.size() + " "
                                        + target.get().type().pluralLabel().en().toLowerCase(Locale.ROOT) + " are named \"" + text
                                        + "\": give the id instead", found.size(), target.get().type().pluralLabel(), text), text);
                    }
                }
            }
        }
    }

    private static String nameKey(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** Names of the referenced type's first matchable field (an account's name), found with one query. */
    private static <R extends Record> Map<String, List<String>> namesToIds(RecordStore<R> refs, Set<String> names) {
        Map<String, List<String>> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        Optional<FieldDef<R>> nameField = refs.type().fields().stream().filter(f -> f.matchAttribute() != null
                && f.type() == FieldType.STRING).findFirst();
        if (nameField.isEmpty()) {
            return out;
        }
        List<List<Object>> keys = names.stream().map(n -> List.<Object>of(n)).toList();
        refs.findMatches(List.of(nameField.get().name()), keys, Visibility.ALL).forEach((key, records) ->
                out.put(key.get(0).toString(), records.stream().map(Record::getId).toList()));
        return out;
    }

    /** Finds each row's existing record by the match fields (one query per batch) and applies the duplicate action. */
    private <T extends Record> void match(RecordStore<T> store, EntityType<T> type, ImportSpec spec, List<Pending> pending,
            BatchOutcome outcome) {
        List<List<Object>> keys = new ArrayList<>();
        for (Pending p : pending) {
            if (p.failed) {
                continue;
            }
            List<Object> key = new ArrayList<>(spec.matchOn().size());
            for (String f : spec.matchOn()) {
                JsonNode v = p.json.get(f);
                FieldDef<T> field = type.field(f).orElseThrow();
                key.add(v == null || v.isNull() ? null : FieldDef.matchValue(field.type(), v.isTextual() ? v.textValue() : v.asText()));
            }
            if (!key.contains(null)) {
                p.key = key;
                keys.add(key);
            }
        }
        Map<List<Object>, List<T>> found = keys.isEmpty() ? Map.of() : store.findMatches(spec.matchOn(), keys, Visibility.ALL);
        Map<List<Object>, Pending> firstInBatch = new HashMap<>();
        for (Pending p : pending) {
            if (p.failed || p.key == null) {
                continue;
            }
            List<T> existing = found.getOrDefault(p.key, List.of());
            Pending earlier = firstInBatch.get(p.key);
            if (ImportSpec.CREATE.equals(spec.duplicateAction())) {
                continue;
            }
            if (!existing.isEmpty() || earlier != null) {
                if (ImportSpec.SKIP.equals(spec.duplicateAction())) {
                    p.failed = true; // not an error: reported in the counts
                    outcome.skipped++;
                } else if (existing.size() > 1) {
                    fail(p, outcome, FieldError.of(spec.matchOn().get(0), "import-matches-many", "matches " + existing.size()
                            + " existing records; with \"update\""
                            + " a row must identify one record", existing.size()), p.json.path(spec.matchOn().get(0)).asText());
                } else if (earlier != null) {
                    earlier.json.setAll(p.json); // a later row of the same record in this batch: its values win
                    p.failed = true;
                    outcome.updated++;
                } else {
                    p.matchedId = existing.get(0).getId();
                    firstInBatch.put(p.key, p);
                }
            } else {
                firstInBatch.put(p.key, p);
            }
        }
    }

    private static void fail(Pending p, BatchOutcome outcome, FieldError reason, String value) {
        if (!p.failed) {
            p.failed = true;
            outcome.failed++;
        }
        outcome.error(p.rowNumber, null, reason, value);
    }
}
