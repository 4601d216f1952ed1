package org.atriumcrm.rest.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.atriumcrm.api.meta.FieldDef;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An export as an Excel workbook through fastexcel's streaming writer: text as inline strings (no shared-string
 * table that would grow with the rows), numbers as numbers, dates as dates, flushed every thousand rows, a new
 * sheet after Excel's row limit.
 * <p>
 * A streamed fastexcel sheet always declares its used range as {@code <dimension ref="A1"/>}, written before the
 * first row, and readers that trust it (openpyxl's read-only mode, which large files need) then see one cell. The
 * real range is known only after the last row, so the workbook is written to a temporary file first and copied to
 * the client with each sheet's dimension set: memory stays flat, at the price of the client's first byte coming
 * after the last row was read.
 */
final class XlsxExport {
    /** Rows per worksheet: Excel's limit (1,048,576) less the header row; larger exports continue on a new sheet. */
    static final int SHEET_ROWS = 1_048_575;
    private static final byte[] STREAMED_DIMENSION = "<dimension ref=\"A1\"/>".getBytes(StandardCharsets.US_ASCII);

    private XlsxExport() {
    }

    /** Writes the records that {@code forEach} hands over, one field per column, as a workbook to {@code out}. */
    static <T> void write(String sheetName, List<FieldDef<T>> fields, Consumer<Consumer<T>> forEach, OutputStream out)
            throws IOException {
        write(sheetName, fields, forEach, out, SHEET_ROWS);
    }

    static <T> void write(String sheetName, List<FieldDef<T>> fields, Consumer<Consumer<T>> forEach, OutputStream out,
            int sheetRows) throws IOException {
        Path book = Files.createTempFile("atrium-export-", ".xlsx");
        try {
            List<Integer> rowsPerSheet = new ArrayList<>();
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(book), 1 << 16)) {
                writeWorkbook(sheetName, fields, forEach, file, sheetRows, rowsPerSheet);
            }
            List<String> ranges = new ArrayList<>(rowsPerSheet.size());
            for (int rows : rowsPerSheet) {
                ranges.add(fields.isEmpty() ? "A1" : "A1:" + column(fields.size() - 1) + (rows + 1));
            }
            copyWithRanges(book, out, ranges);
        } finally {
            Files.deleteIfExists(book);
        }
    }

    private static <T> void writeWorkbook(String sheetName, List<FieldDef<T>> fields, Consumer<Consumer<T>> forEach,
            OutputStream out, int sheetRows, List<Integer> rowsPerSheet) throws IOException {
        Workbook book = new Workbook(out, "Atrium CRM", "1.0");
        Worksheet[] sheet = {header(book.newWorksheet(sheetName), fields)};
        int[] row = {0};
        try {
            forEach.accept(r -> {
                try {
                    if (row[0] == sheetRows) {
                        sheet[0].finish();
                        rowsPerSheet.add(row[0]);
                        sheet[0] = header(book.newWorksheet(sheetName + " (" + (rowsPerSheet.size() + 1) + ")"), fields);
                        row[0] = 0;
                    }
                    int y = ++row[0];
                    Worksheet ws = sheet[0];
                    for (int x = 0; x < fields.size(); x++) {
                        cell(ws, y, x, fields.get(x).get(r));
                    }
                    if (y % 1000 == 0) {
                        ws.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            rowsPerSheet.add(row[0]);
            book.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void cell(Worksheet ws, int y, int x, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Number n) {
            ws.value(y, x, n);
        } else if (v instanceof Boolean b) {
            ws.value(y, x, b);
        } else if (v instanceof LocalDate d) {
            ws.value(y, x, d);
            ws.style(y, x).format("yyyy-mm-dd").set();
        } else if (v instanceof Instant i) {
            ws.value(y, x, i.atZone(ZoneOffset.UTC));
            ws.style(y, x).format("yyyy-mm-dd hh:mm:ss").set();
        } else {
            ws.inlineString(y, x, v.toString());
        }
    }

    private static <T> Worksheet header(Worksheet ws, List<FieldDef<T>> fields) {
        for (int x = 0; x < fields.size(); x++) {
            ws.inlineString(0, x, fields.get(x).name());
            ws.style(0, x).bold().set();
        }
        ws.freezePane(0, 1);
        return ws;
    }

    /** The column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    /**
     * Copies the workbook entry by entry, replacing the streamed dimension of sheet {@code i + 1} with
     * {@code ranges.get(i)}; the element sits in the sheet's first few hundred bytes, the rest is copied as is.
     */
    static void copyWithRanges(Path workbook, OutputStream out, List<String> ranges) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        // read through the central directory: fastexcel's ZIP stream leaves sizes out of the local headers
        try (ZipFile book = new ZipFile(workbook.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = book.entries(); entries.hasMoreElements();) {
                ZipEntry e = entries.nextElement();
                zip.putNextEntry(new ZipEntry(e.getName()));
                int sheet = sheetIndex(e.getName());
                try (InputStream in = new BufferedInputStream(book.getInputStream(e), 1 << 16)) {
                    if (sheet >= 1 && sheet <= ranges.size()) {
                        copySheet(in, zip, ranges.get(sheet - 1));
                    } else {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        zip.finish();
        zip.flush();
    }

    private static int sheetIndex(String entry) {
        String prefix = "xl/worksheets/sheet";
        if (!entry.startsWith(prefix) || !entry.endsWith(".xml")) {
            return -1;
        }
        try {
            return Integer.parseInt(entry.substring(prefix.length(), entry.length() - 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void copySheet(InputStream in, OutputStream out, String range) throws IOException {
        byte[] head = in.readNBytes(1 << 16);
        int at = indexOf(head, STREAMED_DIMENSION);
        if (at < 0) {
            out.write(head);
        } else {
            out.write(head, 0, at);
            out.write(("<dimension ref=\"" + range + "\"/>").getBytes(StandardCharsets.US_ASCII));
            out.write(head, at + STREAMED_DIMENSION.length, head.length - at - STREAMED_DIMENSION.length);
        }
        in.transferTo(out);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
