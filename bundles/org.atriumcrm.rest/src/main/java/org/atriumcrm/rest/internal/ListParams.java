package org.atriumcrm.rest.internal;

import java.util.ArrayList;
import java.util.List;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.error.FieldError;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.Record;

/**
 * Parses the list parameters {@code offset}, {@code limit}, {@code sort}, {@code q} and {@code filter} against
 * an entity's metadata. The filter language is deliberately small:
 * <pre>
 *   filter = clause { "and" clause }
 *   clause = field op value | field "in" "(" value { "," value } ")" | field "is" ["not"] "null"
 *   op     = eq | ne | lt | le | gt | ge | like
 *   value  = 'quoted text' ('' for a quote) | bare-word | number | true | false
 * </pre>
 * e.g. {@code industry eq 'retail' and annualRevenue ge 1000000}. Several {@code filter} parameters are
 * ANDed. A hand-written parser: the grammar is ten lines, and a query-language library (OData, RSQL) would
 * bring a second set of rules our metadata does not speak.
 */
final class ListParams {

    private ListParams() {
    }

    /**
     * The count bound of a list request: {@code total=exact} counts every match; by default (or {@code total=bounded})
     * the count stops at {@link ListQuery#LIST_COUNT_LIMIT} and the page says {@code "totalExact": false}.
     */
    /* (see countLimit below) */
    /** A {@code limit} parameter of a plain (non-record) list: {@code dflt} when absent, 400 outside 1..MAX_LIMIT. */
    /** A whole number of any size (so that one too large for an int is named as such, not as "not an integer"). */
    private static java.math.BigInteger wholeNumber(String text) {
        String t = text.strip();
        return t.matches("[+-]?[0-9]{1,100}") ? new java.math.BigInteger(t) : null;
    }

    static int limit(String limit, int dflt) {
        if (limit == null) {
            return dflt;
        }
        int max;
        try {
            max = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > ListQuery.MAX_LIMIT) {
            throw AtriumException.invalidField("limit", "must be between 1 and " + ListQuery.MAX_LIMIT);
        }
        return max;
    }

    static int countLimit(String total) {
        if (total == null || total.isBlank() || total.strip().equals("bounded")) {
            return ListQuery.LIST_COUNT_LIMIT;
        }
        if (total.strip().equals("exact")) {
            return ListQuery.EXACT_COUNT;
        }
        if (total.strip().equals("none")) {
            return ListQuery.NO_COUNT;
        }
        throw AtriumException.validation(List.of(new FieldError("total", "must be exact, bounded or none, not '" + total + "'")));
    }

