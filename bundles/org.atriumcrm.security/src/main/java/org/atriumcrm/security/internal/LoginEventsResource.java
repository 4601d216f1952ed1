package org.atriumcrm.security.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.rest.api.AtriumRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/v1/admin/login-events}: password verifications, newest first, with outcome and client address. */
@Component(service = LoginEventsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AtriumRest.APPLICATION_SELECT)
@JaxrsExtensionSelect({AtriumRest.REQUIRE_JSON, AtriumRest.REQUIRE_AUTHENTICATION})
@Path("v1/admin/login-events")
@Produces(MediaType.APPLICATION_JSON)
public class LoginEventsResource {

    @Reference
    UserService users;

    @GET
    public ObjectNode list(@QueryParam("limit") String limit) {
        int max = 100;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 1000) {
                throw AtriumException.invalidField("limit", "must be between 1 and 1000");
            }
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode items = json.putArray("items");
        for (LoginEvent e : users.loginEvents(max)) {
            items.addObject().put("loginName", e.loginName()).put("userId", e.userId()).put("success", e.success())
                    .put("reason", e.reason()).put("sourceAddress", e.sourceAddress()).put("at", e.at().toString());
        }
        return json;
    }
}
