package org.atriumcrm.opportunities.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atriumcrm.api.meta.PicklistValue;
import org.atriumcrm.api.meta.StandardPicklists;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.AccessPolicy;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.api.security.EntityAccess;
import org.atriumcrm.api.security.Right;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/opportunities/source-analysis?from=&to=}: per lead source, the leads captured and converted
 * (when the leads module is enabled), the opportunities opened, won and their won amount — all among the records
 * the caller may see.
 */
@Component(service = EntityView.class, property = {EntityView.ENTITY_PROPERTY + "=Opportunity",
    EntityView.VIEW_PROPERTY + "=source-analysis",
    EntityView.SUMMARY_PROPERTY + "=Per lead source: leads, converted leads, opportunities, won, won amount"})
public class SourceAnalysisView implements EntityView {
    private final Pipeline pipeline;
    private final AccessPolicy access;
    private volatile RecordStore<?> leads;

    @Activate
    public SourceAnalysisView(@Reference Pipeline pipeline, @Reference AccessPolicy access,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        this.pipeline = pipeline;
        this.access = access;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + RecordStore.ENTITY_PROPERTY + "=Lead)")
    void setLeads(RecordStore<?> store) {
        leads = store;
    }

    void unsetLeads(RecordStore<?> store) {
        if (leads == store) {
            leads = null;
        }
    }

    @Override
    public OperationSchema viewSchema() {
        return OperationSchema.json(null, """
                {"type": "object", "additionalProperties": false, "required": ["sources"],
                 "properties": {"sources": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                   "required": ["source", "labelEn", "labelZh", "opportunities", "won"],
                   "properties": {"source": {"type": "string"}, "labelEn": {"type": "string"}, "labelZh": {"type": "string"},
                     "opportunities": {"type": "integer", "format": "int64"}, "won": {"type": "integer", "format": "int64"},
                     "wonAmount": %1$s,
                     "leads": {"type": "integer", "format": "int64", "description": "when you may see leads"},
                     "convertedLeads": {"type": "integer", "format": "int64", "description": "when you may see leads"}}}}}}"""
                .formatted(Pipeline.MONEY)).withParameters(Pipeline.VIEW_PARAMETERS);
    }

    @Override
    public Object view(RecordStore<?> records, Map<String, List<String>> params, Caller caller) {
        EntityAccess a = pipeline.access(caller);
        List<Condition> where = pipeline.conditions(params, Set.of());
        Map<String, Map<String, Object>> bySource = new LinkedHashMap<>();
        for (PicklistValue source : StandardPicklists.SOURCES) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source", source.value());
            row.put("labelEn", source.label().en());
            row.put("labelZh", source.label().zhCN());
            row.put("opportunities", 0L);
            row.put("won", 0L);
            if (Pipeline.amountVisible(a)) {
                row.put("wonAmount", BigDecimal.ZERO.setScale(2));
            }
            bySource.put(source.value(), row);
        }
        for (Object[] r : pipeline.aggregate(a, where, List.of("source", "won"))) {
            Map<String, Object> row = bySource.get(String.valueOf(r[0]));
            if (row == null) {
                continue; // opportunities without a source
            }
            long count = ((Number) r[2]).longValue();
            row.put("opportunities", (Long) row.get("opportunities") + count);
            if (Boolean.TRUE.equals(r[1])) {
                row.put("won", (Long) row.get("won") + count);
                if (Pipeline.amountVisible(a)) {
                    row.put("wonAmount", ((BigDecimal) row.get("wonAmount")).add(Pipeline.money(r[3])));
                }
            }
        }
        RecordStore<?> leadStore = leads;
        if (leadStore != null && access.access(caller, leadStore.type()).can(Right.VIEW)) {
            RecordStore<?> visibleLeads = access.secure(leadStore, caller);
            for (Map<String, Object> row : bySource.values()) {
                Condition source = new Condition("source", Operator.EQ, List.of(row.get("source")));
                row.put("leads", visibleLeads.list(new ListQuery(0, 1, List.of(), null, List.of(source))).total());
                row.put("convertedLeads", visibleLeads.list(new ListQuery(0, 1, List.of(), null, List.of(source,
                        new Condition("status", Operator.EQ, List.of("converted"))))).total());
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sources", List.copyOf(bySource.values()));
        return json;
    }
}
