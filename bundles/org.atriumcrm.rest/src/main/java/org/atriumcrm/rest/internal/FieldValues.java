package org.atriumcrm.rest.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;

/**
 * Converts client text into a field's Java value, checking the field's constraints. Used for JSON bodies and
 * for filter values alike, so both speak the same rules and the same messages.
 */
final class FieldValues {
    /** Largest DECIMAL the schema stores: DECIMAL(19,4). */
    static final int DECIMAL_SCALE = 4;
    static final int DECIMAL_INTEGER_DIGITS = 15;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\-\\s./#xXextEXT]{3,40}$");

    private FieldValues() {
    }

    /** Thrown with the message that belongs after the field name, and its code for other languages (see ProblemMessages). */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final transient Object[] args;

        Invalid(String message) {
            this(null, message);
        }

        Invalid(String code, String message, Object... args) {
            super(message, null, false, false);
            this.code = code;
            this.args = args;
        }

        /** As the field error of {@code field}. */
        org.atriumcrm.api.error.FieldError toFieldError(String field) {
            return org.atriumcrm.api.error.FieldError.of(field, code, getMessage(), args);
        }
    }

    /** A text value for a text-typed field; blank means no value. */
    static Object fromText(FieldDef<?> field, String raw) throws Invalid {
        switch (field.type()) {
            case INTEGER:
                try {
                    return Long.valueOf(raw.strip());
                } catch (NumberFormatException e) {
                    throw new Invalid("integer", "must be an integer");
                }
            case DECIMAL:
                try {
                    return decimal(new BigDecimal(raw.strip()));
                } catch (NumberFormatException e) {
                    throw new Invalid("decimal", "must be a decimal number");
                }
            case BOOLEAN:
                if ("true".equals(raw) || "false".equals(raw)) {
                    return Boolean.valueOf(raw);
                }
                throw new Invalid("boolean", "must be true or false");
            case DATE:
                try {
                    return LocalDate.parse(raw.strip());
                } catch (DateTimeParseException e) {
                    throw new Invalid("date", "must be a date like 2026-11-22");
                }
            case DATETIME:
                try {
                    return OffsetDateTime.parse(raw.strip()).toInstant();
                } catch (DateTimeParseException e) {
                    try {
                        return Instant.parse(raw.strip());
                    } catch (DateTimeParseException e2) {
                        throw new Invalid("datetime", "must be an ISO-8601 instant like 2026-11-22T08:30:00Z");
                    }
                }
            default:
                return text(field, raw);
        }
    }

    /**
     * Single-line values are stripped (a pasted name's trailing space is never meant); a text area
     * ({@link FieldType#TEXT}) is kept exactly as written, as an email body's indentation and final line break are
     * part of it. Blank means no value for both. Lengths count characters (code points), as the metadata's
     * {@code maxLength} says: an emoji is one character, not two UTF-16 units.
     */
    private static String text(FieldDef<?> field, String raw) throws Invalid {
        if (raw.isBlank()) {
            return null;
        }
        String value = field.type() == FieldType.TEXT ? raw : raw.strip();
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            int characters = value.codePointCount(0, value.length());
            if (characters > field.maxLength()) {
                throw new Invalid("too-long", "must be at most " + field.maxLength() + " characters long, not " + characters,
                        field.maxLength(), characters);
            }
        }
        switch (field.type()) {
            case EMAIL:
                if (!EMAIL.matcher(value).matches()) {
                    throw new Invalid("email", "is not a valid email address");
                }
                break;
            case PHONE:
                if (!PHONE.matcher(value).matches() || value.chars().filter(Character::isDigit).count() < 3) {
                    throw new Invalid("phone", "is not a valid phone number");
                }
                break;
            case URL:
                checkUrl(value);
                break;
            case PICKLIST:
                if (!field.allowsPicklistValue(value)) {
                    String allowed = field.picklist().stream().map(PicklistValue::value).collect(Collectors.joining(", "));
                    throw new Invalid("picklist", "must be one of " + allowed + ", not '" + value + "'", allowed, value);
                }
                break;
            case ID:
            case REFERENCE:
                try {
                    if (!UUID.fromString(value).toString().equalsIgnoreCase(value)) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    throw new Invalid("record-id", "must be a record id (a UUID), not '" + value + "'", value);
                }
                value = value.toLowerCase(java.util.Locale.ROOT);
                break;
            default:
                break;
        }
        if (field.pattern() != null && !field.pattern().matcher(value).matches()) {
            throw new Invalid("format", field.patternHint() != null ? field.patternHint() : "has an invalid format");
        }
        return value;
    }

    private static void checkUrl(String value) throws Invalid {
        try {
            URI uri = new URI(value.contains("://") ? value : "https://" + value);
            if (uri.getHost() == null || !uri.getHost().contains(".")
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(value, "not a web address");
            }
        } catch (URISyntaxException e) {
            throw new Invalid("url", "is not a valid web address");
        }
    }

    static BigDecimal decimal(BigDecimal value) throws Invalid {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > DECIMAL_SCALE) {
            throw new Invalid("decimal-places", "must have at most " + DECIMAL_SCALE + " decimal places", DECIMAL_SCALE);
        }
        if (v.precision() - v.scale() > DECIMAL_INTEGER_DIGITS) {
            throw new Invalid("integer-digits", "must have at most " + DECIMAL_INTEGER_DIGITS + " digits before the decimal point",
                    DECIMAL_INTEGER_DIGITS);
        }
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
