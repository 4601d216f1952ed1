package org.atriumcrm.api.meta;

import org.osgi.annotation.versioning.ProviderType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.api.security.FieldAccess;

/**
 * Metadata of one kind of business record (Account, Contact, ...): its names, the module that owns it, its
 * fields, its quick-search fields, its duplicate rules and its related lists. Built once by the owning module;
 * immutable after {@link Builder#build()}. The platform adds the common record fields (id, owner, audit
 * columns, version) itself, so every entity type has them with the same names and types.
 *
 * @param <T> the record class
 */
@ProviderType
public final class EntityType<T extends Record> {
    /** The menu order of a type that names none. */
    public static final int DEFAULT_MENU_ORDER = 1000;
    private final String name;
    private final String plural;
    private final String moduleId;
    private final Label label;
    private final Label pluralLabel;
    private final Class<T> recordClass;
    private final Supplier<T> factory;
    private final Map<String, FieldDef<T>> fields;
    private final List<List<String>> duplicateRules;
    private final List<RelatedList> relatedLists;
    private final Function<T, String> displayName;
    private final List<SortKey> defaultSort;
    private final boolean detail;
    private final int menuOrder;
    /** Fields hidden or read-only for the user this copy was made for; empty on the full metadata. */
    private final Map<String, FieldAccess> restrictions;
    private final boolean administrative;
    private final boolean importable;
    private final LineItems lineItems;

    private EntityType(Builder<T> b) {
        this.restrictions = Map.of();
        this.administrative = b.administrative;
        this.importable = b.importable;
        this.name = b.name;
        this.plural = b.plural;
        this.moduleId = b.moduleId;
        this.label = b.label;
        this.pluralLabel = b.pluralLabel;
        this.recordClass = b.recordClass;
        this.factory = b.factory;
        Map<String, FieldDef<T>> all = new LinkedHashMap<>();
        all.put("id", FieldDef.<T, String>of("id", FieldType.ID, Record::getId, null).label("ID", "编号"));
        b.fields.forEach(f -> all.put(f.name(), f));
        all.put("ownerId", FieldDef.<T, String>of("ownerId", FieldType.ID, Record::getOwnerId, Record::setOwnerId)
                .label("Owner", "负责人"));
        all.put("createdAt", FieldDef.<T, Object>of("createdAt", FieldType.DATETIME, Record::getCreatedAt, null)
                .label("Created at", "创建时间"));
        all.put("createdBy", FieldDef.<T, String>of("createdBy", FieldType.ID, Record::getCreatedBy, null)
                .label("Created by", "创建人"));
        all.put("modifiedAt", FieldDef.<T, Object>of("modifiedAt", FieldType.DATETIME, Record::getModifiedAt, null)
                .label("Modified at", "修改时间"));
        all.put("modifiedBy", FieldDef.<T, String>of("modifiedBy", FieldType.ID, Record::getModifiedBy, null)
                .label("Modified by", "修改人"));
        all.put("version", FieldDef.<T, Object>of("version", FieldType.INTEGER, Record::getVersion, null)
                .label("Version", "版本").notFilterable().notSortable());
        this.fields = Collections.unmodifiableMap(all);
        this.duplicateRules = List.copyOf(b.duplicateRules);
        this.relatedLists = List.copyOf(b.relatedLists);
        this.displayName = b.displayName;
        this.defaultSort = b.defaultSort.isEmpty() ? List.of(new SortKey("createdAt", true)) : List.copyOf(b.defaultSort);
        this.detail = b.detail;
        this.menuOrder = b.menuOrder;
        for (List<String> rule : duplicateRules) {
            rule.forEach(this::requireField);
        }
        defaultSort.forEach(s -> requireField(s.field()));
        this.lineItems = b.lineItems;
        if (lineItems != null) {
            // the line type is another module's metadata, checked where both are known (the REST metadata); ours here
            if (relatedList(lineItems.list()).isEmpty()) {
                throw new IllegalArgumentException(name + " has no related list " + lineItems.list() + " for its lines");
            }
            lineItems.documentFields().forEach(this::requireField);
        }
    }

