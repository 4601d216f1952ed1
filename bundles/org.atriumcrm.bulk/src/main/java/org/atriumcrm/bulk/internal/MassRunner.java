package org.atriumcrm.bulk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.record.RecordWrites;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.rest.api.RecordBodies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs a mass update, transfer or delete: visits every record of the job's list query in id order (a keyset,
 * so records that stop matching or go to the recycle bin do not shift the pages), checks that the user may change
 * each one (records they may only read are reported, not touched), and writes each page in one transaction through
 * the user's secured store: history, events and the recycle bin as for single changes.
 */
final class MassRunner {
    static final int PAGE = 500;

    private final JobContext context;
    private final AccessPolicy policy;
    private final RecordWrites rules;

    MassRunner(JobContext context, AccessPolicy policy, RecordWrites rules) {
        this.context = context;
        this.policy = policy;
        this.rules = rules;
    }

    <T extends Record> void run(BulkJob job, RecordStore<T> rawStore) {
        Caller caller = new Caller(job.userId, job.loginName, job.administrator);
        RecordStore<T> store = policy.secure(rawStore, caller);
        JsonNode spec = read(job.spec);
        ListQuery query = query(store, spec);
        Map<String, Object> values = BulkJob.KIND_DELETE.equals(job.kind) ? Map.of()
                : RecordBodies.forPatch(store.type(), spec.get("values"));
        String cursor = job.cursorId;
        while (context.mayContinue(job.id)) {
            long started = System.nanoTime();
            ListQuery page = query.withPage(0, PAGE);
            if (cursor != null) {
                page = page.withCondition(new Condition("id", Operator.GT, List.of(cursor)));
            }
            List<T> records = store.list(new ListQuery(0, PAGE, List.of(new SortKey("id", false)), page.quickSearch(),
                    page.conditions(), page.visibility(), page.hiddenFields())).items();
            if (records.isEmpty()) {
                return;
            }
            EntityAccess access = policy.access(caller, rawStore.type());
            BatchOutcome outcome = context.outcome(job);
            List<BatchWrite> writes = new ArrayList<>();
            for (T r : records) {
                boolean allowed = BulkJob.KIND_DELETE.equals(job.kind)
                        ? access.can(org.atriumcrm.api.security.Right.DELETE) && access.write().allows(r)
                        : access.canChange(r);
                if (!allowed) {
                    outcome.failed++;
                    outcome.error(0, r.getId(), BulkJob.KIND_DELETE.equals(job.kind)
                            ? org.atriumcrm.api.error.FieldError.of(null, "mass-not-deletable", "you may see this " + rawStore.type().name()
                                    + " but not delete it", rawStore.type().label())
                            : org.atriumcrm.api.error.FieldError.of(null, "mass-not-changeable", "you may see this " + rawStore.type().name()
                                    + " but not change it", rawStore.type().label()), null);
                } else if (BulkJob.KIND_DELETE.equals(job.kind)) {
                    writes.add(BatchWrite.delete(r.getId()));
                } else {
                    writes.add(BatchWrite.update(r.getId(), values));
                }
            }
            // the platform's rules per record (a reference that would make this record its own ancestor, an owner)
            Map<Integer, org.atriumcrm.api.error.AtriumException> violations = writes.isEmpty() ? Map.of()
                    : rules.check(rawStore.type().name(), writes, false, caller);
            List<BatchWrite> lawful = new ArrayList<>(writes.size());
            for (int i = 0; i < writes.size(); i++) {
                if (violations.containsKey(i)) {
                    outcome.rowFailed(0, writes.get(i).id(), violations.get(i), writes.get(i).values()::get);
                } else {
                    lawful.add(writes.get(i));
                }
            }
            outcome.write(store, lawful, i -> 0L, caller);
            cursor = records.get(records.size() - 1).getId();
            context.recordBatch(job.id, records.size(), outcome, cursor, System.nanoTime() - started);
            if (records.size() < PAGE) {
                return;
            }
        }
    }

    static <T extends Record> ListQuery query(RecordStore<T> store, JsonNode spec) {
        List<String> filters = new ArrayList<>();
        spec.path("filter").forEach(f -> filters.add(f.textValue()));
        return RecordBodies.listQuery(store.type(), null, spec.hasNonNull("q") ? spec.get("q").textValue() : null, filters);
    }

    static JsonNode read(String spec) {
        try {
            return ImportSpec.JSON.readTree(spec);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored job spec is not JSON", e);
        }
    }

    static ObjectNode object() {
        return ImportSpec.JSON.createObjectNode();
    }
}
