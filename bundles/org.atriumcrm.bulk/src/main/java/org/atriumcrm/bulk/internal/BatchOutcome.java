package org.atriumcrm.bulk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntToLongFunction;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.error.ProblemTexts;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.persistence.api.RecordIds;

/**
 * What one batch of a job did: the counts and the lines of the error report, written in the language of the user who
 * started the job (the platform's catalogue, {@link ProblemTexts}; English without one).
 */
final class BatchOutcome {
    private final String jobId;
    private final ProblemTexts texts;
    private final Locale language;
    long created;
    long updated;
    long skipped;
    long failed;
    final List<BulkJobError> errors = new ArrayList<>();

    /** A batch whose report stays in English (tests, or no catalogue). */
    BatchOutcome(String jobId) {
        this(jobId, null, Locale.ENGLISH);
    }

    BatchOutcome(String jobId, ProblemTexts texts, Locale language) {
        this.jobId = jobId;
        this.texts = texts;
        this.language = language;
    }

    /** One line of the report: why {@code reason.field()} was not written, in the job user's language. */
    void error(long rowNumber, String recordId, FieldError reason, String value) {
        errors.add(new BulkJobError(RecordIds.next(), jobId, rowNumber, recordId, reason.field(), say(reason), value));
    }

    private String say(FieldError reason) {
        return texts == null ? reason.message() : texts.message(reason, language);
    }

    private String say(AtriumException problem) {
        return texts == null ? problem.getMessage() : texts.detail(problem, language);
    }

    /**
     * A row or record that could not be written: one report line per field error, with the value it was given
     * ({@code valueOf} answers a field's input, so that the report shows what to correct), or the reason.
     */
    void rowFailed(long rowNumber, String recordId, RuntimeException e, Function<String, ?> valueOf) {
        failed++;
        AtriumException ae = unwrap(e);
        if (ae == null) {
            error(rowNumber, recordId, FieldError.of(null, "could-not-be-written", "could not be written: " + rootMessage(e), rootMessage(e)), null);
        } else if (ae.errors() != null && !ae.errors().isEmpty()) {
            for (FieldError fe : ae.errors()) {
                error(rowNumber, recordId, fe, fe.field() == null ? null : text(valueOf.apply(fe.field())));
            }
        } else {
            errors.add(new BulkJobError(RecordIds.next(), jobId, rowNumber, recordId, null, say(ae), null));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof com.fasterxml.jackson.databind.JsonNode json) {
            return json.isNull() || json.isMissingNode() ? null : json.isValueNode() ? json.asText() : json.toString();
        }
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    }

    /**
     * Writes the batch in one transaction and counts it. When the batch fails as a whole it has been rolled back;
     * its rows are then written one by one, so that only the rows at fault stay out and each is reported
     * ({@code rowNumber} gives a write's row in the file, 0 for records of a mass operation).
     */
    <T extends Record> void write(RecordStore<T> store, List<BatchWrite> writes, IntToLongFunction rowNumber, Caller caller) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            store.writeBatch(writes, caller);
            writes.forEach(this::count);
            return;
        } catch (RuntimeException batchFailed) {
            if (writes.size() == 1) {
                rowFailed(rowNumber.applyAsLong(0), writes.get(0).id(), batchFailed, writes.get(0).values()::get);
                return;
            }
        }
        for (int i = 0; i < writes.size(); i++) {
            try {
                store.writeBatch(List.of(writes.get(i)), caller);
                count(writes.get(i));
            } catch (RuntimeException e) {
                rowFailed(rowNumber.applyAsLong(i), writes.get(i).id(), e, writes.get(i).values()::get);
            }
        }
    }

    private void count(BatchWrite w) {
        if (w.isCreate()) {
            created++;
        } else {
            updated++; // for a mass delete: deleted
        }
    }

    private static AtriumException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AtriumException ae) {
                return ae;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
