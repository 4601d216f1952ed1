package org.atriumcrm.bulk.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.junit.Test;

public class CellValuesTest {
    private static FieldDef<Object> field(FieldType type) {
        return FieldDef.of("f", type, o -> null, (o, v) -> { });
    }

    private static String json(FieldType type, String cell) throws CellValues.Invalid {
        return CellValues.toJson(field(type), cell).toString();
    }

    private static void invalid(FieldType type, String cell) {
        try {
            CellValues.toJson(field(type), cell);
            fail(cell + " must not pass as " + type);
        } catch (CellValues.Invalid expected) {
            // the message goes to the error report
        }
    }

    @Test
    public void multiLineCellsKeepTheirWhitespaceOtherTextIsStripped() throws Exception {
        assertEquals("  first\n    second\n", CellValues.toJson(field(FieldType.TEXT), "  first\n    second\n").textValue());
        assertEquals("Acme", CellValues.toJson(field(FieldType.STRING), " Acme\n").textValue());
    }

    @Test
    public void numbersAsSpreadsheetsWriteThem() throws Exception {
        assertEquals("1200000", json(FieldType.INTEGER, "1,200,000"));
        assertEquals("1200000", json(FieldType.INTEGER, "1200000.00"));
        assertEquals("35000.5", json(FieldType.DECIMAL, "¥35,000.50"));
        assertEquals("12", json(FieldType.DECIMAL, " 12 "));
        invalid(FieldType.INTEGER, "12.5");
        invalid(FieldType.DECIMAL, "twelve");
    }

    @Test
    public void booleansInChineseAndEnglish() throws Exception {
        assertEquals("true", json(FieldType.BOOLEAN, "是"));
        assertEquals("false", json(FieldType.BOOLEAN, "否"));
        assertEquals("true", json(FieldType.BOOLEAN, "Yes"));
        assertEquals("false", json(FieldType.BOOLEAN, "0"));
        invalid(FieldType.BOOLEAN, "maybe");
    }

    @Test
    public void datesInTheFormsPeopleType() throws Exception {
        assertEquals("\"2026-11-22\"", json(FieldType.DATE, "2026-11-22"));
        assertEquals("\"2026-11-22\"", json(FieldType.DATE, "2026/11/22"));
        assertEquals("\"2026-01-05\"", json(FieldType.DATE, "2026年1月5日"));
        assertEquals("\"2026-11-22\"", json(FieldType.DATE, "20261122"));
        assertEquals("\"2026-11-22\"", json(FieldType.DATE, "46348")); // an Excel serial date
        assertEquals("\"2026-11-22T02:15:30Z\"", json(FieldType.DATETIME, "2026-11-22T10:15:30+08:00"));
        assertEquals("\"2026-11-22T10:15:30Z\"", json(FieldType.DATETIME, "2026-11-22 10:15:30"));
        invalid(FieldType.DATE, "22/13/2026");
        invalid(FieldType.DATETIME, "yesterday");
    }

    @Test
    public void matchValuesIgnoreCaseSpacesAndPhoneFormatting() {
        assertEquals("zhang@example.cn", FieldDef.matchValue(FieldType.EMAIL, "  Zhang@Example.CN "));
        assertEquals("13900001234", FieldDef.matchValue(FieldType.PHONE, "+86 139-0000-1234"));
        assertEquals("13900001234", FieldDef.matchValue(FieldType.PHONE, "0086 13900001234"));
        assertEquals("02112345678", FieldDef.matchValue(FieldType.PHONE, "021-1234 5678"));
        assertEquals(null, FieldDef.matchValue(FieldType.PHONE, " - "));
    }
}
