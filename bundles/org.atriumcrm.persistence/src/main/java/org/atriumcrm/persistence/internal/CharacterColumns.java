package org.atriumcrm.persistence.internal;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * Text columns sized for characters, not UTF-16 units. Metadata lengths ({@code maxLength}, {@code @Column(length)})
 * count characters (code points), but Derby's {@code VARCHAR(n)} counts UTF-16 units, so a name of 150 emoji (300
 * units) failed at the database although it is within a 200-character limit. Every text column is therefore
 * created twice as wide as declared, the most one character can take, up to Derby's VARCHAR maximum; validation
 * keeps the declared limit. (PostgreSQL counts characters, where the extra width is unused.)
 */
public final class CharacterColumns {
    /** Derby's largest VARCHAR. */
    static final int MAX_VARCHAR = 32_672;

    private CharacterColumns() {
    }

    /** Widens the String columns of every descriptor before the tables are created or extended. */
    public static void widen(Session session) {
        for (ClassDescriptor descriptor : session.getProject().getOrderedDescriptors()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping instanceof DirectToFieldMapping direct && isText(descriptor.getJavaClass(), direct)) {
                    DatabaseField field = direct.getField();
                    field.setLength(storageLength(field.getLength()));
                }
            }
        }
    }

    /** The UTF-16 units a column of {@code characters} characters must hold. */
    static int storageLength(int characters) {
        return (int) Math.min(MAX_VARCHAR, 2L * characters);
    }

    /**
     * A String attribute in a VARCHAR of declared length: not a CLOB ({@code @Lob}: a converter), nor a column written
     * by hand. The mapping's attribute type is not known before login, so it is read from the entity's field.
     */
    public static boolean isText(Class<?> entity, DirectToFieldMapping mapping) {
        DatabaseField field = mapping.getField();
        return field != null && field.getLength() > 0 && mapping.getConverter() == null
                && (field.getColumnDefinition() == null || field.getColumnDefinition().isEmpty())
                && attributeType(entity, mapping.getAttributeName()) == String.class;
    }

    private static Class<?> attributeType(Class<?> entity, String attribute) {
        for (Class<?> c = entity; c != null && attribute != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(attribute).getType();
            } catch (NoSuchFieldException e) {
                // declared further up (BaseRecord)
            }
        }
        return null;
    }
}
