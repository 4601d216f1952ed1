package org.atriumcrm.bulk.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.FieldDef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A spreadsheet cell as the JSON value the platform's record codec expects for a field, so that an imported row
 * is validated exactly like a record sent to the REST API. Accepts what people type in Chinese and English
 * spreadsheets: 是/否, yes/no, 1/0; 2026/11/22, 2026年11月22日, Excel serial dates; thousands separators and
 * currency signs in numbers.
 */
final class CellValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "是", "对", "x", "✓", "√");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "不", "");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.ofPattern("yyyyMMdd"));
    /** Day 0 of Excel's 1900 date system (with its 1900 leap-year bug, serial 60 does not exist; fine after March 1900). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private CellValues() {
    }

    /** Thrown with a sentence for the error report and its catalogue code ({@code field.<code>}). */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final FieldError reason;

        /** {@code reason} without its field: the cell's column gives it. */
        Invalid(FieldError reason) {
            super(reason.message(), null, false, false);
            this.reason = reason;
        }

        /** The report's reason for {@code field}. */
        FieldError reason(String field) {
            return new FieldError(field, reason.message(), reason.code(), reason.args());
        }
    }

    static JsonNode toJson(FieldDef<?> field, String cell) throws Invalid {
        String raw = cell.strip();
        switch (field.type()) {
            case INTEGER:
                try {
                    return JSON.numberNode(new BigDecimal(number(raw)).longValueExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new Invalid(FieldError.of(null, "import-whole-number", "must be a whole number"));
                }
            case DECIMAL:
                try {
                    return JSON.numberNode(new BigDecimal(number(raw)));
                } catch (NumberFormatException e) {
                    throw new Invalid(FieldError.of(null, "import-number", "must be a number"));
                }
            case BOOLEAN:
                String b = raw.toLowerCase(Locale.ROOT);
                if (TRUE.contains(b)) {
                    return JSON.booleanNode(true);
                }
                if (FALSE.contains(b)) {
                    return JSON.booleanNode(false);
                }
                throw new Invalid(FieldError.of(null, "import-boolean", "must be yes or no (true/false, 是/否, 1/0)"));
            case DATE:
                return JSON.textNode(date(raw).toString());
            case DATETIME:
                return JSON.textNode(instant(raw).toString());
            case TEXT:
                return JSON.textNode(cell); // a multi-line cell keeps its indentation and line breaks
            default:
                return JSON.textNode(raw);
        }
    }

    private static String number(String raw) {
        return raw.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").replace("$", "").replace("€", "")
                .replace(" ", "").replace("RMB", "").replace("CNY", "");
    }

    private static LocalDate date(String raw) throws Invalid {
        if (raw.matches("\\d{1,6}(\\.0+)?")) {
            long serial = Long.parseLong(raw.replaceAll("\\.0+$", ""));
            if (serial > 0 && serial < 2_958_466 && raw.length() != 8) {
                return EXCEL_EPOCH.plusDays(serial);
            }
        }
        String day = raw.length() > 10 && (raw.charAt(10) == 'T' || raw.charAt(10) == ' ') ? raw.substring(0, 10) : raw;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(day, f);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        throw new Invalid(FieldError.of(null, "import-date", "must be a date like 2026-11-22 (2026/11/22 and 2026年11月22日 work too)"));
    }

    private static Instant instant(String raw) throws Invalid {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            // not UTC ISO
        }
        try {
            return LocalDateTime.parse(raw.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return date(raw).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (Invalid e) {
            throw new Invalid(FieldError.of(null, "import-datetime", "must be a date and time like 2026-11-22T10:15:30Z (UTC unless an offset is given)"));
        }
    }
}
