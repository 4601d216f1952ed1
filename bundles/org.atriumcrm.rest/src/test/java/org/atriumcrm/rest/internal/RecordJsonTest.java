package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

public class RecordJsonTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static Map<String, String> errors(String body, RecordJson.Mode mode) throws Exception {
        try {
            RecordJson.read(Thing.TYPE, json(body), mode);
            fail("accepted " + body);
            return null;
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
        }
    }

    @Test
    public void readsEveryTypeExactly() throws Exception {
        Map<String, Object> v = RecordJson.read(Thing.TYPE, json("{\"name\":\" 张三😀 \",\"kind\":\"b\",\"email\":\"a@b.cn\","
                + "\"website\":\"www.example.com\",\"phone\":\"+86 (21) 5555-0100\",\"count\":12,\"amount\":\"1234.5600\","
                + "\"active\":true,\"day\":\"2026-02-28\",\"at\":\"2026-11-22T16:00:00+08:00\","
                + "\"otherId\":\"0190A000-0000-7000-8000-000000000002\",\"code\":\"CNY\",\"notes\":\"\"}"),
                RecordJson.Mode.CREATE);
        assertEquals("张三😀", v.get("name"));
        assertEquals(12L, v.get("count"));
        assertEquals(0, new BigDecimal("1234.56").compareTo((BigDecimal) v.get("amount")));
        assertEquals(LocalDate.of(2026, 2, 28), v.get("day"));
        assertEquals(Instant.parse("2026-11-22T08:00:00Z"), v.get("at"));
        assertEquals("0190a000-0000-7000-8000-000000000002", v.get("otherId"));
        assertNull("empty text is no value", v.get("notes"));
    }

    @Test
    public void lengthsCountCharactersNotUtf16Units() throws Exception {
        String tenEmoji = "😀".repeat(10); // 20 UTF-16 units; name has maxLength 10
        assertEquals(tenEmoji, RecordJson.read(Thing.TYPE, json("{\"name\":\"" + tenEmoji + "\"}"), RecordJson.Mode.CREATE).get("name"));
        assertEquals("must be at most 10 characters long, not 11",
                errors("{\"name\":\"" + tenEmoji + "😀\"}", RecordJson.Mode.CREATE).get("name"));
        assertEquals("must be at most 10 characters long, not 11", errors("{\"name\":\"张三李四王五赵六钱七孙\"}", RecordJson.Mode.CREATE).get("name"));
    }

    @Test
    public void textAreasKeepTheirWhitespaceSingleLineFieldsAreStripped() throws Exception {
        String body = "  Dear 张三,\n\n    indented line\n\nRegards\n";
        Map<String, Object> v = RecordJson.read(Thing.TYPE, json("{\"name\":\"  x \\n\",\"notes\":" + Json.MAPPER.writeValueAsString(body) + "}"),
                RecordJson.Mode.CREATE);
        assertEquals(body, v.get("notes"));
        assertEquals("x", v.get("name"));
        assertNull("blank text is no value", RecordJson.read(Thing.TYPE, json("{\"name\":\"x\",\"notes\":\" \\n \"}"),
                RecordJson.Mode.CREATE).get("notes"));
    }

    @Test
    public void reportsEveryBadFieldAtOnce() throws Exception {
        Map<String, String> e = errors("{\"nmae\":\"x\",\"kind\":\"c\",\"email\":\"nope\",\"count\":1.5,\"amount\":\"1.23456\","
                + "\"active\":\"yes\",\"day\":\"22/11/2026\",\"otherId\":\"42\",\"code\":\"cny\",\"id\":\"x\",\"phone\":\"call me\"}",
                RecordJson.Mode.CREATE);
        assertEquals("is not a field of Thing", e.get("nmae"));
        assertEquals("is required", e.get("name"));
        assertEquals("must be one of a, b, not 'c'", e.get("kind"));
        assertEquals("is not a valid email address", e.get("email"));
        assertEquals("must be an integer", e.get("count"));
        assertEquals("must have at most 4 decimal places", e.get("amount"));
        assertEquals("must be true or false", e.get("active"));
        assertEquals("must be a date like 2026-11-22", e.get("day"));
        assertEquals("must be a record id (a UUID), not '42'", e.get("otherId"));
        assertEquals("must be three capital letters", e.get("code"));
        assertEquals("is read-only", e.get("id"));
        assertEquals("is not a valid phone number", e.get("phone"));
        assertEquals(12, e.size());
    }

    @Test
    public void maxLengthCountsCharactersAndWrongShapesAreNamed() throws Exception {
        assertEquals("must be at most 10 characters long, not 11", errors("{\"name\":\"12345678901\"}", RecordJson.Mode.PATCH).get("name"));
        assertEquals("must be a string", errors("{\"name\":42}", RecordJson.Mode.PATCH).get("name"));
        assertEquals("must be a string", errors("{\"name\":{\"a\":1}}", RecordJson.Mode.PATCH).get("name"));
        assertEquals("must be a number", errors("{\"amount\":[1]}", RecordJson.Mode.PATCH).get("amount"));
        assertEquals("must be an integer", errors("{\"count\":99999999999999999999999}", RecordJson.Mode.PATCH).get("count"));
    }

    @Test
    public void patchAndReplaceTreatAbsentFieldsDifferently() throws Exception {
        Map<String, Object> patch = RecordJson.read(Thing.TYPE, json("{\"kind\":\"a\"}"), RecordJson.Mode.PATCH);
        assertEquals(Map.of("kind", "a"), patch);
        Map<String, Object> replace = RecordJson.read(Thing.TYPE, json("{\"name\":\"n\"}"), RecordJson.Mode.REPLACE);
        assertTrue(replace.containsKey("kind"));
        assertNull(replace.get("kind"));
        assertFalse("PUT without owner keeps the owner", replace.containsKey("ownerId"));
        assertEquals("is required", errors("{\"name\":null}", RecordJson.Mode.PATCH).get("name"));
    }

    @Test
    public void bodyMustBeAnObject() throws Exception {
        try {
            RecordJson.read(Thing.TYPE, json("[1,2]"), RecordJson.Mode.CREATE);
            fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("JSON object"));
        }
    }

    @Test
    public void writesEveryDeclaredFieldAndNothingElse() {
        Thing t = new Thing();
        t.name = "李四";
        t.amount = new BigDecimal("10.50");
        t.at = Instant.parse("2026-01-01T00:00:00Z");
        ObjectNode out = RecordJson.write(Thing.TYPE, t);
        assertEquals("李四", out.get("name").textValue());
        assertEquals("10.50", out.get("amount").decimalValue().toPlainString());
        assertEquals("2026-01-01T00:00:00Z", out.get("at").textValue());
        assertEquals(3, out.get("version").longValue());
        assertTrue(out.get("kind").isNull());
        assertEquals(Thing.TYPE.fields().size(), out.size());
    }

    @Test
    public void putOfWhatGetAnsweredIgnoresUnchangedReadOnlyFields() throws Exception {
        Thing stored = new Thing();
        stored.name = "n";
        ObjectNode asRead = RecordJson.write(Thing.TYPE, stored);
        asRead.put("createdAt", "2026-11-22T16:00:00+08:00"); // the same instant, as a client's date library writes it
        Map<String, Object> replace = RecordJson.read(Thing.TYPE, asRead, RecordJson.Mode.REPLACE, stored);
        assertFalse(replace.containsKey("id"));
        assertFalse(replace.containsKey("version"));
        assertEquals("n", replace.get("name"));
        Map<String, Object> patch = RecordJson.read(Thing.TYPE, json("{\"id\":\"0190A000-0000-7000-8000-000000000001\","
                + "\"version\":3,\"createdBy\":null,\"kind\":\"a\"}"), RecordJson.Mode.PATCH, stored);
        assertEquals(Map.of("kind", "a"), patch);
    }

    @Test
    public void changedReadOnlyFieldsAreStillRefused() throws Exception {
        Thing stored = new Thing();
        ObjectNode body = RecordJson.write(Thing.TYPE, stored);
        body.put("name", "n").put("version", 2).put("createdAt", "2026-11-22T08:00:01Z");
        try {
            RecordJson.read(Thing.TYPE, body, RecordJson.Mode.REPLACE, stored);
            fail("accepted " + body);
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            Map<String, String> errors = e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
            assertEquals(Set.of("version", "createdAt"), errors.keySet());
            assertTrue(errors.get("version"), errors.get("version").startsWith("is read-only"));
        }
        assertEquals("is read-only", errors("{\"id\":\"0190a000-0000-7000-8000-000000000001\"}", RecordJson.Mode.REPLACE).get("id"));
    }
}
