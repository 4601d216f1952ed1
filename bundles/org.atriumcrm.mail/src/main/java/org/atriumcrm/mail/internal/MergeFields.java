package org.atriumcrm.mail.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.record.Record;

/**
 * Which merge fields a template may use, and a record's values as a template sees them. Names come from the
 * entities' metadata, so a custom field is a merge field too; values come from the caller's view of the record,
 * so a field hidden from the caller is absent and renders empty.
 */
final class MergeFields {
    static final String UNSUBSCRIBE_URL = "unsubscribeUrl";
    static final Set<String> SENDER = Set.of("sender.name", "sender.signature");

    private MergeFields() {
    }

    /** The scope key of an entity's record: {@code contact}, {@code lead}, {@code account}. */
    static String key(String entity) {
        return entity.toLowerCase(Locale.ROOT);
    }

    /** The entities whose fields a template for {@code appliesTo} reaches: the record and, for a contact, its account. */
    static Set<String> reachable(String appliesTo) {
        return MailingTypes.CONTACT.equals(appliesTo) ? Set.of(MailingTypes.CONTACT, MailingTypes.ACCOUNT) : Set.of(appliesTo);
    }

    static Set<String> known(String appliesTo, Function<String, Optional<EntityType<?>>> types) {
        Set<String> names = new TreeSet<>(SENDER);
        names.add(UNSUBSCRIBE_URL);
        for (String entity : reachable(appliesTo)) {
            types.apply(entity).ifPresent(t -> t.fields().forEach(f -> names.add(key(entity) + "." + f.name())));
        }
        return names;
    }

    /** The fields {@code type} (the caller's view) shows, formatted for a template in {@code language}. */
    static <T extends Record> Map<String, Object> values(EntityType<T> type, Record record, String language) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Map<String, Object> values = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        T r = (T) record;
        for (FieldDef<T> field : type.fields()) {
            Object raw = field.get(r);
            if (raw == null) {
                continue;
            }
            Object v = raw;
            if (field.type() == FieldType.PICKLIST) {
                v = field.picklist().stream().filter(p -> p.value().equals(raw)).map(PicklistValue::label).findFirst()
                        .map(l -> (Object) l.in(locale)).orElse(raw);
            } else if (v instanceof BigDecimal d) {
                v = d.toPlainString();
            } else if (!(v instanceof Boolean)) {
                v = v.toString();
            }
            values.put(field.name(), v);
        }
        return values;
    }

    /** The raw value of a field, or null when the type (the caller's view) does not show it. */
    static <T extends Record> Object raw(EntityType<T> type, Record record, String field) {
        @SuppressWarnings("unchecked")
        T r = (T) record;
        return type.field(field).map(f -> f.get(r)).orElse(null);
    }
}
