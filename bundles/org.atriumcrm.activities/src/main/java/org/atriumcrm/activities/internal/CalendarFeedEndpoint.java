package org.atriumcrm.activities.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.PublicEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/public/calendar/{token}.ics}: a user's activities for a calendar app that subscribes to the
 * secret URL (calendar apps send no credentials). An unknown, malformed or revoked token is a 404 that tells nothing
 * more. The answer is never cached by proxies: it is one person's calendar.
 */
@Component(service = PublicEndpoint.class, property = {PublicEndpoint.PATH_PROPERTY + "=calendar",
    PublicEndpoint.SUMMARY_PROPERTY + "=A user's iCalendar feed: GET {token}.ics (the token from POST /api/v1/activities/calendar-feed)"})
public class CalendarFeedEndpoint implements PublicEndpoint {
    static final String CALENDAR = "text/calendar; charset=utf-8";
    private final CalendarFeeds feeds;

    @Activate
    public CalendarFeedEndpoint(@Reference CalendarFeeds feeds,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ActivityTypes.MODULE + ")") ModuleGate gate) {
        this.feeds = feeds;
    }

    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode openApiPaths() {
        return OperationSchema.object("""
                {"/v1/public/calendar/{token}.ics": {"parameters": [{"name": "token", "in": "path", "required": true,
                   "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{43}$"}}],
                  "get": {"operationId": "getCalendarFeed", "summary": "A user's activities as iCalendar (RFC 5545) for a subscribing calendar",
                    "responses": {"200": {"description": "the calendar", "content": {"text/calendar": {"schema": {"type": "string"}}}},
                      "404": {"description": "an unknown or revoked token", "content": {"application/problem+json": {
                        "schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}""");
    }

    @GET
    @Path("{token}.ics")
    public Response feed(@PathParam("token") String token) {
        Answer a = answer(token);
        Response.ResponseBuilder r = Response.status(a.status()).type(a.contentType()).entity(a.body());
        if (a.status() == 200) {
            r.header("Cache-Control", "private, no-store").header("Content-Disposition", "inline; filename=\"atrium.ics\"");
        }
        return r.build();
    }

    /** What {@link #feed} answers, without JAX-RS (whose runtime the unit tests do not have). */
    record Answer(int status, String contentType, String body) {
    }

    Answer answer(String token) {
        return feeds.userOf(token).map(user -> new Answer(200, CALENDAR, feeds.calendarOf(user)))
                .orElseGet(() -> new Answer(404, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such calendar\"}"));
    }
}
