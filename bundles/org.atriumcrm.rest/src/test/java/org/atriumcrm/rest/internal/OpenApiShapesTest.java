package org.atriumcrm.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

public class OpenApiShapesTest {

    @Test
    public void patchSchemaRequiresNothingAndLeavesReadOnlyFieldsOut() {
        ObjectNode full = OpenApiShapes.entity(Thing.TYPE, false);
        ObjectNode patch = OpenApiShapes.entity(Thing.TYPE, true);
        assertEquals("[\"name\"]", full.get("required").toString());
        assertFalse(patch.has("required"));
        assertTrue(full.at("/properties/id/readOnly").booleanValue());
        assertFalse(patch.get("properties").has("id"));
        assertFalse(patch.get("properties").has("version"));
        assertEquals(1, patch.at("/properties/name/minLength").intValue());
    }

    @Test
    public void principalIdsAreNotDeclaredAsUuids() {
        ObjectNode full = OpenApiShapes.entity(Thing.TYPE, false);
        assertTrue(full.at("/properties/createdBy/format").isMissingNode());
        assertTrue(full.at("/properties/ownerId/format").isMissingNode());
        assertEquals("uuid", full.at("/properties/id/format").asText());
        assertEquals("uuid", full.at("/properties/otherId/format").asText());
    }

    @Test
    public void operationsWithoutIdsGetUniqueOnesFromTheirPath() {
        ObjectNode paths = Json.MAPPER.createObjectNode();
        paths.putObject("/v1/jobs/{id}").putObject("get");
        paths.putObject("/v1/jobs/{id}/errors").putObject("get");
        paths.putObject("/v1/jobs").putObject("get").put("operationId", "listJobs");
        paths.putObject("/v1/other").putObject("get").put("operationId", "listJobs");
        OperationIds.assign(paths);
        assertEquals("getJobsById", paths.at("/~1v1~1jobs~1{id}/get/operationId").asText());
        assertEquals("getJobsErrors", paths.at("/~1v1~1jobs~1{id}~1errors/get/operationId").asText());
        assertEquals("listJobs", paths.at("/~1v1~1jobs/get/operationId").asText());
        assertEquals("listJobsGetOther", paths.at("/~1v1~1other/get/operationId").asText());
        assertEquals("closeWon", OperationIds.camel("close-won"));
        assertEquals("SalesProcesses", OperationIds.pascal("sales-processes"));
    }
}
