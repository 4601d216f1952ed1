package org.atriumcrm.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.Index;
import javax.persistence.Table;

import org.apache.aries.jpa.template.JpaTemplate;
import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.record.Record;
import org.atriumcrm.persistence.api.JpaRecordStore;
import org.atriumcrm.persistence.api.Transactions;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;

/**
 * What {@code create-or-extend-tables} leaves undone when a new version meets an existing database: it adds new
 * columns but creates indexes only with new tables, and a new match-key column ({@link FieldDef#matchAttribute}) is
 * NULL in every old row — so an upgraded database would miss the indexes its queries were shaped for, and the
 * duplicate checks and import matching would not see the old records; and Derby text columns of older versions hold
 * UTF-16 units rather than characters ({@link CharacterColumns}). Run once per store and start, in the background;
 * the steps find nothing to do on a database the current version created. Reached through
 * {@link JpaRecordStore#upkeep()}: how the upkeep works is this bundle's business, not a module's.
 */
public final class SchemaUpkeep {
    private static final int PAGE = 500;
    static final String DONE_TABLE = "ATRIUM_SCHEMA_UPKEEP";

    private SchemaUpkeep() {
    }

    public static <T extends Record> JpaRecordStore.Upkeep run(EntityType<T> type, JpaTemplate jpa) {
        List<String> widened = widenTextColumns(type.recordClass(), jpa);
        List<String> created = createMissingIndexes(type.recordClass(), jpa);
        int keys = 0;
        for (FieldDef<T> f : type.fields()) {
            if (f.matchAttribute() != null) {
                keys += backfill(type, f, jpa);
            }
        }
        return new JpaRecordStore.Upkeep(created, keys, widened);
    }

