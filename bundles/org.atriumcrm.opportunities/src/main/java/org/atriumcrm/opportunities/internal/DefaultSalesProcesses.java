package org.atriumcrm.opportunities.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.query.Condition;
import org.atriumcrm.api.query.ListQuery;
import org.atriumcrm.api.query.Operator;
import org.atriumcrm.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The sales processes a fresh installation ships with, one per opportunity type that has none yet, with Chinese
 * and English stage names: 初步接洽 → 需求确认 → 方案演示 → 方案报价 → 谈判审核 → 赢单 / 输单. Administrators change them
 * as records ({@code /api/v1/sales-processes}, {@code /api/v1/sales-stages}).
 */
@Component(immediate = true)
public class DefaultSalesProcesses {
    private record Stage(String name, String en, String zh, long probability, String actions, String outcome) {
    }

    private static final List<Stage> STANDARD = List.of(
            new Stage("prospecting", "Prospecting", "初步接洽", 10, "", SalesStage.OPEN),
            new Stage("qualification", "Qualification", "需求确认", 20, "needs_confirmed", SalesStage.OPEN),
            new Stage("solution", "Solution and demo", "方案演示", 40, "visit_done,demo_held", SalesStage.OPEN),
            new Stage("proposal", "Proposal and quote", "方案报价", 60, "proposal_sent", SalesStage.OPEN),
            new Stage("negotiation", "Negotiation and review", "谈判审核", 80, "contract_reviewed", SalesStage.OPEN),
            new Stage("closed_won", "Closed won", "赢单", 100, "", SalesStage.WON),
            new Stage("closed_lost", "Closed lost", "输单", 0, "", SalesStage.LOST));

    private static final List<Stage> RENEWAL = List.of(
            new Stage("renewal_due", "Renewal due", "待续约", 50, "customer_contacted", SalesStage.OPEN),
            new Stage("renewal_quoted", "Renewal quoted", "续约报价", 80, "quote_sent", SalesStage.OPEN),
            new Stage("closed_won", "Closed won", "赢单", 100, "", SalesStage.WON),
            new Stage("closed_lost", "Closed lost", "输单", 0, "", SalesStage.LOST));

    @Activate
    public DefaultSalesProcesses(@Reference SalesProcessStore processes, @Reference SalesStageStore stages,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")") ModuleGate gate) {
        seed(processes, stages, OpportunityTypes.NEW_BUSINESS, "Standard sales process", "标准销售流程", STANDARD);
        seed(processes, stages, "existing_business", "Existing customer sales process", "老客户销售流程", STANDARD);
        seed(processes, stages, "renewal", "Renewal", "续约流程", RENEWAL);
    }

    private static void seed(SalesProcessStore processes, SalesStageStore stages, String type, String en, String zh,
            List<Stage> plan) {
        ListQuery existing = new ListQuery(0, 1, List.of(), null, List.of(new Condition("opportunityType", Operator.EQ, List.of(type))));
        if (processes.list(existing).total() > 0) {
            return;
        }
        Map<String, Object> process = new HashMap<>();
        process.put("name", en + " / " + zh);
        process.put("opportunityType", type);
        process.put("description", "Shipped with Atrium CRM; change it to fit your sales team");
        String processId = processes.create(process, Caller.SYSTEM).getId();
        long position = 10;
        for (Stage s : plan) {
            Map<String, Object> stage = new HashMap<>();
            stage.put("salesProcessId", processId);
            stage.put("position", position);
            stage.put("name", s.name());
            stage.put("labelEn", s.en());
            stage.put("labelZh", s.zh());
            stage.put("probability", s.probability());
            stage.put("requiredActions", s.actions().isEmpty() ? null : s.actions());
            stage.put("outcome", s.outcome());
            stages.create(stage, Caller.SYSTEM);
            position += 10;
        }
    }
}
