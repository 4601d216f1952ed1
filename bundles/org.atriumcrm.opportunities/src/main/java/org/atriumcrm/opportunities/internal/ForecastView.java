package org.atriumcrm.opportunities.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/opportunities/forecast?from=&to=}: per owner and in total, for opportunities closing in the period: committed (won), weighted pipeline (open, amount × probability) and best case (won + all open). */
@Component(service = EntityView.class, property = {EntityView.ENTITY_PROPERTY + "=Opportunity", EntityView.VIEW_PROPERTY + "=forecast",
    EntityView.SUMMARY_PROPERTY + "=Forecast per owner and in total: committed, weighted pipeline, best case; from, to, ownerId, type, source"})
public class ForecastView implements EntityView {
    private final Pipeline pipeline;

    @Activate
    public ForecastView(@Reference Pipeline pipeline,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        this.pipeline = pipeline;
    }

    @Override
    public OperationSchema viewSchema() {
        return OperationSchema.json(null, """
                {"type": "object", "additionalProperties": false, "required": ["owners", "teams"],
                 "properties": {
                   "from": {"type": "string", "format": "date", "nullable": true},
                   "to": {"type": "string", "format": "date", "nullable": true},
                   "owners": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                     "required": ["ownerId", "openOpportunities"],
                     "properties": {"ownerId": {"type": "string"}, "openOpportunities": {"type": "integer", "format": "int64"},
                       "committed": %1$s, "weightedPipeline": %1$s, "bestCase": %1$s}}},
                   "teams": {"type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["teamId", "team"],
                     "properties": {"teamId": {"type": "string"}, "team": {"type": "string"},
                       "committed": %1$s, "weightedPipeline": %1$s, "bestCase": %1$s}}},
                   "committed": %1$s, "weightedPipeline": %1$s, "bestCase": %1$s}}""".formatted(Pipeline.MONEY))
                .withParameters(Pipeline.VIEW_PARAMETERS);
    }

    @Override
    public Object view(RecordStore<?> records, Map<String, List<String>> params, Caller caller) {
        EntityAccess a = pipeline.access(caller);
        List<Condition> where = pipeline.conditions(params, Set.of());
        Map<String, BigDecimal[]> byOwner = new LinkedHashMap<>();
        Map<String, long[]> openCount = new HashMap<>();
        for (Object[] r : pipeline.aggregate(a, where, List.of("ownerId", "closed", "won"))) {
            BigDecimal[] f = byOwner.computeIfAbsent(String.valueOf(r[0]), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            boolean closed = Boolean.TRUE.equals(r[1]);
            boolean won = Boolean.TRUE.equals(r[2]);
            if (won) {
                f[0] = f[0].add(Pipeline.money(r[4]));
                f[2] = f[2].add(Pipeline.money(r[4]));
            } else if (!closed) {
                f[1] = f[1].add(Pipeline.weighted(r[5]));
                f[2] = f[2].add(Pipeline.money(r[4]));
                openCount.computeIfAbsent(String.valueOf(r[0]), k -> new long[1])[0] += ((Number) r[3]).longValue();
            }
        }
        List<Map<String, Object>> owners = new ArrayList<>();
        BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        byOwner.forEach((owner, f) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ownerId", owner);
            row.put("openOpportunities", openCount.containsKey(owner) ? openCount.get(owner)[0] : 0);
            if (Pipeline.amountVisible(a)) {
                row.put("committed", f[0]);
                row.put("weightedPipeline", f[1]);
                row.put("bestCase", f[2]);
            }
            owners.add(row);
            for (int i = 0; i < 3; i++) {
                total[i] = total[i].add(f[i]);
            }
        });
        owners.sort(Comparator.comparing(m -> String.valueOf(m.get("ownerId"))));
        List<Map<String, Object>> teams = new ArrayList<>();
        if (Pipeline.amountVisible(a)) {
            for (var team : pipeline.teams()) {
                BigDecimal[] sum = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                boolean any = false;
                for (Map.Entry<String, BigDecimal[]> e : byOwner.entrySet()) {
                    if (team.memberIds().contains(e.getKey()) || team.id().equals(e.getKey())) {
                        any = true;
                        for (int i = 0; i < 3; i++) {
                            sum[i] = sum[i].add(e.getValue()[i]);
                        }
                    }
                }
                if (any) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("teamId", team.id());
                    row.put("team", team.name());
                    row.put("committed", sum[0]);
                    row.put("weightedPipeline", sum[1]);
                    row.put("bestCase", sum[2]);
                    teams.add(row);
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", Pipeline.first(params, "from"));
        json.put("to", Pipeline.first(params, "to"));
        json.put("owners", owners);
        json.put("teams", teams);
        if (Pipeline.amountVisible(a)) {
            json.put("committed", total[0]);
            json.put("weightedPipeline", total[1]);
            json.put("bestCase", total[2]);
        }
        return json;
    }
}
