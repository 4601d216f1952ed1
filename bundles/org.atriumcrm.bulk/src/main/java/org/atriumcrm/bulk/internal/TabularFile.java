package org.atriumcrm.bulk.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atriumcrm.api.error.AtriumException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * A CSV or Excel file read row by row (never all in memory): the header row, then data rows as lists of strings
 * with their row number as a spreadsheet shows it (header = row 1). Excel dates come as ISO dates, numbers
 * without a binary-float tail.
 */
final class TabularFile implements Closeable {
    static final String CSV = "csv";
    static final String XLSX = "xlsx";

    record DataRow(long number, List<String> cells) {
    }

    private final Closeable source;
    private final List<String> header;
    private final Iterator<DataRow> rows;

    private TabularFile(Closeable source, List<String> header, Iterator<DataRow> rows) {
        this.source = source;
        this.header = header;
        this.rows = rows;
    }

    List<String> header() {
        return header;
    }

    Iterator<DataRow> rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /**
     * The format from the file's first bytes: an Excel workbook is a ZIP ("PK\3\4") holding the OOXML parts, anything
     * else is a CSV candidate that {@link #requireText} must still accept. Files shorter than any magic number are
     * fine: "a\n1" is a whole CSV.
     */
    static String sniffFormat(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OLE2.length);
        }
        if (startsWith(head, ZIP)) {
            requireWorkbook(file);
            return XLSX;
        }
        if (startsWith(head, OLE2)) {
            throw AtriumException.badRequest("this is an Excel 97-2003 file (.xls): save it as .xlsx or CSV and upload that");
        }
        return CSV;
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && java.util.Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** A ZIP is taken as a workbook only with the parts every .xlsx has; a .docx or a plain archive is named as such. */
    private static void requireWorkbook(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null || zip.getEntry("xl/workbook.xml") == null) {
                throw AtriumException.badRequest("this ZIP archive is not an Excel .xlsx workbook (it has no xl/workbook.xml):"
                        + " upload a CSV file or an .xlsx workbook");
            }
        } catch (IOException e) {
            throw AtriumException.badRequest("the file starts like a ZIP archive (.xlsx) but cannot be opened as one: " + e.getMessage());
        }
    }

    /** The character set of a CSV upload ({@code encoding} as given, or detected when absent or "auto"), once its text is accepted. */
    static Charset textCharset(Path file, String encoding) throws IOException {
        Charset charset = encoding == null || encoding.isBlank() || "auto".equalsIgnoreCase(encoding) ? detectCharset(file)
                : charset(encoding);
        requireText(file, charset);
        return charset;
    }

    /**
     * Refuses a CSV candidate that is not text in {@code charset}: bytes that do not decode, or control characters
     * other than tab, line feed and carriage return (a NUL byte never occurs in UTF-8 or GBK text, but in every image,
     * archive and binary file). Scans the whole file, streamed, so that an upload is refused here and not as a job
     * that fails half-way.
     */
    static void requireText(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new java.io.BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            char[] buffer = new char[1 << 14];
            long line = 1;
            for (int n; (n = reader.read(buffer)) >= 0;) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        line++;
                    } else if (Character.isISOControl(c) && c != '\t' && c != '\r') {
                        throw notText(String.format(Locale.ROOT, "it holds the control character U+%04X on line %d", (int) c, line));
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw notText("its bytes are not valid " + charset.name() + " text");
        }
    }

    private static AtriumException notText(String why) {
        return AtriumException.badRequest("the file is neither a CSV file (text in UTF-8 or GBK/GB18030) nor an Excel .xlsx"
                + " workbook: " + why);
    }

    /**
     * The character set of a CSV file: UTF-8 when it has the UTF-8 byte-order mark or decodes as UTF-8 without a
     * single error (scanned in full; GBK text practically never does), else GB18030, the superset of GBK and
     * GB2312 that Chinese Excel writes CSV in.
     */
    static Charset detectCharset(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] bom = in.readNBytes(3);
            if (bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            bytes.put(bom);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            byte[] chunk = new byte[1 << 15];
            boolean end = false;
            while (!end) {
                int n = in.read(chunk, 0, Math.min(chunk.length, bytes.remaining()));
                end = n < 0;
                if (n > 0) {
                    bytes.put(chunk, 0, n);
                }
                bytes.flip();
                if (utf8.decode(bytes, chars, end).isError()) {
                    return Charset.forName("GB18030");
                }
                chars.clear();
                bytes.compact();
            }
            return StandardCharsets.UTF_8;
        }
    }

    static Charset charset(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("GBK") || n.equals("GB2312") || n.equals("GB18030") || n.equals("CP936")) {
            return Charset.forName("GB18030"); // a superset: GBK/GB2312 files decode the same, and nothing is lost
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            throw AtriumException.invalidField("encoding", "unknown character set " + name
                    + "; use auto, UTF-8, GBK, GB18030 or another Java charset name");
        }
    }

    static TabularFile open(Path file, String format, Charset charset) throws IOException {
        return XLSX.equals(format) ? openXlsx(file) : openCsv(file, charset);
    }

    private static TabularFile openCsv(Path file, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
        }
        Reader reader = new InputStreamReader(in, charset);
        CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build().parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        List<String> header;
        try {
            if (!records.hasNext()) {
                parser.close();
                throw AtriumException.badRequest("the file is empty: the first row must name the columns");
            }
            header = cleanHeader(records.next().toList());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            parser.close();
            throw AtriumException.badRequest("the CSV file cannot be read: " + e.getMessage());
        }
        Iterator<DataRow> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    throw AtriumException.badRequest("the CSV file cannot be read after line " + parser.getCurrentLineNumber()
                            + ": " + e.getMessage());
                }
            }

            @Override
            public DataRow next() {
                CSVRecord r = records.next();
                // the header is row 1; a record's number counts records, as a spreadsheet counts rows
                return new DataRow(r.getRecordNumber(), r.toList());
            }
        };
        return new TabularFile(parser, header, rows);
    }

    private static TabularFile openXlsx(Path file) throws IOException {
        ReadableWorkbook workbook;
        Stream<Row> stream;
        try {
            try {
                workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            } catch (RuntimeException noStyles) {
                // a workbook written by a program, without a styles part: no cell formats, so no dates to recognise
                workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
            }
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw AtriumException.badRequest("the Excel file cannot be read: " + e.getMessage());
        }
        Iterator<Row> it = stream.iterator();
        List<String> header = null;
        while (header == null && it.hasNext()) {
            List<String> cells = cells(it.next(), -1);
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                header = cleanHeader(cells);
            }
        }
        if (header == null) {
            stream.close();
            workbook.close();
            throw AtriumException.badRequest("the first sheet is empty: its first row must name the columns");
        }
        int width = header.size();
        Iterator<DataRow> rows = new Iterator<>() {
            private DataRow next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    Row r = it.next();
                    List<String> cells = cells(r, width);
                    if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                        next = new DataRow(r.getRowNum(), cells);
                    }
                }
                return next != null;
            }

            @Override
            public DataRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DataRow r = next;
                next = null;
                return r;
            }
        };
        ReadableWorkbook book = workbook;
        Stream<Row> opened = stream;
        return new TabularFile(() -> {
            opened.close();
            book.close();
        }, header, rows);
    }

    private static List<String> cells(Row row, int width) {
        int n = width < 0 ? row.getCellCount() : width;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Cell c = row.hasCell(i) ? row.getCell(i) : null;
            out.add(c == null ? "" : text(c));
        }
        return out;
    }

    /** A cell as the user sees it: dates as ISO dates, whole numbers without ".0", text as is. */
    private static String text(Cell c) {
        switch (c.getType()) {
            case NUMBER:
                String format = c.getDataFormatString();
                if (format != null && isDateFormat(format)) {
                    java.time.LocalDateTime d = c.asDate();
                    return d.toLocalTime().toSecondOfDay() == 0 ? d.toLocalDate().toString() : d.toString();
                }
                BigDecimal n = c.asNumber();
                return n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.stripTrailingZeros().toPlainString();
            case BOOLEAN:
                return String.valueOf(c.asBoolean());
            case EMPTY:
                return "";
            default:
                String raw = c.getRawValue();
                return raw == null ? "" : c.getText();
        }
    }

    private static boolean isDateFormat(String format) {
        String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return f.contains("y") || f.contains("d") || f.contains("m") && !f.contains("0");
    }

    private static List<String> cleanHeader(List<String> raw) {
        List<String> header = new ArrayList<>(raw.size());
        for (String h : raw) {
            header.add(h == null ? "" : h.replace("\uFEFF", "").strip());
        }
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
            header.remove(header.size() - 1);
        }
        return header;
    }
}
