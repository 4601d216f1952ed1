package org.atriumcrm.bulk.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.record.BatchWrite;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.junit.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

public class BatchOutcomeTest {
    /** A store whose every write is refused with the given field errors, as a store's validation refuses a row. */
    @SuppressWarnings("unchecked")
    private static RecordStore<org.atriumcrm.api.record.Record> refusing(List<FieldError> errors) {
        return (RecordStore<org.atriumcrm.api.record.Record>) Proxy.newProxyInstance(BatchOutcomeTest.class.getClassLoader(),
                new Class<?>[] {RecordStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("writeBatch")) {
                        throw AtriumException.validation(errors);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void theErrorReportShowsTheValueOfEachRefusedField() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("email", "not-an-email");
        values.put("annualRevenue", new BigDecimal("1E+3"));
        BatchOutcome outcome = new BatchOutcome("job");
        outcome.write(refusing(List.of(new FieldError("email", "is not a valid email address"),
                new FieldError("annualRevenue", "too much"), new FieldError("name", "is required"))),
                List.of(BatchWrite.create(values), BatchWrite.create(values)), i -> 2 + i, new Caller("u", "u", false));
        assertEquals(2, outcome.failed);
        assertEquals(6, outcome.errors.size());
        BulkJobError first = outcome.errors.get(0);
        assertEquals(2, first.rowNumber);
        assertEquals("email", first.field);
        assertEquals("not-an-email", first.value);
        assertEquals("1000", outcome.errors.get(1).value);
        assertNull("a missing value stays empty", outcome.errors.get(2).value);
        assertEquals(3, outcome.errors.get(3).rowNumber);
    }

    @Test
    public void aRowRefusedBeforeTheWriteReportsItsCell() {
        ObjectNode row = ImportSpec.JSON.createObjectNode().put("email", "x@").put("employees", 12);
        BatchOutcome outcome = new BatchOutcome("job");
        outcome.rowFailed(9, null, AtriumException.validation(List.of(new FieldError("email", "is not a valid email address"),
                new FieldError("employees", "must be positive"))), row::get);
        assertEquals("x@", outcome.errors.get(0).value);
        assertEquals("12", outcome.errors.get(1).value);
    }

    /** A catalogue that says every coded text in "Chinese" (the code and its arguments), to see what the report asks it. */
    private static final org.atriumcrm.api.error.ProblemTexts CHINESE = new org.atriumcrm.api.error.ProblemTexts() {
        @Override
        public java.util.Locale language(String tag) {
            return java.util.Locale.forLanguageTag(tag == null ? "en" : tag);
        }

        @Override
        public String detail(AtriumException problem, java.util.Locale language) {
            return language.getLanguage().equals("zh") && problem.messageKey() != null ? "译:" + problem.messageKey() + problem.messageArgs()
                    : problem.getMessage();
        }

        @Override
        public String message(FieldError error, java.util.Locale language) {
            return language.getLanguage().equals("zh") && error.code() != null ? "译:" + error.code() + error.args() : error.message();
        }
    };

    @Test
    public void theReportIsInTheLanguageOfTheUserWhoStartedTheJob() throws Exception {
        BatchOutcome outcome = new BatchOutcome("job", CHINESE, java.util.Locale.forLanguageTag("zh-CN"));
        outcome.rowFailed(2, null, AtriumException.conflict("credit-limit-exceeded", "over the limit").localized("credit-limit-exceeded", "SO-1"),
                v -> null);
        outcome.rowFailed(3, null, AtriumException.validation(List.of(FieldError.of("sku", "duplicate-sku", "A-1 is taken", "A-1"),
                new FieldError("name", "a module's own words"))), v -> null);
        try {
            CellValues.toJson(field(org.atriumcrm.api.meta.FieldType.INTEGER), "zwölf");
        } catch (CellValues.Invalid e) {
            outcome.error(4, null, e.reason("employees"), "zwölf");
        }
        assertEquals("译:credit-limit-exceeded[SO-1]", outcome.errors.get(0).reason);
        assertEquals("译:duplicate-sku[A-1]", outcome.errors.get(1).reason);
        assertEquals("sku", outcome.errors.get(1).field);
        assertEquals("a problem without a code stays in the words it was raised in", "a module's own words", outcome.errors.get(2).reason);
        assertEquals("employees", outcome.errors.get(3).field);
        assertEquals("译:import-whole-number[]", outcome.errors.get(3).reason);

        BatchOutcome english = new BatchOutcome("job", CHINESE, java.util.Locale.ENGLISH);
        english.rowFailed(2, null, AtriumException.conflict("credit-limit-exceeded", "over the limit").localized("credit-limit-exceeded", "SO-1"),
                v -> null);
        assertEquals("over the limit", english.errors.get(0).reason);
    }

    private static org.atriumcrm.api.meta.FieldDef<Object> field(org.atriumcrm.api.meta.FieldType type) {
        return org.atriumcrm.api.meta.FieldDef.of("employees", type, o -> null, (o, v) -> { });
    }
}
