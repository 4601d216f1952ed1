package org.atriumcrm.rest.internal;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.meta.RelatedList;
import org.atriumcrm.api.query.SortKey;
import org.atriumcrm.api.record.Record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Entity metadata as JSON, the shape of {@code /api/v1/meta/entities}. */
final class MetaJson {

    private MetaJson() {
    }

    static ObjectNode label(Label label) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("en", label.en());
        json.put("zh-CN", label.zhCN());
        return json;
    }

    static <T extends Record> ObjectNode summary(EntityType<T> type) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("name", type.name());
        json.put("plural", type.plural());
        json.put("module", type.moduleId());
        json.set("label", label(type.label()));
        json.set("pluralLabel", label(type.pluralLabel()));
        json.put("href", "/api/v1/" + type.plural());
        json.put("importable", type.isImportable()); // through /api/v1/imports and /api/v1/jobs/import
        json.put("menu", type.isAdministrative() ? "administration" : type.isDetail() ? "none" : "main");
        json.put("menuOrder", type.menuOrder());
        return json;
    }

    static <T extends Record> ObjectNode full(EntityType<T> type) {
        ObjectNode json = summary(type);
        ArrayNode fields = json.putArray("fields");
        for (FieldDef<T> f : type.fields()) {
            ObjectNode field = fields.addObject();
            field.put("name", f.name());
            field.put("type", f.type().name().toLowerCase());
            field.set("label", label(f.label()));
            field.put("required", f.isRequired());
            field.put("readOnly", f.isReadOnly());
            if (f.maxLength() != null && f.type().isText()) {
                field.put("maxLength", f.maxLength());
            }
            if (!f.picklist().isEmpty()) {
                ArrayNode values = field.putArray("picklist");
                for (PicklistValue v : f.picklist()) {
                    values.addObject().put("value", v.value()).set("label", label(v.label()));
                }
            }
            if (f.referenceTo() != null) {
                field.put("referenceTo", f.referenceTo());
            }
            field.put("searchable", f.isSearchable());
            field.put("filterable", f.isFilterable());
            field.put("sortable", f.isSortable());
        }
        ArrayNode rules = json.putArray("duplicateRules");
        type.duplicateRules().forEach(rule -> rules.add(Json.MAPPER.valueToTree(rule)));
        ArrayNode related = json.putArray("relatedLists");
        for (RelatedList r : type.relatedLists()) {
            related.addObject().put("name", r.name()).put("entity", r.entity()).put("field", r.field())
                    .set("label", label(r.label()));
        }
        ArrayNode sort = json.putArray("defaultSort");
        for (SortKey k : type.defaultSort()) {
            sort.add((k.descending() ? "-" : "") + k.field());
        }
        return json;
    }

    /** A contributed screen as the UI needs it; the script's URL is where the UI bundle serves the module's folder. */
    static ObjectNode screen(org.atriumcrm.api.ui.UiScreen screen) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("name", screen.name());
        json.put("module", screen.moduleId());
        json.set("label", label(screen.label()));
        json.put("element", screen.element());
        json.put("script", "/ext/" + screen.moduleId() + "/" + screen.script());
        json.put("placement", screen.placement().name().toLowerCase(java.util.Locale.ROOT));
        if (screen.entity() != null) {
            json.put("entity", screen.entity());
        }
        json.put("order", screen.order());
        return json;
    }
}
