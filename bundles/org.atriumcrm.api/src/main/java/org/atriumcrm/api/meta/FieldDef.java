package org.atriumcrm.api.meta;

import org.osgi.annotation.versioning.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Metadata of one field of an entity type: what it holds, how it is labelled, what values are valid, and how
 * to read and write it on the Java object. The platform derives validation, filtering, sorting, quick search,
 * the JSON shape and the OpenAPI schema from it, so a field that is not declared here does not exist for clients.
 *
 * @param <T> the record class
 */
@ProviderType
public final class FieldDef<T> {
    private final String name;
    private final FieldType type;
    private final Function<T, Object> getter;
    private final BiConsumer<T, Object> setter;
    private Label label;
    private boolean required;
    private boolean readOnly;
    private Integer maxLength;
    private Pattern pattern;
    private String patternHint;
    private final List<PicklistValue> picklist = new ArrayList<>();
    private String referenceTo;
    private boolean searchable;
    private boolean filterable = true;
    private boolean sortable = true;
    private String attribute;
    private String matchAttribute;

    private FieldDef(String name, FieldType type, Function<T, Object> getter, BiConsumer<T, Object> setter) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.getter = Objects.requireNonNull(getter);
        this.setter = setter;
        this.readOnly = setter == null;
        this.attribute = name;
        this.label = Label.of(name, name);
        if (type == FieldType.STRING || type == FieldType.EMAIL || type == FieldType.PHONE) {
            maxLength = 255;
        } else if (type == FieldType.URL) {
            maxLength = 1000;
        } else if (type == FieldType.TEXT) {
            maxLength = 32000;
            sortable = false;
        }
    }

    /** A field of {@code type}; the setter receives values already converted to {@link FieldType#javaType()}. */
    @SuppressWarnings("unchecked")
    public static <T, V> FieldDef<T> of(String name, FieldType type, Function<T, V> getter, BiConsumer<T, V> setter) {
        return new FieldDef<>(name, type, (Function<T, Object>) getter, (BiConsumer<T, Object>) setter);
    }

    public FieldDef<T> label(String en, String zhCN) {
        this.label = Label.of(en, zhCN);
        return this;
    }

    public FieldDef<T> required() {
        this.required = true;
        return this;
    }

    /** Managed by the platform (ids, audit columns): visible, filterable, never written by clients. */
    public FieldDef<T> readOnly() {
        this.readOnly = true;
        return this;
    }

    public FieldDef<T> maxLength(int maxLength) {
        this.maxLength = maxLength;
        return this;
    }

    public FieldDef<T> pattern(String regex, String hint) {
        this.pattern = Pattern.compile(regex);
        this.patternHint = hint;
        return this;
    }

    public FieldDef<T> picklist(PicklistValue... values) {
        this.picklist.addAll(List.of(values));
        return this;
    }

    public FieldDef<T> referenceTo(String entityName) {
        this.referenceTo = entityName;
        return this;
    }

    /** Included in the {@code q} quick search (a case-insensitive contains match). */
    public FieldDef<T> searchable() {
        this.searchable = true;
        return this;
    }

    public FieldDef<T> notFilterable() {
        this.filterable = false;
        return this;
    }

    public FieldDef<T> notSortable() {
        this.sortable = false;
        return this;
    }

    /** The persistent attribute the field is stored in, when it differs from the field name. */
    public FieldDef<T> attribute(String attribute) {
        this.attribute = attribute;
        return this;
    }

    /**
     * Declares that the record also stores this field's {@link #matchValue(FieldType, Object) match value} in
     * the indexed attribute {@code matchAttribute}, so that duplicate checks and import matching find records
     * by an index lookup instead of comparing {@code LOWER(TRIM(column))} row by row (Derby has no expression
     * indexes). The entity keeps it current when it is saved.
     */
    public FieldDef<T> matchAttribute(String matchAttribute) {
        this.matchAttribute = matchAttribute;
        return this;
    }

    /** The indexed attribute holding this field's match value, or null. */
    public String matchAttribute() {
        return matchAttribute;
    }

    /**
     * The form in which two values of a field count as the same record: text trimmed and lower-cased; phone
     * numbers reduced to their digits, a mainland-China country prefix (86/0086) dropped from mobile numbers,
     * so that {@code +86 139-0000-1234} and {@code 13900001234} match. Other values as they are.
     */
    public static Object matchValue(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type == FieldType.PHONE) {
            String digits = value.toString().replaceAll("[^0-9]", "");
            if (digits.startsWith("0086")) {
                digits = digits.substring(4);
            } else if (digits.length() == 13 && digits.startsWith("861")) {
                digits = digits.substring(2);
            }
            return digits.isEmpty() ? null : digits;
        }
        if (value instanceof String s) {
            String key = s.strip().toLowerCase(java.util.Locale.ROOT);
            return key.isEmpty() ? null : key;
        }
        return value;
    }

    /** The same field, not writable: how it looks to a user whose field-level security makes it read-only. */
    FieldDef<T> readOnlyCopy() {
        FieldDef<T> copy = new FieldDef<>(name, type, getter, setter);
        copy.label = label;
        copy.required = required;
        copy.readOnly = true;
        copy.maxLength = maxLength;
        copy.pattern = pattern;
        copy.patternHint = patternHint;
        copy.picklist.addAll(picklist);
        copy.referenceTo = referenceTo;
        copy.searchable = searchable;
        copy.filterable = filterable;
        copy.sortable = sortable;
        copy.attribute = attribute;
        copy.matchAttribute = matchAttribute;
        return copy;
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public Label label() {
        return label;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public Integer maxLength() {
        return maxLength;
    }

    public Pattern pattern() {
        return pattern;
    }

    public String patternHint() {
        return patternHint;
    }

    public List<PicklistValue> picklist() {
        return List.copyOf(picklist);
    }

    public boolean allowsPicklistValue(String value) {
        return picklist.stream().anyMatch(p -> p.value().equals(value));
    }

    public String referenceTo() {
        return referenceTo;
    }

    public boolean isSearchable() {
        return searchable;
    }

    public boolean isFilterable() {
        return filterable;
    }

    public boolean isSortable() {
        return sortable;
    }

    public String attribute() {
        return attribute;
    }

    public Object get(T record) {
        return getter.apply(record);
    }

    public void set(T record, Object value) {
        if (setter == null) {
            throw new IllegalStateException("field " + name + " has no setter");
        }
        setter.accept(record, value);
    }
}