    /** A copy as a user with these field restrictions sees it. */
    private EntityType(EntityType<T> full, Map<String, FieldAccess> restrictions) {
        this.name = full.name;
        this.plural = full.plural;
        this.moduleId = full.moduleId;
        this.label = full.label;
        this.pluralLabel = full.pluralLabel;
        this.recordClass = full.recordClass;
        this.factory = full.factory;
        Map<String, FieldDef<T>> visible = new LinkedHashMap<>();
        full.fields.forEach((fieldName, field) -> {
            FieldAccess access = restrictions.getOrDefault(fieldName, FieldAccess.EDITABLE);
            if (access == FieldAccess.READ_ONLY && !field.isReadOnly()) {
                visible.put(fieldName, field.readOnlyCopy());
            } else if (access != FieldAccess.HIDDEN) {
                visible.put(fieldName, field);
            }
        });
        this.fields = Collections.unmodifiableMap(visible);
        // a rule on a hidden field would reveal its values through 409 answers
        this.duplicateRules = full.duplicateRules.stream().filter(visible.keySet()::containsAll).toList();
        this.relatedLists = full.relatedLists;
        this.displayName = full.displayName;
        this.defaultSort = full.defaultSort.stream().filter(s -> visible.containsKey(s.field())).toList().isEmpty()
                ? List.of(new SortKey("createdAt", true)) : full.defaultSort.stream().filter(s -> visible.containsKey(s.field())).toList();
        this.restrictions = Map.copyOf(restrictions);
        this.administrative = full.administrative;
        this.importable = full.importable;
        this.detail = full.detail;
        this.menuOrder = full.menuOrder;
        this.lineItems = full.lineItems;
    }

    /**
     * Configuration kept as records (web forms, assignment rules, sales processes): only administrators, and
     * profiles that name the entity type explicitly (not through {@code *}), have rights on it.
     */
    public boolean isAdministrative() {
        return administrative;
    }

    /**
     * Records that live under another record (an email's attachments, an opportunity's stage changes, an outbox's
     * entries): reached through that record's related lists and the administration, not from the main menu.
     */
    public boolean isDetail() {
        return detail;
    }

    /**
     * Where the type stands in the main menu, lower first (the platform's own types below 100); types without one
     * (a plugin's, unless it says otherwise) come after them by name.
     */
    public int menuOrder() {
        return menuOrder;
    }

    /**
     * Whether users may bring records of this type in from CSV/Excel files ({@code /api/v1/imports}); the
     * import applies the same validation, duplicate rules and permissions as single creates and updates.
     */
    public boolean isImportable() {
        return importable;
    }

    /**
     * The metadata as a user with field-level restrictions sees it: hidden fields are gone (from JSON, metadata,
     * filters, sorts, quick search), read-only ones cannot be written. {@link #restriction(String)} still tells
     * why a field is missing, so that a write to it is refused as forbidden rather than unknown.
     */
    public EntityType<T> restrictedTo(Map<String, FieldAccess> fieldRestrictions) {
        if (fieldRestrictions.isEmpty() && restrictions.isEmpty()) {
            return this;
        }
        return new EntityType<>(this, fieldRestrictions);
    }

    /** The restriction on a field for the user this view was made for, or empty on full metadata. */
    public Optional<FieldAccess> restriction(String fieldName) {
        return Optional.ofNullable(restrictions.get(fieldName));
    }

    public Map<String, FieldAccess> restrictions() {
        return restrictions;
    }

    private void requireField(String field) {
        if (!fields.containsKey(field)) {
            throw new IllegalArgumentException(name + " has no field " + field);
        }
    }

    public static <T extends Record> Builder<T> builder(String name, String plural, Class<T> recordClass, Supplier<T> factory) {
        return new Builder<>(name, plural, recordClass, factory);
    }

    /** Singular name in the CRM's words, e.g. {@code Account}; also the event topic segment. */
    public String name() {
        return name;
    }

    /** Plural path segment, e.g. {@code accounts}. */
    public String plural() {
        return plural;
    }

    public String moduleId() {
        return moduleId;
    }

    public Label label() {
        return label;
    }

    public Label pluralLabel() {
        return pluralLabel;
    }

    public Class<T> recordClass() {
        return recordClass;
    }

    public T newRecord() {
        return factory.get();
    }

