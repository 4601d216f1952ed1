package org.atriumcrm.bulk.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.atriumcrm.api.error.AtriumException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TabularFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(byte[] bytes) throws IOException {
        Path p = tmp.newFile().toPath();
        Files.write(p, bytes);
        return p;
    }

    private static List<TabularFile.DataRow> rows(TabularFile t) {
        List<TabularFile.DataRow> out = new ArrayList<>();
        for (Iterator<TabularFile.DataRow> it = t.rows(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    public void detectsGbkUtf8AndBom() throws IOException {
        String text = "姓名,城市\n张三,广州\n";
        Path gbk = file(text.getBytes(Charset.forName("GBK")));
        Path utf8 = file(text.getBytes(StandardCharsets.UTF_8));
        byte[] withBom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        Path bom = file(withBom);
        assertEquals("GB18030", TabularFile.detectCharset(gbk).name());
        assertEquals("UTF-8", TabularFile.detectCharset(utf8).name());
        assertEquals("UTF-8", TabularFile.detectCharset(bom).name());
        for (Path p : List.of(gbk, utf8, bom)) {
            try (TabularFile t = TabularFile.open(p, TabularFile.CSV, TabularFile.detectCharset(p))) {
                assertEquals(List.of("姓名", "城市"), t.header());
                List<TabularFile.DataRow> rows = rows(t);
                assertEquals(1, rows.size());
                assertEquals(2, rows.get(0).number());
                assertEquals(List.of("张三", "广州"), rows.get(0).cells());
            }
        }
    }

    @Test
    public void aLongUtf8FileWithChineseAtTheEndIsStillUtf8() throws IOException {
        StringBuilder b = new StringBuilder("name\n");
        for (int i = 0; i < 20_000; i++) {
            b.append("ascii row ").append(i).append('\n');
        }
        b.append("最后一行\n");
        assertEquals("UTF-8", TabularFile.detectCharset(file(b.toString().getBytes(StandardCharsets.UTF_8))).name());
        assertEquals("GB18030", TabularFile.detectCharset(file(b.toString().getBytes(Charset.forName("GBK")))).name());
    }

    @Test
    public void readsAnExcelWorkbookWithNumbersDatesAndBlankCells() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = bytes) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("客户");
            ws.value(0, 0, "客户名称");
            ws.value(0, 1, "年收入");
            ws.value(0, 2, "成立日期");
            ws.value(1, 0, "华为");
            ws.value(1, 1, new BigDecimal("1200000"));
            ws.value(1, 2, LocalDate.of(1987, 9, 15));
            ws.style(1, 2).format("yyyy-mm-dd").set();
            ws.value(3, 0, "空行之后");
            ws.value(3, 1, 35000.5);
            wb.finish();
        }
        Path p = file(bytes.toByteArray());
        assertEquals(TabularFile.XLSX, TabularFile.sniffFormat(p));
        try (TabularFile t = TabularFile.open(p, TabularFile.XLSX, null)) {
            assertEquals(List.of("客户名称", "年收入", "成立日期"), t.header());
            List<TabularFile.DataRow> rows = rows(t);
            assertEquals(2, rows.size());
            assertEquals(List.of("华为", "1200000", "1987-09-15"), rows.get(0).cells());
            assertEquals(4, rows.get(1).number());
            assertEquals(List.of("空行之后", "35000.5", ""), rows.get(1).cells());
        }
    }

    @Test
    public void readsAMinimalWorkbookWithInlineStrings() throws IOException {
        Path p = file(minimalWorkbook());
        try (TabularFile t = TabularFile.open(p, TabularFile.XLSX, null)) {
            assertEquals(List.of("名称", "行业"), t.header());
            assertEquals(List.of("上海贸易", "商贸"), rows(t).get(0).cells());
        }
    }

    @Test
    public void brokenFilesAreRefusedClearly() throws IOException {
        Path xls = file(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        try {
            TabularFile.sniffFormat(xls);
            org.junit.Assert.fail();
        } catch (AtriumException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(".xls"));
        }
        Path zip = file(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0});
        try {
            TabularFile.open(zip, TabularFile.XLSX, null).close();
            org.junit.Assert.fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
        }
        try {
            TabularFile.open(file("a,\"b\n1,2".getBytes(StandardCharsets.UTF_8)), TabularFile.CSV, StandardCharsets.UTF_8).close();
            org.junit.Assert.fail();
        } catch (AtriumException e) {
            assertEquals(400, e.status());
        }
        assertFalse(TabularFile.detectCharset(file(new byte[0])).name().isEmpty());
    }

    /** What the upload endpoint does with a file: its format, the charset of a CSV, then the header and rows. */
    private List<List<String>> upload(byte[] bytes) throws IOException {
        Path p = file(bytes);
        String format = TabularFile.sniffFormat(p);
        Charset charset = TabularFile.CSV.equals(format) ? TabularFile.textCharset(p, null) : null;
        try (TabularFile t = TabularFile.open(p, format, charset)) {
            List<List<String>> out = new ArrayList<>();
            out.add(t.header());
            rows(t).forEach(r -> out.add(r.cells()));
            return out;
        }
    }

    private void refused(byte[] bytes, String expected) throws IOException {
        try {
            upload(bytes);
            org.junit.Assert.fail("accepted as a table: " + bytes.length + " bytes");
        } catch (AtriumException e) {
            assertEquals(400, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }

    @Test
    public void tinyCsvFilesShorterThanAnyMagicNumberAreRead() throws IOException {
        assertEquals(List.of(List.of("a"), List.of("1")), upload("a\n1".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(List.of("a", "b")), upload("a,b".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(List.of("名"), List.of("张")), upload("名\n张".getBytes(Charset.forName("GBK"))));
        assertEquals(List.of(List.of("PK")), upload("PK".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void binaryFilesAreNotTakenForCsv() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
            8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
        refused(png, "neither a CSV file");
        byte[] random = new byte[8192];
        new java.util.Random(13).nextBytes(random);
        refused(random, "neither a CSV file");
        refused(new byte[1000], "U+0000");
        byte[] textThenNul = "name\nacme\n\0".getBytes(StandardCharsets.UTF_8);
        refused(textThenNul, "line 3");
        // a ZIP that is not a workbook is named as such, not read as CSV
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            put(zip, "readme.txt", "hello");
        }
        refused(zipped.toByteArray(), "not an Excel .xlsx workbook");
        // an encoding given by the client is held to: GBK bytes are not UTF-8 text
        Path gbk = file("名,城\n张,广\n".getBytes(Charset.forName("GBK")));
        try {
            TabularFile.textCharset(gbk, "UTF-8");
            org.junit.Assert.fail();
        } catch (AtriumException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("not valid UTF-8 text"));
        }
        assertEquals("GB18030", TabularFile.textCharset(gbk, "GBK").name());
        assertEquals(List.of(List.of("名称", "行业"), List.of("上海贸易", "商贸")), upload(minimalWorkbook()));
        assertEquals(List.of(List.of("a", "b"), List.of("1", "x\ty")), upload("a,b\r\n1,x\ty\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] minimalWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"客户\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>行业</t></is></c></row>"
                    + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>上海贸易</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>商贸</t></is></c></row>"
                    + "</sheetData></worksheet>");
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
