package org.atriumcrm.activities.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.error.AtriumException;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/activities/occurrences?from=&to=&ownerId=}: the occurrences starting in [from, to) of the
 * activities the caller may see (read through the caller's secured store, so its visibility applies), moved ones at
 * their new time, cancelled ones left out.
 */
@Component(service = {EntityView.class, OccurrencesView.class}, property = {EntityView.ENTITY_PROPERTY + "=Activity",
    EntityView.VIEW_PROPERTY + "=occurrences",
    EntityView.SUMMARY_PROPERTY + "=The occurrences of the activities you may see whose start is in [from, to) (ISO-8601 instants, at most 366 days),"
        + " of one owner with ownerId; moved occurrences at their new time, cancelled ones left out"})
public class OccurrencesView implements EntityView {
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    /** A window's activities beyond this are a 400: ask for a shorter window or one owner. */
    static final int MAX_ACTIVITIES = 5000;
    private final ActivityStore activities;

    @Activate
    public OccurrencesView(@Reference ActivityStore activities,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ActivityTypes.MODULE + ")") ModuleGate gate) {
        this.activities = activities;
    }

    @Override
    public OperationSchema viewSchema() {
        return OperationSchema.json(null, """
                {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"type": "object",
                  "required": ["activityId", "originalStart", "start", "end", "subject", "kind", "status", "allDay", "moved"],
                  "properties": {
                    "activityId": {"type": "string"},
                    "originalStart": {"type": "string", "format": "date-time", "description": "the start by the rule: the occurrence's key"},
                    "start": {"type": "string", "format": "date-time"},
                    "end": {"type": "string", "format": "date-time"},
                    "subject": {"type": "string"},
                    "kind": {"type": "string", "enum": ["task", "meeting", "call"]},
                    "status": {"type": "string"},
                    "location": {"type": "string", "nullable": true},
                    "allDay": {"type": "boolean"},
                    "moved": {"type": "boolean", "description": "changed alone (ActivityOccurrenceChange)"}}}}}}""")
                .withParameters("""
                        [{"name": "from", "in": "query", "required": true, "description": "window start (inclusive), ISO-8601 instant",
                          "schema": {"type": "string", "format": "date-time"}},
                         {"name": "to", "in": "query", "required": true, "description": "window end (exclusive), at most 366 days after from",
                          "schema": {"type": "string", "format": "date-time"}},
                         {"name": "ownerId", "in": "query", "description": "only this owner's activities",
                          "schema": {"type": "string"}}]""");
    }

    @Override
    public Object view(RecordStore<?> records, Map<String, List<String>> params, Caller caller) {
        Instant from = instant(params, "from");
        Instant to = instant(params, "to");
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw AtriumException.invalid("to", "occurrence-window", "must be after from, and at most 366 days after it", 366);
        }
        String owner = one(params, "ownerId");
        @SuppressWarnings("unchecked")
        RecordStore<Activity> visible = (RecordStore<Activity>) records;
        List<Activity> found = candidates(visible, owner, from, to);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Occurrence o : Occurrences.expand(found, activities.changesOf(found.stream().map(Activity::getId).toList()), from, to)) {
            items.add(json(o));
        }
        return Map.of("items", items);
    }

    /** The activities of {@code store} (the caller's view of them) that may have an occurrence starting in [from, to). */
    static List<Activity> candidates(RecordStore<Activity> store, String owner, Instant from, Instant to) {
        List<Condition> where = new ArrayList<>(List.of(new Condition("startAt", Operator.LT, List.of(to)),
                new Condition("seriesEnd", Operator.GE, List.of(from))));
        if (owner != null) {
            where.add(new Condition("ownerId", Operator.EQ, List.of(owner)));
        }
        List<Activity> found = new ArrayList<>();
        store.forEach(new ListQuery(0, ListQuery.MAX_LIMIT, List.of(), null, where), a -> {
            if (found.size() == MAX_ACTIVITIES) {
                throw AtriumException.invalid("to", "occurrence-too-many", "the window has more than " + MAX_ACTIVITIES
                        + " activities: ask for a shorter one or one owner", MAX_ACTIVITIES);
            }
            found.add(a);
        });
        return found;
    }

    static Map<String, Object> json(Occurrence o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activityId", o.activityId());
        m.put("originalStart", o.originalStart().toString());
        m.put("start", o.start().toString());
        m.put("end", o.end().toString());
        m.put("subject", o.subject());
        m.put("kind", o.kind());
        m.put("status", o.status());
        m.put("location", o.location());
        m.put("allDay", o.allDay());
        m.put("moved", o.moved());
        return m;
    }

    private static Instant instant(Map<String, List<String>> params, String name) {
        String v = one(params, name);
        if (v == null) {
            throw AtriumException.invalid(name, "required", "is required");
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw AtriumException.invalid(name, "instant", "must be an ISO-8601 instant like 2026-12-07T00:00:00Z");
        }
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
    }
}
