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

/** {@code GET /api/v1/opportunities/funnel?from=&to=&ownerId=&type=&source=}: per stage of each sales process, in stage order: count, amount and weighted amount (amount × probability) of the visible opportunities closing in the period. */
@Component(service = EntityView.class, property = {EntityView.ENTITY_PROPERTY + "=Opportunity", EntityView.VIEW_PROPERTY + "=funnel",
    EntityView.SUMMARY_PROPERTY + "=Sales funnel per stage: count, amount, weighted amount; from, to (close date), ownerId, type, source"})
public class FunnelView implements EntityView {
    private final Pipeline pipeline;

    @Activate
    public FunnelView(@Reference Pipeline pipeline,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        this.pipeline = pipeline;
    }

    @Override
    public OperationSchema viewSchema() {
        return OperationSchema.json(null, """
                {"type": "object", "additionalProperties": false, "required": ["stages", "totals"],
                 "properties": {
                   "from": {"type": "string", "format": "date", "nullable": true},
                   "to": {"type": "string", "format": "date", "nullable": true},
                   "stages": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                     "required": ["salesProcessId", "stage", "labelEn", "labelZh", "outcome", "count"],
                     "properties": {"salesProcessId": {"type": "string"}, "stage": {"type": "string"},
                       "labelEn": {"type": "string"}, "labelZh": {"type": "string"},
                       "position": {"type": "integer", "format": "int32", "nullable": true},
                       "outcome": {"type": "string", "enum": ["open", "won", "lost"]},
                       "count": {"type": "integer", "format": "int64"}, "amount": %1$s, "weightedAmount": %1$s}}},
                   "totals": {"type": "object", "description": "per outcome (open, won, lost)",
                     "additionalProperties": {"type": "object", "additionalProperties": false, "required": ["count"],
                       "properties": {"count": {"type": "integer", "format": "int64"}, "amount": %1$s, "weightedAmount": %1$s}}}}}"""
                .formatted(Pipeline.MONEY)).withParameters(Pipeline.VIEW_PARAMETERS);
    }

    @Override
    public Object view(RecordStore<?> records, Map<String, List<String>> params, Caller caller) {
        EntityAccess a = pipeline.access(caller);
        List<Condition> where = pipeline.conditions(params, Set.of());
        Map<String, SalesStage> stages = pipeline.stages();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Object[] r : pipeline.aggregate(a, where, List.of("salesProcessId", "stage"))) {
            SalesStage s = stages.get(r[0] + "/" + r[1]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("salesProcessId", r[0]);
            row.put("stage", r[1]);
            row.put("labelEn", s == null ? r[1] : s.getLabelEn());
            row.put("labelZh", s == null ? r[1] : s.getLabelZh());
            row.put("position", s == null ? null : s.getPosition());
            String outcome = s == null ? SalesStage.OPEN : s.getOutcome();
            row.put("outcome", outcome);
            row.putAll(Pipeline.figures(a, ((Number) r[2]).longValue(), r[3], r[4]));
            rows.add(row);
            counts.computeIfAbsent(outcome, k -> new long[1])[0] += ((Number) r[2]).longValue();
            BigDecimal[] sum = sums.computeIfAbsent(outcome, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(Pipeline.money(r[3]));
            sum[1] = sum[1].add(Pipeline.weighted(r[4]));
        }
        rows.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("salesProcessId")))
                .thenComparing(m -> m.get("position") == null ? Long.MAX_VALUE : (Long) m.get("position")));
        Map<String, Object> totals = new LinkedHashMap<>();
        for (String outcome : List.of(SalesStage.OPEN, SalesStage.WON, SalesStage.LOST)) {
            long c = counts.containsKey(outcome) ? counts.get(outcome)[0] : 0;
            BigDecimal[] s = sums.getOrDefault(outcome, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            totals.put(outcome, Pipeline.figures(a, c, s[0], s[1].multiply(BigDecimal.valueOf(100))));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", Pipeline.first(params, "from"));
        json.put("to", Pipeline.first(params, "to"));
        json.put("stages", rows);
        json.put("totals", totals);
        return json;
    }
}
