package org.atriumcrm.opportunities.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.record.RecordStore;
import org.atriumcrm.api.security.Caller;
import org.atriumcrm.rest.api.EntityView;
import org.atriumcrm.rest.api.OperationSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/opportunities/processes}: the active sales processes with their stages in order (labels,
 * probability, the actions required before leaving, outcome). Sales processes are administrators' records, but a
 * rep who may view opportunities needs the stages to work them: the pipeline board's columns and the actions it
 * asks for before a move.
 */
@Component(service = EntityView.class, property = {EntityView.ENTITY_PROPERTY + "=Opportunity", EntityView.VIEW_PROPERTY + "=processes",
    EntityView.SUMMARY_PROPERTY + "=Active sales processes and their stages in order, with the actions each stage requires"})
public class ProcessesView implements EntityView {
    private final Pipeline pipeline;
    private final OpportunityStore store;

    @Activate
    public ProcessesView(@Reference Pipeline pipeline, @Reference OpportunityStore store,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        this.pipeline = pipeline;
        this.store = store;
    }

    @Override
    public OperationSchema viewSchema() {
        return OperationSchema.json(null, """
                {"type": "object", "additionalProperties": false, "required": ["processes"],
                 "properties": {"processes": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                   "required": ["id", "name", "opportunityType", "stages"],
                   "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "opportunityType": {"type": "string"},
                     "stages": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                       "required": ["name", "labelEn", "labelZh", "outcome", "requiredActions"],
                       "properties": {"name": {"type": "string"}, "labelEn": {"type": "string"}, "labelZh": {"type": "string"},
                         "position": {"type": "integer", "format": "int64", "nullable": true},
                         "probability": {"type": "integer", "format": "int64", "nullable": true},
                         "outcome": {"type": "string", "enum": ["open", "won", "lost"]},
                         "requiredActions": {"type": "array", "items": {"type": "string"},
                           "description": "to be recorded as done (complete-actions) before the opportunity leaves this stage"}}}}}}}}}""");
    }

    @Override
    public Object view(RecordStore<?> records, Map<String, List<String>> params, Caller caller) {
        pipeline.access(caller);
        if (!params.isEmpty()) {
            String name = params.keySet().iterator().next();
            throw org.atriumcrm.api.error.AtriumException.invalidField(name, "is not a parameter of this view: it takes none");
        }
        List<Map<String, Object>> processes = store.inTransaction(em -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (SalesProcess p : em.createQuery("SELECT p FROM SalesProcess p WHERE p.active = TRUE AND p.deletedAt IS NULL"
                    + " ORDER BY p.createdAt", SalesProcess.class).getResultList()) {
                Map<String, Object> process = new LinkedHashMap<>();
                process.put("id", p.getId());
                process.put("name", p.getName());
                process.put("opportunityType", p.getOpportunityType());
                List<Map<String, Object>> stages = new ArrayList<>();
                for (SalesStage s : OpportunityStore.stages(em, p.getId())) {
                    Map<String, Object> stage = new LinkedHashMap<>();
                    stage.put("name", s.getName());
                    stage.put("labelEn", s.getLabelEn() == null ? s.getName() : s.getLabelEn());
                    stage.put("labelZh", s.getLabelZh() == null ? s.getName() : s.getLabelZh());
                    stage.put("position", s.getPosition());
                    stage.put("probability", s.getProbability());
                    stage.put("outcome", s.getOutcome());
                    stage.put("requiredActions", s.actions());
                    stages.add(stage);
                }
                process.put("stages", stages);
                out.add(process);
            }
            return out;
        });
        return Map.of("processes", processes);
    }
}
