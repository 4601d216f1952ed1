package org.atriumcrm.activities.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.OperationSchema;
import org.atriumcrm.rest.api.RecordAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/activities/calendar-feed} with {@code {}}: the caller's new iCalendar feed URL (the earlier one
 * stops working), and {@code {"revoke": true}}: the caller's feed revoked, no new one. The token is in the answer once
 * and never again: only its digest is stored.
 */
@Component(service = RecordAction.class, property = {RecordAction.ENTITY_PROPERTY + "=Activity", RecordAction.ACTION_PROPERTY + "=calendar-feed",
    RecordAction.SCOPE_PROPERTY + "=" + RecordAction.COLLECTION_SCOPE,
    RecordAction.SUMMARY_PROPERTY + "=Creates or rotates your iCalendar feed (its secret URL is answered once), or revokes it with {\"revoke\": true}"})
public class CalendarFeedAction implements RecordAction {
    static final String PUBLIC_PATH = "/api/v1/public/calendar/";
    private final CalendarFeeds feeds;

    @Activate
    public CalendarFeedAction(@Reference CalendarFeeds feeds,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ActivityTypes.MODULE + ")") ModuleGate gate) {
        this.feeds = feeds;
    }

    @Override
    public OperationSchema actionSchema() {
        return OperationSchema.json("""
                {"type": "object", "additionalProperties": false, "properties": {
                  "revoke": {"type": "boolean", "description": "true: revoke your feed and make none"}}}""", """
                {"type": "object", "properties": {
                  "path": {"type": "string", "nullable": true, "description": "the feed's path on this server (secret; shown once)"},
                  "token": {"type": "string", "nullable": true},
                  "createdAt": {"type": "string", "format": "date-time", "nullable": true},
                  "revoked": {"type": "integer", "description": "feeds revoked by this call"}}}""");
    }

    @Override
    public Object perform(RecordStore<?> records, String id, JsonNode body, Caller caller) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (body != null && body.path("revoke").asBoolean(false)) {
            answer.put("revoked", feeds.revoke(caller.userId()));
            return answer;
        }
        CalendarFeeds.Created created = feeds.rotate(caller.userId());
        answer.put("path", PUBLIC_PATH + created.token() + ".ics");
        answer.put("token", created.token());
        answer.put("createdAt", created.createdAt().toString());
        return answer;
    }
}
