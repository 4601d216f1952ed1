package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.atriumcrm.api.meta.EntityType;
import org.atriumcrm.api.meta.FieldDef;
import org.atriumcrm.api.meta.FieldType;
import org.atriumcrm.api.meta.LineItems;
import org.atriumcrm.api.security.FieldAccess;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.junit.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The metadata a line editor and a record page's transition buttons are built from. */
public class MetaJsonTest {

    private static EntityType.Builder<Thing> document() {
        return EntityType.builder("Doc", "docs", Thing.class, Thing::new).module("test")
                .field(FieldDef.of("stage", FieldType.STRING, (Thing t) -> t.kind, null))
                .field(FieldDef.of("currency", FieldType.STRING, (Thing t) -> t.code, null))
                .field(FieldDef.<Thing, Object>of("subtotal", FieldType.DECIMAL, (Thing t) -> t.amount, null))
                .field(FieldDef.<Thing, Object>of("grandTotal", FieldType.DECIMAL, (Thing t) -> t.amount, null))
                .relatedList("lines", "DocLine", "docId", "Lines", "明细");
    }

    @Test
    public void aDocumentNamesItsLinesTheirRolesAndItsTotals() {
        EntityType<Thing> type = document().lineItems(LineItems.in("lines").product("productId").quantity("quantity")
                .unitPrice("unitPrice").lineTotal("netAmount").totals("subtotal", "grandTotal").currency("currency")
                .editableWhile("stage", "draft")).build();
        ObjectNode json = MetaJson.full(type);
        ObjectNode lines = (ObjectNode) json.get("lineItems");
        assertEquals("lines", lines.get("list").asText());
        assertEquals("DocLine", lines.get("entity").asText());
        assertEquals("docId", lines.get("field").asText());
        assertEquals("productId", lines.get("product").asText());
        assertEquals("netAmount", lines.get("lineTotal").asText());
        assertEquals("[\"subtotal\",\"grandTotal\"]", lines.get("totals").toString());
        assertEquals("stage", lines.get("stateField").asText());
        assertEquals("[\"draft\"]", lines.get("editableStates").toString());
        assertFalse("no role declared, none shown", lines.has("warning"));
        assertFalse("a type without lines says nothing", MetaJson.full(Thing.TYPE).has("lineItems"));
    }

    @Test
    public void aTotalTheCallerMayNotSeeIsLeftOut() {
        EntityType<Thing> type = document().lineItems(LineItems.in("lines").totals("subtotal", "grandTotal")).build();
        ObjectNode json = MetaJson.full(type.restrictedTo(Map.of("subtotal", FieldAccess.HIDDEN)));
        assertEquals("[\"grandTotal\"]", json.get("lineItems").get("totals").toString());
    }

    @Test
    public void linesInAListOrTotalsInFieldsTheDocumentLacksAreRefusedWhenTheTypeIsBuilt() {
        assertThrows(IllegalArgumentException.class, () -> document().lineItems(LineItems.in("items")).build());
        assertThrows(IllegalArgumentException.class, () -> document().lineItems(LineItems.in("lines").totals("netTotal")).build());
    }

    @Test
    public void anActionSaysWhatItTakesAndAnswers() {
        OperationSchema reject = OperationSchema.json("{\"type\":\"object\",\"required\":[\"comment\"],\"properties\":{\"comment\":{\"type\":\"string\"},"
                + "\"on\":{\"type\":\"string\",\"format\":\"date\"}}}", "{\"$ref\":\"#/components/schemas/Doc\"}");
        ObjectNode json = MetaJson.action("reject", "the approver rejects", "stage = in_approval, escalated", reject, "Doc"::equals);
        assertEquals("[{\"name\":\"comment\",\"type\":\"string\",\"required\":true},"
                + "{\"name\":\"on\",\"type\":\"string\",\"format\":\"date\",\"required\":false}]", json.get("inputs").toString());
        assertEquals("{\"field\":\"stage\",\"values\":[\"in_approval\",\"escalated\"]}", json.get("when").toString());
        assertEquals("record", json.get("answer").asText());
        assertEquals("Doc", json.get("answerEntity").asText());
        assertTrue(json.get("declared").asBoolean());

        OperationSchema print = OperationSchema.json(OperationSchema.NO_MEMBERS, RecordAction.PDF_ANSWER);
        assertEquals("pdf", MetaJson.action("print", "", "", print, n -> true).get("answer").asText());
        ObjectNode list = MetaJson.action("duplicate-check", "", null, OperationSchema.json(null, "{\"$ref\":\"#/components/schemas/Matches\"}"),
                "Doc"::equals);
        assertEquals("an answer that is no record type's is other", "other", list.get("answer").asText());
        ObjectNode undeclared = MetaJson.action("old", "", "", null, n -> true);
        assertFalse(undeclared.get("declared").asBoolean());
        assertFalse("no states named, no when", undeclared.has("when"));
        assertEquals("other", undeclared.get("answer").asText());
    }

}