    /**
     * Widens the Derby text columns of {@code recordClass} that a version before {@link CharacterColumns} created
     * for UTF-16 units ({@code VARCHAR(200)} for 200 characters) to the width the mapping now declares; their names.
     * Derby increases a VARCHAR in place, rows untouched. Other databases count characters and are left alone.
     */
    static List<String> widenTextColumns(Class<?> recordClass, JpaTemplate jpa) {
        return Transactions.required(jpa, em -> {
            Connection c = em.unwrap(Connection.class);
            ClassDescriptor descriptor = em.unwrap(JpaEntityManager.class).getActiveSession().getClassDescriptor(recordClass);
            List<String> widened = new ArrayList<>();
            try {
                DatabaseMetaData meta = c.getMetaData();
                if (descriptor == null || !"Apache Derby".equals(meta.getDatabaseProductName())) {
                    return widened;
                }
                for (DatabaseMapping m : descriptor.getMappings()) {
                    if (!(m instanceof DirectToFieldMapping direct) || !CharacterColumns.isText(descriptor.getJavaClass(), direct)) {
                        continue;
                    }
                    DatabaseField field = direct.getField();
                    String table = field.getTableName().toUpperCase(Locale.ROOT);
                    String column = field.getName().toUpperCase(Locale.ROOT);
                    try (ResultSet r = meta.getColumns(null, null, table, column)) {
                        if (r.next() && "VARCHAR".equals(r.getString("TYPE_NAME")) && r.getInt("COLUMN_SIZE") < field.getLength()) {
                            try (Statement s = c.createStatement()) {
                                s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE VARCHAR("
                                        + field.getLength() + ")");
                            }
                            widened.add(table + "." + column);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot widen the text columns of " + recordClass.getSimpleName() + ": " + e.getMessage(), e);
            }
            return widened;
        });
    }

    /** Creates the {@code @Table(indexes)} of {@code recordClass} that its table lacks; their names. */
    static List<String> createMissingIndexes(Class<?> recordClass, JpaTemplate jpa) {
        Table table = recordClass.getAnnotation(Table.class);
        if (table == null || table.indexes().length == 0 || table.name().isEmpty()) {
            return List.of();
        }
        return Transactions.required(jpa, em -> {
            Connection c = em.unwrap(Connection.class);
            List<String> created = new ArrayList<>();
            try {
                Set<String> existing = existingIndexes(c.getMetaData(), table.name().toUpperCase(Locale.ROOT));
                for (Index index : table.indexes()) {
                    if (!index.name().isEmpty() && !existing.contains(index.name().toUpperCase(Locale.ROOT))) {
                        try (Statement s = c.createStatement()) {
                            s.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + index.name() + " ON "
                                    + table.name() + " (" + index.columnList() + ")");
                        }
                        created.add(index.name());
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the indexes of " + table.name() + ": " + e.getMessage(), e);
            }
            return created;
        });
    }

    private static Set<String> existingIndexes(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet r = meta.getIndexInfo(null, null, table, false, true)) {
            while (r.next()) {
                String name = r.getString("INDEX_NAME");
                if (name != null) {
                    names.add(name.toUpperCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /**
     * Fills the match key of rows written before the key column existed, a page per transaction, through a bulk
     * update of that one column: no version bump, no history, no event — nothing about the record changed.
     */
    static <T extends Record> int backfill(EntityType<T> type, FieldDef<T> field, JpaTemplate jpa) {
        javax.persistence.Entity annotation = type.recordClass().getAnnotation(javax.persistence.Entity.class);
        String entity = annotation != null && !annotation.name().isEmpty() ? annotation.name() : type.recordClass().getSimpleName();
        Table annotated = type.recordClass().getAnnotation(Table.class);
        if (annotated == null) {
            return 0;
        }
        String table = annotated.name();
        String column = column(type.recordClass(), field.matchAttribute());
        String item = "match-key " + table + "." + column;
        if (isDone(jpa, item)) {
            return 0; // rows without a value keep a NULL key: without the mark, every start would look through them again
        }
        int total = 0;
        while (true) {
            int done = Transactions.required(jpa, em -> {
                List<Object[]> rows = em.createQuery("SELECT r.id, r." + field.attribute() + " FROM " + entity + " r WHERE r."
                        + field.matchAttribute() + " IS NULL AND r." + field.attribute() + " IS NOT NULL", Object[].class)
                        .setMaxResults(PAGE).getResultList();
                int n = 0;
                for (Object[] row : rows) {
                    Object key = FieldDef.matchValue(field.type(), row[1]);
                    // a value without a key (e.g. a phone without digits) gets "" so that it is not read again
                    // SQL, not JPQL: EclipseLink's bulk update would raise the version, as if the record had changed
                    n += em.createNativeQuery("UPDATE " + table + " SET " + column + " = ? WHERE ID = ?")
                            .setParameter(1, key == null ? "" : key).setParameter(2, row[0]).executeUpdate();
                }
                return n;
            });
            total += done;
            if (done < PAGE) {
                markDone(jpa, item);
                return total;
            }
        }
    }

    /**
     * Whether {@code item} was completed in this database ({@value #DONE_TABLE}, created on first use): in the
     * database rather than beside it, so that a restored older database runs its upkeep again.
     */
    private static boolean isDone(JpaTemplate jpa, String item) {
        return Transactions.required(jpa, em -> {
            Connection c = em.unwrap(Connection.class);
            try {
                try (ResultSet t = c.getMetaData().getTables(null, null, DONE_TABLE, null)) {
                    if (!t.next()) {
                        try (Statement s = c.createStatement()) {
                            s.execute("CREATE TABLE " + DONE_TABLE + " (ITEM VARCHAR(300) PRIMARY KEY, DONE_AT TIMESTAMP)");
                        }
                        return false;
                    }
                }
                try (java.sql.PreparedStatement q = c.prepareStatement("SELECT 1 FROM " + DONE_TABLE + " WHERE ITEM = ?")) {
                    q.setString(1, item);
                    try (ResultSet r = q.executeQuery()) {
                        return r.next();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read " + DONE_TABLE + ": " + e.getMessage(), e);
            }
        });
    }

    private static void markDone(JpaTemplate jpa, String item) {
        Transactions.required(jpa, em -> {
            try (java.sql.PreparedStatement s = em.unwrap(Connection.class)
                    .prepareStatement("INSERT INTO " + DONE_TABLE + " (ITEM, DONE_AT) VALUES (?, CURRENT_TIMESTAMP)")) {
                s.setString(1, item);
                return s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write " + DONE_TABLE + ": " + e.getMessage(), e);
            }
        });
    }

    /** The column of a persistent attribute: its {@code @Column(name)}, else the attribute's name. */
    private static String column(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                javax.persistence.Column col = c.getDeclaredField(attribute).getAnnotation(javax.persistence.Column.class);
                return col != null && !col.name().isEmpty() ? col.name() : attribute.toUpperCase(Locale.ROOT);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no attribute " + attribute);
    }
}
