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

/** {@code GET /api/v1/opportunities/stage-metrics?from=&to=&type=}: per stage, how many visible opportunities entered it, how many went on to a later stage (conversion rate), and the average time spent in it. */
@Component(service = EntityView.class, property = {EntityView.ENTITY_PROPERTY + "=Opportunity", EntityView.VIEW_PROPERTY + "=stage-metrics",
    EntityView.SUMMARY_PROPERTY + "=Per stage: entered, moved on, conversion rate, average time in stage; from, to, ownerId, type, source"})
public class StageMetricsView implements EntityView {
    private final Pipeline pipeline;

    @Activate
    public StageMetricsView(@Reference Pipeline pipeline,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        this.pipeline = pipeline;
    }

    @Override
    public OperationSchema viewSchema() {
        return OperationSchema.json(null, """
                {"type": "object", "additionalProperties": false, "required": ["stages"],
                 "properties": {"stages": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                   "required": ["salesProcessId", "stage", "labelEn", "labelZh", "entered", "movedOn"],
                   "properties": {"salesProcessId": {"type": "string"}, "stage": {"type": "string"},
                     "labelEn": {"type": "string"}, "labelZh": {"type": "string"},
                     "position": {"type": "integer", "format": "int32", "nullable": true},
                     "entered": {"type": "integer", "format": "int32", "description": "opportunities that entered the stage"},
                     "movedOn": {"type": "integer", "format": "int32", "description": "of those, the ones that left it forward"},
                     "conversionRate": {"type": "number", "nullable": true, "description": "movedOn / entered (0 to 1); open stages only"},
                     "averageSecondsInStage": {"type": "integer", "format": "int64", "nullable": true}}}}}}""")
                .withParameters(Pipeline.VIEW_PARAMETERS);
    }

    @Override
    public Object view(RecordStore<?> records, Map<String, List<String>> params, Caller caller) {
        EntityAccess a = pipeline.access(caller);
        List<Condition> where = pipeline.conditions(params, Set.of());
        Map<String, SalesStage> stages = pipeline.stages();
        Map<String, Set<String>> entered = new HashMap<>();
        Map<String, Set<String>> movedOn = new HashMap<>();
        Map<String, long[]> time = new HashMap<>();
        for (Object[] r : pipeline.stageChanges(a, where)) {
            String opp = (String) r[0];
            String process = (String) r[4];
            String to = process + "/" + r[2];
            entered.computeIfAbsent(to, k -> new java.util.HashSet<>()).add(opp);
            if (r[1] != null) {
                String from = process + "/" + r[1];
                SalesStage fromStage = stages.get(from);
                SalesStage toStage = stages.get(to);
                if (fromStage != null && toStage != null && toStage.getPosition() > fromStage.getPosition()
                        && !SalesStage.LOST.equals(toStage.getOutcome())) {
                    movedOn.computeIfAbsent(from, k -> new java.util.HashSet<>()).add(opp);
                }
                if (r[3] != null) {
                    long[] t = time.computeIfAbsent(from, k -> new long[2]);
                    t[0] += ((Number) r[3]).longValue();
                    t[1]++;
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SalesStage s : stages.values()) {
            String key = s.getSalesProcessId() + "/" + s.getName();
            int in = entered.getOrDefault(key, Set.of()).size();
            if (in == 0 && !time.containsKey(key)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("salesProcessId", s.getSalesProcessId());
            row.put("stage", s.getName());
            row.put("labelEn", s.getLabelEn());
            row.put("labelZh", s.getLabelZh());
            row.put("position", s.getPosition());
            row.put("entered", in);
            int on = movedOn.getOrDefault(key, Set.of()).size();
            row.put("movedOn", on);
            row.put("conversionRate", in == 0 || !SalesStage.OPEN.equals(s.getOutcome()) ? null
                    : BigDecimal.valueOf(on).divide(BigDecimal.valueOf(in), 4, java.math.RoundingMode.HALF_UP));
            long[] t = time.get(key);
            row.put("averageSecondsInStage", t == null || t[1] == 0 ? null : t[0] / t[1]);
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("salesProcessId")))
                .thenComparing(m -> (Long) m.get("position")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stages", rows);
        return json;
    }
}
