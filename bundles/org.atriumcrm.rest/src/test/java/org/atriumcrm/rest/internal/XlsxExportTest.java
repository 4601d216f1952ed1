package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Test;

public class XlsxExportTest {
    private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?\"/>");
    private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"");

    private static byte[] export(int records, int sheetRows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write("Things", Thing.TYPE.fields(), row -> {
            for (int i = 0; i < records; i++) {
                Thing t = new Thing();
                t.name = "n" + i;
                t.amount = new BigDecimal("12.5");
                t.day = LocalDate.of(2026, 12, 6);
                t.notes = i == records - 1 ? "last" : null; // the last column, in the last row only
                row.accept(t);
            }
        }, out, sheetRows);
        return out.toByteArray();
    }

    private static Map<String, String> sheets(byte[] workbook) throws IOException {
        Map<String, String> sheets = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    sheets.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sheets;
    }

    private static int columnNumber(String letters) {
        int n = 0;
        for (char c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n;
    }

    /** The sheet's declared range must hold every cell it has, and be exactly the used range. */
    private static void assertDimensionIsTheUsedRange(String sheet, int expectedRows) {
        Matcher d = DIMENSION.matcher(sheet);
        assertTrue("no dimension element", d.find());
        int maxRow = 0;
        int maxColumn = 0;
        for (Matcher c = CELL.matcher(sheet); c.find();) {
            maxRow = Math.max(maxRow, Integer.parseInt(c.group(2)));
            maxColumn = Math.max(maxColumn, columnNumber(c.group(1)));
        }
        assertEquals(expectedRows, maxRow);
        assertEquals(Thing.TYPE.fields().size(), maxColumn);
        assertEquals("A1:" + XlsxExport.column(maxColumn - 1) + maxRow, d.group(0).replaceAll(".*ref=\"([^\"]+)\".*", "$1"));
    }

    @Test
    public void eachSheetDeclaresItsRealUsedRange() throws IOException {
        Map<String, String> sheets = sheets(export(2500, 1000));
        assertEquals(List.of("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"),
                List.copyOf(sheets.keySet()));
        assertDimensionIsTheUsedRange(sheets.get("xl/worksheets/sheet1.xml"), 1001);
        assertDimensionIsTheUsedRange(sheets.get("xl/worksheets/sheet2.xml"), 1001);
        assertDimensionIsTheUsedRange(sheets.get("xl/worksheets/sheet3.xml"), 501);
        assertTrue(sheets.get("xl/worksheets/sheet3.xml").contains("last"));
    }

    @Test
    public void anEmptyExportIsTheHeaderRow() throws IOException {
        String sheet = sheets(export(0, 1000)).get("xl/worksheets/sheet1.xml");
        assertTrue(sheet, sheet.contains("<dimension ref=\"A1:" + XlsxExport.column(Thing.TYPE.fields().size() - 1) + "1\"/>"));
    }

    @Test
    public void columnLetters() {
        assertEquals("A", XlsxExport.column(0));
        assertEquals("Z", XlsxExport.column(25));
        assertEquals("AA", XlsxExport.column(26));
        assertEquals("AZ", XlsxExport.column(51));
        assertEquals("BA", XlsxExport.column(52));
        assertEquals("XFD", XlsxExport.column(16383));
    }
}