    static <T extends Record> ListQuery parse(EntityType<T> type, String offset, String limit, String sort, String q,
            List<String> filters) {
        List<FieldError> errors = new ArrayList<>();
        int off = 0;
        int lim = ListQuery.DEFAULT_LIMIT;
        if (offset != null) {
            java.math.BigInteger o = wholeNumber(offset);
            if (o == null) {
                errors.add(new FieldError("offset", "must be an integer, not '" + offset + "'"));
            } else if (o.signum() < 0) {
                errors.add(new FieldError("offset", "must be 0 or more, not " + o));
            } else if (o.bitLength() > 31) {
                errors.add(new FieldError("offset", "must be at most " + Integer.MAX_VALUE + ", not " + o));
            } else {
                off = o.intValue();
            }
        }
        if (limit != null) {
            java.math.BigInteger l = wholeNumber(limit);
            if (l == null) {
                errors.add(new FieldError("limit", "must be an integer, not '" + limit + "'"));
            } else if (l.signum() < 1 || l.compareTo(java.math.BigInteger.valueOf(ListQuery.MAX_LIMIT)) > 0) {
                errors.add(new FieldError("limit", "must be between 1 and " + ListQuery.MAX_LIMIT + ", not " + l));
            } else {
                lim = l.intValue();
            }
        }
        List<SortKey> sortKeys = parseSort(type, sort, errors);
        List<Condition> conditions = new ArrayList<>();
        for (String filter : filters == null ? List.<String>of() : filters) {
            if (filter != null && !filter.isBlank()) {
                try {
                    conditions.addAll(new FilterParser<>(type, filter).parse());
                } catch (FieldValues.Invalid e) {
                    errors.add(new FieldError("filter", e.getMessage()));
                }
            }
        }
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters long"));
        } else if (q != null && !q.isBlank() && type.searchableFields().isEmpty()) {
            errors.add(new FieldError("q", type.name() + " has no quick-search fields"));
        }
        if (!errors.isEmpty()) {
            throw AtriumException.validation(errors);
        }
        return new ListQuery(off, lim, sortKeys, q, conditions);
    }

    private static <T extends Record> List<SortKey> parseSort(EntityType<T> type, String sort, List<FieldError> errors) {
        List<SortKey> keys = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            return keys;
        }
        for (String part : sort.split(",")) {
            String p = part.strip();
            boolean descending = p.startsWith("-");
            String name = descending || p.startsWith("+") ? p.substring(1).strip() : p;
            FieldDef<T> field = type.field(name).orElse(null);
            if (field == null) {
                errors.add(new FieldError("sort", "'" + name + "' is not a field of " + type.name()));
            } else if (!field.isSortable()) {
                errors.add(new FieldError("sort", "cannot sort by " + name));
            } else {
                keys.add(new SortKey(name, descending));
            }
        }
        return keys;
    }

    /** Recursive-descent parser of one filter expression. */
    static final class FilterParser<T extends Record> {
        private final EntityType<T> type;
        private final String text;
        private int pos;

        FilterParser(EntityType<T> type, String text) {
            this.type = type;
            this.text = text;
        }

        List<Condition> parse() throws FieldValues.Invalid {
            List<Condition> conditions = new ArrayList<>();
            conditions.add(clause());
            while (true) {
                skipSpace();
                if (pos >= text.length()) {
                    return conditions;
                }
                String word = word();
                if (!"and".equalsIgnoreCase(word)) {
                    throw new FieldValues.Invalid("expected 'and' at position " + (pos - word.length() + 1)
                            + ", found '" + word + "' (only 'and' joins clauses)");
                }
                conditions.add(clause());
            }
        }

        private Condition clause() throws FieldValues.Invalid {
            skipSpace();
            int start = pos;
            String name = word();
            if (name.isEmpty()) {
                throw new FieldValues.Invalid("expected a field name at position " + (start + 1));
            }
            FieldDef<T> field = type.field(name).orElseThrow(
                    () -> new FieldValues.Invalid("'" + name + "' is not a field of " + type.name()));
            if (!field.isFilterable()) {
                throw new FieldValues.Invalid("cannot filter by " + name);
            }
            String opWord = word();
            if ("is".equalsIgnoreCase(opWord)) {
                String next = word();
                if ("null".equalsIgnoreCase(next)) {
                    return new Condition(name, Operator.IS_NULL, List.of());
                }
                if ("not".equalsIgnoreCase(next) && "null".equalsIgnoreCase(word())) {
                    return new Condition(name, Operator.IS_NOT_NULL, List.of());
                }
                throw new FieldValues.Invalid("expected 'is null' or 'is not null' after " + name);
            }
            Operator op = Operator.byToken(opWord).filter(o -> o != Operator.IS_NULL && o != Operator.IS_NOT_NULL)
                    .orElseThrow(() -> new FieldValues.Invalid("unknown operator '" + opWord + "' after " + name
                            + "; use eq, ne, lt, le, gt, ge, in, like, is null, is not null"));
            if (op == Operator.IN) {
                return new Condition(name, op, list(field));
            }
            if (op == Operator.LIKE && !field.type().isText()) {
                throw new FieldValues.Invalid("'like' needs a text field; " + name + " is " + field.type().name().toLowerCase());
            }
            if ((op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE)
                    && (field.type() == FieldType.BOOLEAN)) {
                throw new FieldValues.Invalid("cannot compare " + name + " with " + op.token());
            }
            Object value = op == Operator.LIKE ? likePattern(field) : value(field);
            return new Condition(name, op, List.of(value));
        }

        private Object likePattern(FieldDef<T> field) throws FieldValues.Invalid {
            String raw = rawValue(field);
            if (raw.isEmpty()) {
                throw new FieldValues.Invalid("'like' needs a pattern for " + field.name());
            }
            return raw;
        }

        private List<Object> list(FieldDef<T> field) throws FieldValues.Invalid {
            skipSpace();
            expect('(');
            List<Object> values = new ArrayList<>();
            do {
                values.add(value(field));
                skipSpace();
            } while (accept(','));
            expect(')');
            if (values.size() > 100) {
                throw new FieldValues.Invalid("'in' takes at most 100 values");
            }
            return values;
        }

        private Object value(FieldDef<T> field) throws FieldValues.Invalid {
            String raw = rawValue(field);
            try {
                Object value = FieldValues.fromText(field, raw);
                if (value == null) {
                    throw new FieldValues.Invalid("empty value for " + field.name() + "; use 'is null' to find records without one");
                }
                return value;
            } catch (FieldValues.Invalid e) {
                if (e.getMessage().startsWith("empty value")) {
                    throw e;
                }
                throw new FieldValues.Invalid(field.name() + " " + e.getMessage());
            }
        }

        private String rawValue(FieldDef<T> field) throws FieldValues.Invalid {
            skipSpace();
            if (pos >= text.length()) {
                throw new FieldValues.Invalid("expected a value for " + field.name());
            }
            if (text.charAt(pos) == '\'') {
                StringBuilder b = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw new FieldValues.Invalid("unterminated quoted value for " + field.name());
                    }
                    char c = text.charAt(pos++);
                    if (c == '\'') {
                        if (pos < text.length() && text.charAt(pos) == '\'') {
                            b.append('\'');
                            pos++;
                        } else {
                            return b.toString();
                        }
                    } else {
                        b.append(c);
                    }
                }
            }
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != ','
                    && text.charAt(pos) != ')') {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String word() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean accept(char c) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) throws FieldValues.Invalid {
            if (!accept(c)) {
                throw new FieldValues.Invalid("expected '" + c + "' at position " + (pos + 1));
            }
        }
    }
}