    public List<FieldDef<T>> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<FieldDef<T>> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    public List<FieldDef<T>> searchableFields() {
        return fields.values().stream().filter(FieldDef::isSearchable).toList();
    }

    /** Each rule is a set of fields that, all equal (case-insensitively for text), mark a likely duplicate. */
    public List<List<String>> duplicateRules() {
        return duplicateRules;
    }

    public List<RelatedList> relatedLists() {
        return relatedLists;
    }

    public Optional<RelatedList> relatedList(String listName) {
        return relatedLists.stream().filter(r -> r.name().equals(listName)).findFirst();
    }

    /** How this document's lines and totals are laid out, when it is made of lines. @since 1.5 */
    public Optional<LineItems> lineItems() {
        return Optional.ofNullable(lineItems);
    }

    public String displayName(T record) {
        return displayName.apply(record);
    }

    public List<SortKey> defaultSort() {
        return defaultSort;
    }

    /** Builds an entity type; fields keep the order in which they are added. */
    public static final class Builder<T extends Record> {
        private final String name;
        private final String plural;
        private final Class<T> recordClass;
        private final Supplier<T> factory;
        private String moduleId;
        private Label label;
        private Label pluralLabel;
        private final List<FieldDef<T>> fields = new ArrayList<>();
        private final List<List<String>> duplicateRules = new ArrayList<>();
        private final List<RelatedList> relatedLists = new ArrayList<>();
        private Function<T, String> displayName = Record::getId;
        private final List<SortKey> defaultSort = new ArrayList<>();
        private boolean administrative;
        private boolean importable;
        private boolean detail;
        private int menuOrder = DEFAULT_MENU_ORDER;
        private LineItems lineItems;

        private Builder(String name, String plural, Class<T> recordClass, Supplier<T> factory) {
            this.name = Objects.requireNonNull(name);
            this.plural = Objects.requireNonNull(plural);
            this.recordClass = Objects.requireNonNull(recordClass);
            this.factory = Objects.requireNonNull(factory);
            this.label = Label.of(name, name);
            this.pluralLabel = Label.of(plural, plural);
        }

        public Builder<T> module(String id) {
            this.moduleId = id;
            return this;
        }

        public Builder<T> label(String en, String zhCN) {
            this.label = Label.of(en, zhCN);
            return this;
        }

        public Builder<T> pluralLabel(String en, String zhCN) {
            this.pluralLabel = Label.of(en, zhCN);
            return this;
        }

        public Builder<T> field(FieldDef<T> field) {
            fields.add(field);
            return this;
        }

        /** Several fields at once, in their order (fields a family of types shares, such as an outbox entry's). */
        public Builder<T> fields(java.util.List<FieldDef<T>> shared) {
            fields.addAll(shared);
            return this;
        }

        public Builder<T> duplicateRule(String... fieldNames) {
            duplicateRules.add(List.of(fieldNames));
            return this;
        }

        public Builder<T> relatedList(String listName, String entity, String field, String en, String zhCN) {
            relatedLists.add(new RelatedList(listName, entity, field, Label.of(en, zhCN)));
            return this;
        }

        public Builder<T> displayName(Function<T, String> displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder<T> defaultSort(String field, boolean descending) {
            defaultSort.add(new SortKey(field, descending));
            return this;
        }

        /** See {@link EntityType#isAdministrative()}. */
        public Builder<T> administrative() {
            this.administrative = true;
            return this;
        }

        /** See {@link EntityType#isDetail()}. */
        public Builder<T> detail() {
            this.detail = true;
            return this;
        }

        /** See {@link EntityType#menuOrder()}. */
        public Builder<T> menuOrder(int order) {
            this.menuOrder = order;
            return this;
        }

        /** See {@link EntityType#lineItems()}; its related list and document fields must be declared. @since 1.5 */
        public Builder<T> lineItems(LineItems layout) {
            this.lineItems = layout;
            return this;
        }

        /** See {@link EntityType#isImportable()}. */
        public Builder<T> importable() {
            this.importable = true;
            return this;
        }

        public EntityType<T> build() {
            Objects.requireNonNull(moduleId, "module");
            return new EntityType<>(this);
        }
    }
}
