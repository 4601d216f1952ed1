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
        type.lineItems().ifPresent(layout -> json.set("lineItems", lineItems(type, layout)));
        ArrayNode sort = json.putArray("defaultSort");
        for (SortKey k : type.defaultSort()) {
            sort.add((k.descending() ? "-" : "") + k.field());
        }
        return json;
    }

    /**
     * A document's line layout; document fields the caller may not see are left out (a hidden total stays hidden), the
     * related list's entity and reference field are repeated so that a client needs nothing else to query the lines.
     */
    static <T extends Record> ObjectNode lineItems(EntityType<T> type, org.atriumcrm.api.meta.LineItems layout) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        RelatedList list = type.relatedList(layout.list()).orElseThrow();
        json.put("list", list.name()).put("entity", list.entity()).put("field", list.field());
        putIfSet(json, "product", layout.product());
        putIfSet(json, "quantity", layout.quantity());
        putIfSet(json, "unitPrice", layout.unitPrice());
        putIfSet(json, "lineTotal", layout.lineTotal());
        putIfSet(json, "explanation", layout.explanation());
        putIfSet(json, "warning", layout.warning());
        ArrayNode totals = json.putArray("totals");
        layout.totals().stream().filter(f -> type.field(f).isPresent()).forEach(totals::add);
        java.util.function.Predicate<String> visible = f -> f != null && type.field(f).isPresent();
        if (visible.test(layout.taxBreakdown())) {
            json.put("taxBreakdown", layout.taxBreakdown());
        }
        if (visible.test(layout.currency())) {
            json.put("currency", layout.currency());
        }
        if (visible.test(layout.stateField())) {
            json.put("stateField", layout.stateField());
            ArrayNode states = json.putArray("editableStates");
            layout.editableStates().forEach(states::add);
        }
        return json;
    }

    /**
     * One record action as a client needs it to offer it: its inputs (the body's members with their type, format and
     * whether required), whether it answers a record (of which type), a PDF or something else, and in which states of
     * the record it applies ({@code when}, from {@link org.atriumcrm.rest.api.RecordAction#WHEN_PROPERTY}). Derived
     * from the action's declared schema; an action without one says {@code "declared": false} and answers {@code other}.
     */
    static ObjectNode action(String name, String summary, String when, org.atriumcrm.rest.api.OperationSchema schema,
            java.util.function.Predicate<String> isEntity) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("name", name);
        if (summary != null && !summary.isEmpty()) {
            json.put("summary", summary);
        }
        json.put("declared", schema != null);
        ArrayNode inputs = json.putArray("inputs");
        if (schema != null && schema.request() != null && schema.request().get("properties") != null) {
            com.fasterxml.jackson.databind.JsonNode required = schema.request().path("required");
            schema.request().get("properties").fields().forEachRemaining(p -> {
                ObjectNode input = inputs.addObject().put("name", p.getKey()).put("type", p.getValue().path("type").asText("string"));
                if (p.getValue().has("format")) {
                    input.put("format", p.getValue().get("format").asText());
                }
                boolean needed = false;
                for (com.fasterxml.jackson.databind.JsonNode r : required) {
                    needed |= r.asText().equals(p.getKey());
                }
                input.put("required", needed);
            });
        }
        int eq = when == null ? -1 : when.indexOf('=');
        if (eq > 0) {
            ObjectNode applies = json.putObject("when").put("field", when.substring(0, eq).strip());
            ArrayNode values = applies.putArray("values");
            for (String v : when.substring(eq + 1).split(",")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
        }
        String answer = "other";
        com.fasterxml.jackson.databind.JsonNode response = schema == null ? null : schema.response();
        if (response != null && "application/pdf".equals(response.path("x-atrium-media-type").asText())) {
            answer = "pdf";
        } else if (response != null && response.path("$ref").asText().startsWith("#/components/schemas/")) {
            String entity = response.path("$ref").asText().substring("#/components/schemas/".length());
            if (isEntity.test(entity)) {
                answer = "record";
                json.put("answerEntity", entity);
            }
        }
        json.put("answer", answer);
        return json;
    }

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
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
